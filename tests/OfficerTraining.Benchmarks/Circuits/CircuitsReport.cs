using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OfficerTraining.Benchmarks.Circuits;

/// <summary>One level: N circuits opened, answered on for the steady phase, the app's memory before and with them open.</summary>
public sealed record CircuitsLevel(int Officers, [property: JsonIgnore] CircuitStats Stats, TimeSpan Ramp, TimeSpan Steady,
    MemoryReading Before, MemoryReading Open, TimeSpan AppCpu, TimeSpan GeneratorCpu, string LoadAverage, BrowserResult? Browser)
{
    public long Established => Stats.Established;
    public double SavesPerSecond => Stats.Saved / Steady.TotalSeconds;
    public Percentiles SaveLatency => Stats.AckLatency;
    public Percentiles UiLatency => Stats.SavedLatency;
    public Percentiles StartLatency => Stats.StartLatency;
    public long Errors => Stats.Errors + (Browser?.Errors ?? 0);
    public object Counts => new { Stats.Clicks, Stats.Acked, Stats.Saved, Stats.Refused, Stats.Timeouts, Stats.JsErrors,
        Stats.UnexpectedCloses, Stats.DispatchErrors, Stats.FailedStarts, Stats.SavingNotShown };
    public double ManagedKbPerCircuit => (Open.HeapSizeBytes - Before.HeapSizeBytes) / 1024.0 / Math.Max(1, Established);
    public double RssKbPerCircuit => (Open.WorkingSetBytes - Before.WorkingSetBytes) / 1024.0 / Math.Max(1, Established);
    public double AppCpuMsPerSave => AppCpu.TotalMilliseconds / Math.Max(1, Stats.Saved);
    /// <summary>The app's CPU use during the steady phase, in cores (this box has 2, shared with PostgreSQL and the generator).</summary>
    public double AppCpuCores => AppCpu / Steady;
    public double GeneratorCpuCores => GeneratorCpu / Steady;
    public IReadOnlyDictionary<string, int> JsCalls => Stats.JsCalls;
    public IReadOnlyList<string> Problems => [.. Stats.Problems];
}

public sealed record CircuitsReport(CircuitsOptions Options, int Officers, CircuitsLevel WarmUp, IReadOnlyList<CircuitsLevel> Levels,
    Integrity Integrity, string AppLog)
{
    /// <summary>The p99 that decides: send → the render showing the answer saved (committed).</summary>
    public const double P99GoalMs = 200;

    public bool Intact => Integrity.Intact && Levels.Prepend(WarmUp).All(l => l.Errors == 0 && l.Established == l.Officers);

    public int? LargestWithinGoal => Levels.Where(l => l.Errors == 0 && l.UiLatency.Count > 0 && l.UiLatency.P99 < P99GoalMs)
        .Select(l => (int?)l.Officers).Max();

    public string ToTable()
    {
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture,
            $"App: its own Production process, {(Levels.FirstOrDefault()?.Open.ServerGc == true ? "Server" : "Workstation")} GC; " +
            $"think time {Options.ThinkTime.TotalSeconds:0.#} s; steady {Options.Steady.TotalSeconds:0} s; ramp {Options.RampPerSecond}/s; " +
            $"permessage-deflate {(Options.Compression ? "on" : "off")}");
        s.AppendLine();
        s.AppendLine("      N |   open | saves/s | ack p50 | ack p99 | saved p50 | saved p99 | start p99 | errors | KB/circuit managed | KB/circuit RSS | app CPU cores | gen CPU cores | load avg");
        s.AppendLine("--------|--------|---------|---------|---------|-----------|-----------|-----------|--------|--------------------|----------------|---------------|---------------|---------");
        foreach (var l in Levels)
            s.AppendLine(CultureInfo.InvariantCulture,
                $"{l.Officers,7} | {l.Established,6} | {l.SavesPerSecond,7:0.0} | {l.SaveLatency.P50,7:0.0} | {l.SaveLatency.P99,7:0.0} | " +
                $"{l.UiLatency.P50,9:0.0} | {l.UiLatency.P99,9:0.0} | {l.StartLatency.P99,9:0} | {l.Errors,6} | {l.ManagedKbPerCircuit,18:0} | " +
                $"{l.RssKbPerCircuit,14:0} | {l.AppCpuCores,13:0.00} | {l.GeneratorCpuCores,13:0.00} | {l.LoadAverage,8}");
        s.AppendLine();
        s.AppendLine("Latencies in ms from the intended click time. ack: until JS.EndInvokeDotNet (the change handler returned, the " +
                     "answer is on its way); saved: until the render that shows it saved (committed in PostgreSQL).");
        foreach (var l in Levels.Where(l => l.Stats.SavingNotShown > 0))
            s.AppendLine(CultureInfo.InvariantCulture, $"N = {l.Officers}: {l.Stats.SavingNotShown} clicks went from the old answer straight to the new one saved (the server folded the \"saving\" render into the next).");
        s.AppendLine(CultureInfo.InvariantCulture, $"Warm-up: {WarmUp.Established} of {WarmUp.Officers} circuits, {WarmUp.Stats.Saved} answers saved, {WarmUp.Errors} errors.");
        foreach (var l in Levels.Where(l => l.Browser is not null))
            s.AppendLine(CultureInfo.InvariantCulture,
                $"N = {l.Officers} + {Options.Browsers} Chromium tabs: browser click → saved p50 {l.Browser!.SavedLatency.P50:0.0} ms, p99 " +
                $"{l.Browser.SavedLatency.P99:0.0} ms over {l.Browser.SavedLatency.Count} clicks, {l.Browser.Errors} errors; headless (send → saved) p50 " +
                $"{l.UiLatency.P50:0.0} ms, p99 {l.UiLatency.P99:0.0} ms{(l.Browser.Problems.Count > 0 ? " — " + string.Join(" | ", l.Browser.Problems) : "")}");
        foreach (var l in Levels.Prepend(WarmUp).Where(l => l.Problems.Count > 0))
            s.AppendLine(CultureInfo.InvariantCulture, $"N = {l.Officers} problems (first {l.Problems.Count}): {string.Join(" | ", l.Problems)}");
        var i = Integrity;
        s.AppendLine(CultureInfo.InvariantCulture,
            $"Integrity: {i.ShownSaved} answers shown saved, {i.Stored} AnswerRecorded events stored, {i.Lost} lost, {i.Duplicated} duplicated, " +
            $"{i.Unconfirmed} stored but never shown saved → {(Intact ? "intact" : "NOT INTACT")}");
        foreach (var m in i.Mismatches) s.AppendLine(CultureInfo.InvariantCulture, $"  {m}");
        s.AppendLine(CultureInfo.InvariantCulture,
            $"Largest N with p99 saved < {P99GoalMs:0} ms and no errors: {(LargestWithinGoal is { } n ? n.ToString(CultureInfo.InvariantCulture) : "none")}");
        s.Append(CultureInfo.InvariantCulture, $"App log: {AppLog}");
        return s.ToString();
    }

    public string ToJson() => JsonSerializer.Serialize(this, new JsonSerializerOptions
    {
        WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    }) + $"\n";
}
