using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OfficerTraining.Benchmarks.Circuits;

/// <summary>
/// One officer's exam tab, without a browser: it GETs the exam page with the officer's cookie, opens a circuit over
/// SignalR (blazorpack, WebSockets, permessage-deflate) for the page's interactive roots, answers the server's JS
/// interop calls, applies and acknowledges every render batch in order, and clicks answers as real DOM change events
/// (<c>DispatchEventAsync</c> on the renderer's interop object). A click is done when a later render shows the item's
/// badge as saved, which the page shows only after PostgreSQL committed the answer. One click at a time, like a person.
/// </summary>
public sealed partial class VirtualOfficer(Uri baseUri, string authCookie, Guid attemptId, CircuitStats stats, bool compression)
{
    static readonly TimeSpan SaveTimeout = TimeSpan.FromSeconds(30);
    readonly Lock _gate = new();
    readonly PageDom _dom = new();
    readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    HubConnection? _connection;
    string? _circuitId;
    long _rendererInterop = -1, _lastBatch = 1, _jsObjects;
    int _callIds, _clickCount;
    bool _leaving;
    Click? _click;

    /// <param name="OptionId">The option clicked, and <paramref name="Checked"/> whether it is ticked once the click is
    /// taken: the page renders an item's new choice together with "saving", and with "saved" only after the commit.</param>
    sealed class Click(string callId, long intended, string optionId, bool @checked)
    {
        public readonly string CallId = callId;
        public readonly long Intended = intended;
        public readonly string OptionId = optionId;
        public readonly bool Checked = @checked;
        public bool SawUnsaved;
        public readonly TaskCompletionSource Done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    string Cookie => $"{SignInForm.AuthCookie}={authCookie}";

    /// <summary>A folder to write this officer's first render batches to (batch-{id}.bin), for the reader's tests.</summary>
    public string? CaptureBatchesTo { get; init; }

    public async Task<bool> Start(HttpClient http, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var page = await LoadPage(http, ct);
            _connection = Connect();
            await _connection.StartAsync(ct);
            var pageUri = new Uri(baseUri, $"exams/attempts/{attemptId}").ToString();
            _circuitId = await _connection.InvokeAsync<string?>("StartCircuit", baseUri.ToString(), pageUri, "[]", page.State, ct)
                         ?? throw new InvalidOperationException("StartCircuit returned no circuit.");
            await _connection.SendAsync("UpdateRootComponents", page.RootComponentsBatch(), page.State, ct);
            await _ready.Task.WaitAsync(TimeSpan.FromSeconds(60), ct);
            stats.CircuitStarted(Stopwatch.GetElapsedTime(started));
            return true;
        }
        catch (Exception e)
        {
            stats.StartFailed($"start of {attemptId}: {e.GetType().Name}: {e.Message}");
            await Leave(http);
            return false;
        }
    }

    async Task<ExamPageMarkers> LoadPage(HttpClient http, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"exams/attempts/{attemptId}");
        request.Headers.Add("Cookie", Cookie);
        using var response = await http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        return ExamPageMarkers.Parse(await response.Content.ReadAsStringAsync(ct));
    }

    /// <summary>Negotiation is skipped (WebSockets only), so each officer holds one socket, not also a pooled HTTP
    /// connection left over from negotiate.</summary>
    HubConnection Connect()
    {
        var builder = new HubConnectionBuilder().WithUrl(new Uri(baseUri, "_blazor"), HttpTransportType.WebSockets, o =>
        {
            o.SkipNegotiation = true;
            o.Cookies.Add(new Cookie(SignInForm.AuthCookie, authCookie, "/", baseUri.Host));
            if (compression) o.WebSocketConfiguration = ws => ws.DangerousDeflateOptions = new WebSocketDeflateOptions();
        });
        builder.Services.RemoveAll<IHubProtocol>();
        builder.Services.AddSingleton<IHubProtocol, BlazorPack>();
        var connection = builder.Build();
        connection.On<long, string, string?, int, long, int>("JS.BeginInvokeJS", BeginInvokeJS);
        connection.On<string, bool, string?>("JS.EndInvokeDotNet", EndInvokeDotNet);
        connection.On<long, byte[]>("JS.RenderBatch", RenderBatch);
        connection.On<long>("JS.EndUpdateRootComponents", _ => { });
        connection.On<string>("JS.Error", message => stats.JsError(message));
        connection.Closed += e =>
        {
            if (!Volatile.Read(ref _leaving)) stats.ClosedUnexpectedly(e?.Message ?? "closed by the server");
            _ready.TrySetException(e ?? new InvalidOperationException("closed"));
            lock (_gate) _click?.Done.TrySetResult();
            return Task.CompletedTask;
        };
        return connection;
    }

    /// <summary>Answers every JS call the server makes, as blazor.web.js would: [handle, true, result]. The one that
    /// matters is attachWebRendererInterop, whose second argument is the renderer's DotNetObjectReference.</summary>
    async Task BeginInvokeJS(long asyncHandle, string identifier, string? argsJson, int resultType, long targetInstanceId, int callType)
    {
        stats.JsCalls.AddOrUpdate(identifier, 1, (_, n) => n + 1);
        if (identifier == "Blazor._internal.attachWebRendererInterop" && argsJson is not null)
        {
            using var args = JsonDocument.Parse(argsJson);
            Interlocked.Exchange(ref _rendererInterop, args.RootElement[1].GetProperty("__dotNetObject").GetInt64());
        }
        if (asyncHandle == 0) return;
        // ResultType 1 is a JS object reference: hand back a fresh id, as the browser would.
        var result = resultType == 1 ? $"{{\"__jsObjectId\":{Interlocked.Increment(ref _jsObjects)}}}" : "null";
        await _connection!.SendAsync("EndInvokeJSFromDotNet", asyncHandle, true,
            $"[{asyncHandle.ToString(CultureInfo.InvariantCulture)},true,{result}]");
    }

    void EndInvokeDotNet(string callId, bool success, string? result)
    {
        lock (_gate)
        {
            if (_click is null || _click.CallId != callId) return;
            if (success) stats.Acknowledged(Stopwatch.GetElapsedTime(_click.Intended));
            else
            {
                stats.DispatchFailed(result ?? "");
                _click.Done.TrySetResult();
            }
        }
    }

    /// <summary>Applies batches in order and acknowledges each (the server stops rendering after 10 unacknowledged);
    /// a batch sent again after a reconnect is acknowledged again and not applied twice.</summary>
    async Task RenderBatch(long batchId, byte[] data)
    {
        lock (_gate)
        {
            if (batchId == _lastBatch + 1)
            {
                if (CaptureBatchesTo is not null && batchId <= 12 && Path.Combine(CaptureBatchesTo, $"batch-{batchId}.bin") is var file
                    && !File.Exists(file)) File.WriteAllBytes(file, data); // the first circuit's only
                _dom.Apply(RenderBatchReader.Read(data));
                _lastBatch = batchId;
                AfterRender();
            }
            else if (batchId > _lastBatch + 1) stats.DispatchFailed($"render batch {batchId} arrived after {_lastBatch}");
        }
        await _connection!.SendAsync("OnRenderCompleted", batchId, (string?)null);
    }

    void AfterRender()
    {
        if (!_ready.Task.IsCompleted && Interlocked.Read(ref _rendererInterop) >= 0 && Options().Count > 0) _ready.TrySetResult();
        // A click is counted once: on the first render that shows its new choice saved. The "saving" render comes first as a
        // rule, but the server may fold it into the "saved" one (it holds renders back while 10 batches are unacknowledged).
        if (_click is null || _click.Done.Task.IsCompleted) return;
        switch (Badge())
        {
            case "saved" or "empty" when _click.SawUnsaved || Shows(_click): // "empty": saved with nothing chosen (a checkbox unticked)
                if (!_click.SawUnsaved) stats.FoldedSaving();
                stats.ShownSaved(attemptId, Stopwatch.GetElapsedTime(_click.Intended));
                _click.Done.TrySetResult();
                break;
            case "refused":
                stats.ShownRefused($"answer refused on {attemptId}");
                _click.Done.TrySetResult();
                break;
            case "saving" or "retrying":
                _click.SawUnsaved = true;
                break;
        }
    }

    bool Shows(Click click) => Options().Any(o => o.Id == click.OptionId && o.Checked == click.Checked);
}
