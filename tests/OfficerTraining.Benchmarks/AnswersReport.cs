using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OfficerTraining.Benchmarks;

/// <summary>One concurrency level: the app's saves and the raw reference, and the journal's commits meanwhile.</summary>
public sealed record LevelResult(int Concurrency, LoadResult App, LoadResult Raw, long AppCommits, long AppBatches)
{
    public double Ratio => App.PerSecond / Raw.PerSecond;
}

/// <param name="Lost">Acknowledged Saved results without a stored event (saved minus distinct stored answers).</param>
/// <param name="Duplicated">Stored events beyond one per distinct answer (attempt, item, sequence).</param>
public sealed record Durability(long Saved, long AlreadySaved, long Refused, long StoredEvents, long Lost, long Duplicated)
{
    public bool Intact => Lost == 0 && Duplicated == 0 && StoredEvents == Saved;
}

public sealed record AnswersReport(IReadOnlyDictionary<string, string> Settings, int Officers, TimeSpan Duration,
    IReadOnlyList<LevelResult> Levels, Durability Durability)
{
    public string ToTable()
    {
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"PostgreSQL: {string.Join(", ", Settings.Select(kv => $"{kv.Key}={kv.Value}"))}");
        s.AppendLine(CultureInfo.InvariantCulture,
            $"{Officers} officers with open attempts; {Duration.TotalSeconds:0.#} s per workload per level; raw pool ≤ {RawInserts.MaxConnections} connections");
        s.AppendLine();
        s.AppendLine("     C | app saves/s |  raw ins/s | app/raw | app p50 ms | app p99 ms | raw p50 ms | raw p99 ms | saves/commit | app fail | raw fail");
        s.AppendLine("-------|-------------|------------|---------|------------|------------|------------|------------|--------------|----------|---------");
        foreach (var l in Levels)
            s.AppendLine(CultureInfo.InvariantCulture,
                $"{l.Concurrency,6} | {l.App.PerSecond,11:0} | {l.Raw.PerSecond,10:0} | {l.Ratio,6:0.00}× | {l.App.P50,10:0.0} | {l.App.P99,10:0.0} | " +
                $"{l.Raw.P50,10:0.0} | {l.Raw.P99,10:0.0} | {(double)l.App.Acknowledged / Math.Max(1, l.AppCommits),12:0.0} | {l.App.Failed,8} | {l.Raw.Failed,8}");
        s.AppendLine();
        var d = Durability;
        s.Append(CultureInfo.InvariantCulture,
            $"Durability: {d.Saved} saves acknowledged as Saved, {d.StoredEvents} AnswerRecorded events stored, {d.Lost} lost, " +
            $"{d.Duplicated} duplicated ({d.AlreadySaved} AlreadySaved, {d.Refused} refused) → {(d.Intact ? "OK" : "FAILED")}");
        return s.ToString();
    }

    public string ToJson() => JsonSerializer.Serialize(new
    {
        settings = Settings,
        officers = Officers,
        seconds = Duration.TotalSeconds,
        rawMaxConnections = RawInserts.MaxConnections,
        levels = Levels.Select(l => new
        {
            concurrency = l.Concurrency,
            app = Summary(l.App),
            raw = Summary(l.Raw),
            ratio = Math.Round(l.Ratio, 3),
            appCommits = l.AppCommits,
            appBatches = l.AppBatches,
        }),
        durability = new
        {
            saved = Durability.Saved, alreadySaved = Durability.AlreadySaved, refused = Durability.Refused,
            storedEvents = Durability.StoredEvents, lost = Durability.Lost, duplicated = Durability.Duplicated, intact = Durability.Intact,
        },
    }, Options);

    static object Summary(LoadResult r) => new
    {
        acknowledged = r.Acknowledged, failed = r.Failed, perSecond = Math.Round(r.PerSecond, 1),
        p50Ms = Math.Round(r.P50, 2), p99Ms = Math.Round(r.P99, 2),
    };

    static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
