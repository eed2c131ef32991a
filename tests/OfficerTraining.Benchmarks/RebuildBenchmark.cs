using System.Diagnostics;
using System.Reflection;
using JasperFx.Events;
using Marten;
using Npgsql;
using OfficerTraining.Exams;
using OfficerTraining.Infrastructure;
using OfficerTraining.Reports.Compliance;

namespace OfficerTraining.Benchmarks;

/// <summary>
/// `rebuild`: a throwaway durable cluster, officers registered through the app's commands, about N events of history
/// bulk-loaded (<see cref="History"/>), then Marten's own rebuild (a projection daemon built from the store,
/// <c>RebuildProjectionAsync</c>) of the read model behind the reports (the async <see cref="ComplianceProjection"/>)
/// and of the exam day's write model (the inline <c>ExamAttempt</c> and <c>AnswerSheet</c> snapshots), each timed from call to return and
/// checked against what was seeded.
/// </summary>
public static class RebuildBenchmark
{
    public static async Task<RebuildReport> Run(int events, TextWriter progress)
    {
        await using var cluster = await BenchCluster.Start(progress);
        var (database, settings) = (cluster.Database, cluster.Settings);

        await using var day = await ExamDay.Open(database);
        var officers = Math.Max(10, events / History.EventsPerOfficer);
        progress.WriteLine($"Registering {officers} officers through the app's commands and approving the bank (not measured) …");
        var ids = await day.Register(await day.Department(), officers);
        await day.ApproveBank();
        progress.WriteLine("Seeding their history with BulkInsertEventsAsync (not measured) …");
        var seedWatch = Stopwatch.StartNew();
        var seeded = await History.Seed(day, ids, progress);
        var seedTime = seedWatch.Elapsed;
        await Sql(database, $"vacuum analyze {ExamDay.Schema}.mt_events; checkpoint");

        var results = new List<RebuildResult>();
        foreach (var (projection, code, table) in new[]
                 {
                     ("OfficerCompliance", typeof(ComplianceProjection), "mt_doc_officercompliance"),
                     ("ExamAttempt", typeof(ExamAttempt), "mt_doc_examattempt"),
                     ("AnswerSheet", typeof(AnswerSheet), "mt_doc_answersheet"),
                 })
        {
            var handled = await HandledEvents(day.Store, database, code);
            progress.WriteLine($"Rebuilding {projection} ({handled:N0} of its events) …");
            using var daemon = await day.Store.BuildProjectionDaemonAsync();
            var watch = Stopwatch.StartNew();
            await daemon.RebuildProjectionAsync(projection, TimeSpan.FromMinutes(30), CancellationToken.None);
            var elapsed = watch.Elapsed;
            results.Add(new(projection, handled, elapsed, await Scalar(database, $"select count(*) from {ExamDay.Schema}.{table}"),
                await Scalar(database, $"select pg_total_relation_size('{ExamDay.Schema}.{table}')")));
        }
        var check = await Check(day.Store, database, seeded);
        var sizes = new Dictionary<string, long>
        {
            ["mt_events"] = await Scalar(database, $"select pg_total_relation_size('{ExamDay.Schema}.mt_events')"),
            ["mt_streams"] = await Scalar(database, $"select pg_total_relation_size('{ExamDay.Schema}.mt_streams')"),
        };
        var total = await Scalar(database, $"select count(*) from {ExamDay.Schema}.mt_events");
        return new(settings, seeded, total, seedTime, sizes, results, check);
    }

    /// <summary>How many stored events the projection reads: those of the event types its Create/Apply methods take.</summary>
    static async Task<long> HandledEvents(DocumentStore store, string database, Type projection)
    {
        var types = projection.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Where(m => m.Name is "Create" or "Apply")
            .Select(m => m.GetParameters()[0].ParameterType)
            .Select(p => p.IsGenericType && p.GetGenericTypeDefinition() == typeof(IEvent<>) ? p.GetGenericArguments()[0] : p)
            .Distinct().Select(t => store.Events.EventMappingFor(t).EventTypeName).ToArray();
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand($"select count(*) from {ExamDay.Schema}.mt_events where type = any(@types)", connection);
        count.Parameters.AddWithValue("types", types);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>The rebuilt read model holds every officer, credit and graded attempt that was seeded; the rebuilt
    /// snapshots every attempt with its grade.</summary>
    static async Task<string?> Check(IDocumentStore store, string database, SeededHistory seeded)
    {
        List<OfficerCompliance> all;
        await using (var q = store.QuerySession()) all = [.. await q.Query<OfficerCompliance>().ToListAsync()];
        var problems = new List<string>();
        if (all.Count != seeded.Officers) problems.Add($"{all.Count} compliance docs for {seeded.Officers} officers");
        if (all.Sum(o => o.Credits.Count) is var c && c != seeded.Credits) problems.Add($"{c} credits for {seeded.Credits} seeded");
        if (all.Sum(o => o.Attempts.Count) is var a && a != seeded.Attempts) problems.Add($"{a} attempts for {seeded.Attempts} seeded");
        if (all.Sum(o => o.Attempts.Values.Count(x => x.Passed is not null)) is var g && g != seeded.GradedAttempts)
            problems.Add($"{g} graded attempts for {seeded.GradedAttempts} seeded");
        var graded = await Scalar(database, $"select count(*) from {ExamDay.Schema}.mt_doc_examattempt where data -> 'Result' ->> 'Score' is not null");
        if (graded != seeded.GradedAttempts) problems.Add($"{graded} graded ExamAttempt snapshots for {seeded.GradedAttempts} seeded");
        var sheets = await Scalar(database, $"select count(*) from {ExamDay.Schema}.mt_doc_answersheet");
        if (sheets != seeded.Attempts) problems.Add($"{sheets} answer sheets for {seeded.Attempts} seeded attempts");
        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    static async Task<long> Scalar(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    static async Task Sql(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        foreach (var statement in sql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            await using var command = new NpgsqlCommand(statement, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
