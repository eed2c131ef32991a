using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OfficerTraining.Benchmarks;

/// <param name="HandledEvents">Stored events of the types the projection handles (what its rebuild reads and applies).</param>
public sealed record RebuildResult(string Projection, long HandledEvents, TimeSpan Elapsed, long Documents, long TableBytes)
{
    public double EventsPerSecond => HandledEvents / Elapsed.TotalSeconds;
}

public sealed record RebuildReport(IReadOnlyDictionary<string, string> Settings, SeededHistory Seeded, long TotalEvents, TimeSpan SeedTime,
    IReadOnlyDictionary<string, long> TableBytes, IReadOnlyList<RebuildResult> Results, string? Problem)
{
    public const double Goal = 10_000;
    public bool Consistent => Problem is null;

    public string ToTable()
    {
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"PostgreSQL: {string.Join(", ", Settings.Select(kv => $"{kv.Key}={kv.Value}"))}");
        s.AppendLine(CultureInfo.InvariantCulture,
            $"Seeded {Seeded.Events:N0} events for {Seeded.Officers:N0} officers ({Seeded.Attempts:N0} attempts, {Seeded.Credits:N0} credits) in " +
            $"{SeedTime.TotalSeconds:0.0} s ({Seeded.Events / SeedTime.TotalSeconds:N0} events/s); mt_events holds {TotalEvents:N0} events, " +
            $"{Mb(TableBytes["mt_events"])} MB; mt_streams {Mb(TableBytes["mt_streams"])} MB");
        s.AppendLine();
        s.AppendLine("projection         | its events | rebuild s | events/s | docs      | table MB");
        s.AppendLine("-------------------|------------|-----------|----------|-----------|---------");
        foreach (var r in Results)
            s.AppendLine(CultureInfo.InvariantCulture,
                $"{r.Projection,-18} | {r.HandledEvents,10:N0} | {r.Elapsed.TotalSeconds,9:0.0} | {r.EventsPerSecond,8:N0} | {r.Documents,9:N0} | {Mb(r.TableBytes),8}");
        s.AppendLine();
        var goals = string.Join(", ", Results.Select(r => $"{r.Projection} {(r.EventsPerSecond >= Goal ? "met" : "not met")}"));
        s.AppendLine(CultureInfo.InvariantCulture, $"Goal ≥ {Goal:N0} events/s: {goals}");
        s.Append(Consistent ? "Check: the rebuilt read models hold every seeded officer, credit and graded attempt → OK" : $"Check FAILED: {Problem}");
        return s.ToString();
    }

    public string ToJson() => JsonSerializer.Serialize(new
    {
        settings = Settings, seeded = Seeded, totalEvents = TotalEvents, seedSeconds = SeedTime.TotalSeconds, tableBytes = TableBytes,
        rebuilds = Results.Select(r => new
        {
            projection = r.Projection, events = r.HandledEvents, seconds = Math.Round(r.Elapsed.TotalSeconds, 2),
            eventsPerSecond = Math.Round(r.EventsPerSecond), documents = r.Documents, tableBytes = r.TableBytes,
        }),
        consistent = Consistent, problem = Problem,
    }, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    static string Mb(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture);
}
