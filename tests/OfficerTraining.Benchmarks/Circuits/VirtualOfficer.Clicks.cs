using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace OfficerTraining.Benchmarks.Circuits;

public sealed partial class VirtualOfficer
{
    /// <summary>An answer option on screen: its id (answer-{item}-{position}), its current change-handler id, whether it
    /// is ticked, whether it is a checkbox, and the component that rendered it.</summary>
    sealed record Option(string Id, ulong Handler, bool Checked, bool Checkbox, int ComponentId);

    List<Option> Options() =>
    [
        .. _dom.Elements()
            .Where(e => e.Element.Tag == "input" && e.Element["id"]?.StartsWith("answer-", StringComparison.Ordinal) == true)
            .Select(e => new Option(e.Element["id"]!, e.Element.Attributes.GetValueOrDefault("onchange").Handler,
                e.Element.Attributes.ContainsKey("checked"), e.Element["type"] == "checkbox", e.ComponentId)),
    ];

    /// <summary>The save badge's state, from its class: saved, empty (saved, nothing chosen), saving, retrying, refused.</summary>
    string? Badge() => _dom.Elements().Select(e => e.Element["class"])
        .FirstOrDefault(c => c?.StartsWith("exam-save exam-save-", StringComparison.Ordinal) == true)?["exam-save exam-save-".Length..];

    /// <summary>
    /// Open-loop clicks until <paramref name="until"/>: the intended times come from a timetable with exponential gaps of
    /// mean <paramref name="thinkTime"/>, and latency counts from the intended time, so a slow answer delays the next
    /// click without hiding its own wait (no coordinated omission).
    /// </summary>
    public async Task Answer(TimeSpan thinkTime, long until, Random random, CancellationToken ct)
    {
        var next = Stopwatch.GetTimestamp();
        while (!ct.IsCancellationRequested)
        {
            next += (long)(-Math.Log(1 - random.NextDouble()) * thinkTime.TotalSeconds * Stopwatch.Frequency);
            if (next >= until) return;
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
            if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
            if (_connection?.State != HubConnectionState.Connected) return;
            await ClickAt(next);
        }
    }

    /// <summary>Ticks an option of the item on screen as a browser's change event would report it: a radio button not yet
    /// chosen (so every click is a change), or for a checkbox the first or second option by turns. Each click records a
    /// new AnswerRecorded event.</summary>
    async Task ClickAt(long intended)
    {
        Click click;
        string args;
        lock (_gate)
        {
            var options = Options();
            if (options.Count < 2 || options.Any(o => o.Handler == 0))
            {
                stats.DispatchFailed($"no answer options on screen for {attemptId}");
                return;
            }
            var target = options[0].Checkbox ? options[_clickCount % 2] : options.Take(2).First(o => !o.Checked);
            _clickCount++;
            var value = target.Checkbox ? (object)!target.Checked : "on";
            args = JsonSerializer.Serialize<object[]>([
                new { eventHandlerId = target.Handler, eventName = "change", eventFieldInfo = new { componentId = target.ComponentId, fieldValue = value } },
                new { value },
            ]);
            _click = click = new Click((++_callIds).ToString(CultureInfo.InvariantCulture), intended, target.Id, !target.Checkbox || !target.Checked);
        }
        stats.Clicked();
        try
        {
            await _connection!.SendAsync("BeginInvokeDotNetFromJS", click.CallId, null, "DispatchEventAsync",
                Interlocked.Read(ref _rendererInterop), args);
            if (await Task.WhenAny(click.Done.Task, Task.Delay(SaveTimeout)) != click.Done.Task)
                stats.TimedOut($"no saved answer within {SaveTimeout.TotalSeconds:0} s on {attemptId}");
        }
        catch (Exception e)
        {
            stats.DispatchFailed(e.Message);
        }
        finally
        {
            lock (_gate) _click = null;
        }
    }

    /// <summary>Leaves as a closing tab does: stops the connection, then tells the server the circuit is gone
    /// (<c>POST /_blazor/disconnect</c>), so it is disposed now rather than kept for a reconnect.</summary>
    public async Task Leave(HttpClient http)
    {
        Volatile.Write(ref _leaving, true);
        if (_connection is not null)
        {
            try { await _connection.StopAsync(); } catch (Exception) { /* already gone */ }
            await _connection.DisposeAsync();
        }
        if (_circuitId is null) return;
        using var request = new HttpRequestMessage(HttpMethod.Post, "_blazor/disconnect")
        {
            Content = new FormUrlEncodedContent([new("circuitId", _circuitId)]),
        };
        request.Headers.Add("Cookie", Cookie);
        using var _ = await http.SendAsync(request);
    }
}
