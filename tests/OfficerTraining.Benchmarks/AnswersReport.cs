using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OfficerTraining.Benchmarks;

/// <summary>One round at one level: the app's saves, then the raw reference, the journal's commits and each workload's
/// CPU (this process; the PostgreSQL cluster).</summary>
public sealed record Round(LoadResult App, LoadResult Raw, long AppCommits, CpuMeter.Sample AppCpu, CpuMeter.Sample RawCpu)
{
    public double Ratio => App.PerSecond / Raw.PerSecond;
}

/// <summary>One concurrency level, its rounds interleaved app, raw, app, raw …; figures are the median round's (by
/// ratio), CPU per operation is over all rounds.</summary>
public sealed record LevelResult(int Concurrency, IReadOnlyList<Round> Rounds)
{
    public Round Median => Rounds.OrderBy(r => r.Ratio).ElementAt(Rounds.Count / 2);
    public double MinRatio => Rounds.Min(r => r.Ratio);
    public double MaxRatio => Rounds.Max(r => r.Ratio);
    public double SavesPerCommit => (double)Rounds.Sum(r => r.App.Acknowledged) / Math.Max(1, Rounds.Sum(r => r.AppCommits));
    public (double Bench, double Postgres) AppCpuMsPerSave => PerOperation(Rounds.Sum(r => r.App.Acknowledged), Rounds.Select(r => r.AppCpu));
    public (double Bench, double Postgres) RawCpuMsPerInsert => PerOperation(Rounds.Sum(r => r.Raw.Acknowledged), Rounds.Select(r => r.RawCpu));

    static (double, double) PerOperation(long operations, IEnumerable<CpuMeter.Sample> cpu)
    {
        var samples = cpu.ToList();
        var n = Math.Max(1, operations);
        return (samples.Sum(s => s.ThisProcessMs) / n, samples.Sum(s => s.PostgresMs) / n);
    }
}

/// <param name="Lost">Acknowledged Saved results without a stored event (saved minus distinct stored answers).</param>
/// <param name="Duplicated">Stored events beyond one per distinct answer (attempt, item, sequence).</param>
public sealed record Durability(long Saved, long AlreadySaved, long Refused, long StoredEvents, long Lost, long Duplicated)
{
    public bool Intact => Lost == 0 && Duplicated == 0 && StoredEvents == Saved;
}

public sealed record AnswersReport(IReadOnlyDictionary<string, string> Settings, int Officers, TimeSpan Duration, int Repeats,
    int Writers, IReadOnlyList<LevelResult> Levels, Durability Durability)
{
    public string ToTable()
    {
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"PostgreSQL: {string.Join(", ", Settings.Select(kv => $"{kv.Key}={kv.Value}"))}");
        s.AppendLine(CultureInfo.InvariantCulture,
            $"{Officers} officers with open attempts; {Repeats} rounds of {Duration.TotalSeconds:0.#} s per workload per level, " +
            $"interleaved app, raw, app, raw …; {Writers} journal writers; raw pool ≤ {RawInserts.MaxConnections} connections");
        s.AppendLine("Figures are the median round's (by ratio); CPU ms per operation over all rounds (bench = this process, pg = the cluster).");
        s.AppendLine();
        s.AppendLine("     C | app saves/s |  raw ins/s | app/raw (min–max)   | app p50/p99 ms | raw p50/p99 ms | saves/commit | app CPU bench+pg ms | raw CPU bench+pg ms | fail app/raw");
        s.AppendLine("-------|-------------|------------|---------------------|----------------|----------------|--------------|---------------------|---------------------|-------------");
        foreach (var l in Levels)
        {
            var m = l.Median;
            var (ab, ap) = l.AppCpuMsPerSave;
            var (rb, rp) = l.RawCpuMsPerInsert;
            s.AppendLine(CultureInfo.InvariantCulture,
                $"{l.Concurrency,6} | {m.App.PerSecond,11:0} | {m.Raw.PerSecond,10:0} | {m.Ratio,5:0.00}× ({l.MinRatio:0.00}–{l.MaxRatio:0.00}) | " +
                $"{m.App.P50,6:0.0} / {m.App.P99,5:0.0} | {m.Raw.P50,6:0.0} / {m.Raw.P99,5:0.0} | {l.SavesPerCommit,12:0.0} | " +
                $"{ab,8:0.000} + {ap,8:0.000} | {rb,8:0.000} + {rp,8:0.000} | {l.Rounds.Sum(r => r.App.Failed)} / {l.Rounds.Sum(r => r.Raw.Failed)}");
        }
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
        repeats = Repeats,
        writers = Writers,
        levels = Levels.Select(l => new
        {
            concurrency = l.Concurrency,
            medianRatio = Math.Round(l.Median.Ratio, 3),
            minRatio = Math.Round(l.MinRatio, 3),
            maxRatio = Math.Round(l.MaxRatio, 3),
            savesPerCommit = Math.Round(l.SavesPerCommit, 1),
            appCpuMsPerSave = new { bench = Math.Round(l.AppCpuMsPerSave.Bench, 4), postgres = Math.Round(l.AppCpuMsPerSave.Postgres, 4) },
            rawCpuMsPerInsert = new { bench = Math.Round(l.RawCpuMsPerInsert.Bench, 4), postgres = Math.Round(l.RawCpuMsPerInsert.Postgres, 4) },
            rounds = l.Rounds.Select(r => new { app = Summary(r.App), raw = Summary(r.Raw), ratio = Math.Round(r.Ratio, 3), appCommits = r.AppCommits }),
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
