using Npgsql;
using OfficerTraining.Exams;
using OfficerTraining.Infrastructure;

namespace OfficerTraining.Benchmarks;

/// <summary>
/// `answers`: a throwaway durable cluster (fsync and synchronous_commit on), the exam morning arranged, then for each
/// concurrency C the app's answer saves and the raw-insert reference, interleaved (app, raw, app, raw …) for the given
/// number of rounds, with the CPU each used; finally the durability check (stored AnswerRecorded events = acknowledged
/// Saved results).
/// </summary>
public static class AnswersBenchmark
{
    static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);

    public static async Task<AnswersReport> Run(IReadOnlyList<int> concurrency, TimeSpan duration, int repeats, int writers, bool statements,
        TextWriter progress)
    {
        await using var cluster = await BenchCluster.Start(progress, statements ? StatementStats.ServerSettings : null);
        var (database, settings) = (cluster.Database, cluster.Settings);
        if (statements) await StatementStats.Enable(database);
        var officers = concurrency.Max();
        progress.WriteLine($"Arranging {officers} officers with open attempts (not measured) …");
        await using var day = await ExamDay.Arrange(database, officers, AnswerJournalOptions.Default with { Writers = writers });
        var journal = day.Get<AnswerJournal>();
        var app = new AppAnswerSaves(journal, day.Takers);

        progress.WriteLine($"Warming up ({WarmUp.TotalSeconds:0} s each) …");
        await ClosedLoop.Run(Math.Min(16, officers), WarmUp, app.SaveNext);
        await using (var raw = await RawInserts.Create(database, Math.Min(16, officers), day.Takers))
            await ClosedLoop.Run(Math.Min(16, officers), WarmUp, raw.InsertNext);

        var cpu = new CpuMeter(cluster.DataDirectory);
        var levels = new List<LevelResult>();
        foreach (var c in concurrency)
        {
            await using var raw = await RawInserts.Create(database, c, day.Takers);
            var rounds = new List<Round>();
            for (var round = 1; round <= repeats; round++)
            {
                progress.WriteLine($"C = {c}, round {round}/{repeats}: app saves for {duration.TotalSeconds:0.#} s, then raw inserts for {duration.TotalSeconds:0.#} s …");
                var before = journal.Stats;
                var looked = statements && round == repeats;
                if (looked) await StatementStats.Reset(database);
                var (appResult, appCpu) = await Measured(cpu, () => ClosedLoop.Run(c, duration, app.SaveNext));
                var commits = journal.Stats.Commits - before.Commits;
                if (looked) await StatementStats.Print(database, commits, appResult.Acknowledged, progress);
                var (rawResult, rawCpu) = await Measured(cpu, () => ClosedLoop.Run(c, duration, raw.InsertNext));
                rounds.Add(new(appResult, rawResult, commits, appCpu, rawCpu));
            }
            levels.Add(new(c, rounds));
        }
        var durability = await CheckDurability(database, app);
        return new(settings, officers, duration, repeats, writers, levels, durability);
    }

    static async Task<(LoadResult, CpuMeter.Sample)> Measured(CpuMeter cpu, Func<Task<LoadResult>> workload)
    {
        var before = cpu.Read();
        var result = await workload();
        return (result, cpu.Read() - before);
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
}
