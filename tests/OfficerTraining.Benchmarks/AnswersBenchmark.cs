using Npgsql;
using OfficerTraining.Exams;
using OfficerTraining.Infrastructure;

namespace OfficerTraining.Benchmarks;

/// <summary>
/// `answers`: a throwaway durable cluster (fsync and synchronous_commit on), the exam morning arranged, then for each
/// concurrency C the app's answer saves and the raw-insert reference, one after the other in this process; finally the
/// durability check (stored AnswerRecorded events = acknowledged Saved results).
/// </summary>
public static class AnswersBenchmark
{
    static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);

    public static async Task<AnswersReport> Run(IReadOnlyList<int> concurrency, TimeSpan duration, TextWriter progress)
    {
        var cluster = new PostgresCluster(new PostgresClusterOptions($"/tmp/ot-bench-{Environment.ProcessId}", Durable: true));
        try
        {
            progress.WriteLine($"Starting a durable PostgreSQL cluster in {cluster.Options.DataRoot} …");
            var server = await cluster.StartAsync(CancellationToken.None);
            var database = await cluster.EnsureDatabaseAsync(server, "officer_training_bench");
            var settings = await ServerSettings(database);
            if (settings["fsync"] != "on" || settings["synchronous_commit"] != "on")
                throw new InvalidOperationException("The benchmark cluster must be durable (fsync and synchronous_commit on).");

            var officers = concurrency.Max();
            progress.WriteLine($"Arranging {officers} officers with open attempts (not measured) …");
            await using var day = await ExamDay.Arrange(database, officers);
            var journal = day.Get<AnswerJournal>();
            var app = new AppAnswerSaves(journal, day.Takers);

            progress.WriteLine($"Warming up ({WarmUp.TotalSeconds:0} s each) …");
            await ClosedLoop.Run(Math.Min(16, officers), WarmUp, app.SaveNext);
            await using (var raw = await RawInserts.Create(database, Math.Min(16, officers), day.Takers))
                await ClosedLoop.Run(Math.Min(16, officers), WarmUp, raw.InsertNext);

            var levels = new List<LevelResult>();
            foreach (var c in concurrency)
            {
                progress.WriteLine($"C = {c}: app saves for {duration.TotalSeconds:0.#} s, then raw inserts for {duration.TotalSeconds:0.#} s …");
                var before = journal.Stats;
                var appResult = await ClosedLoop.Run(c, duration, app.SaveNext);
                var after = journal.Stats;
                await using var raw = await RawInserts.Create(database, c, day.Takers);
                var rawResult = await ClosedLoop.Run(c, duration, raw.InsertNext);
                levels.Add(new(c, appResult, rawResult, after.Commits - before.Commits, after.Batches - before.Batches));
            }
            var durability = await CheckDurability(database, app);
            return new(settings, officers, duration, levels, durability);
        }
        finally
        {
            await cluster.StopAsync(removeData: true);
        }
    }

    static async Task<Durability> CheckDurability(string database, AppAnswerSaves app)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            $"select count(*), count(distinct (stream_id, data ->> 'Item', data ->> 'Sequence')), count(data ->> 'Sequence') from {ExamDay.Schema}.mt_events " +
            "where type = 'answer_recorded'", connection);
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        var (stored, distinct, sequenced) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
        if (sequenced != stored) throw new InvalidOperationException("AnswerRecorded events are not stored with Item and Sequence.");
        return new(app.Saved, app.AlreadySaved, app.Refused, stored, Lost: Math.Max(0, app.Saved - distinct), Duplicated: stored - distinct);
    }

    internal static async Task<Dictionary<string, string>> ServerSettings(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            "select name, current_setting(name) from pg_settings where name in ('server_version', 'fsync', 'synchronous_commit', " +
            "'full_page_writes', 'wal_sync_method', 'commit_delay', 'commit_siblings', 'shared_buffers', 'max_connections') order by name",
            connection);
        await using var reader = await query.ExecuteReaderAsync();
        var settings = new Dictionary<string, string>();
        while (await reader.ReadAsync()) settings[reader.GetString(0)] = reader.GetString(1);
        return settings;
    }
}
