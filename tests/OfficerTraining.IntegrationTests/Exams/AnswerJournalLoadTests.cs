using Marten;
using OfficerTraining.Exams;

namespace OfficerTraining.IntegrationTests.Exams;

public class when_many_officers_answer_at_the_same_moment(ExamFixture f, ITestOutputHelper output) : IClassFixture<ExamFixture>
{
    [Fact]
    public async Task every_answer_is_committed_and_answers_share_commits()
    {
        var session = await f.Schedule();
        var attempts = await Task.WhenAll(Enumerable.Range(0, ExamFixture.OfficerCount).Select(i => f.Start(session, i)));
        var journal = f.Get<AnswerJournal>();
        var before = journal.Stats;

        var saves = attempts.SelectMany((id, officer) => Enumerable.Range(1, 4).Select(item => (officer, Answer: new RecordAnswer(id, $"{item}", [0], 1))))
            .ToList();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var results = await Task.WhenAll(saves.Select(s => Task.Run(() => journal.Save(s.Answer, f.Officer(s.officer)))));
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);

        var after = journal.Stats;
        var (batches, commits) = (after.Batches - before.Batches, after.Commits - before.Commits);
        output.WriteLine($"{saves.Count} saves: {batches} batches, {commits} commits, largest batch {after.LargestBatch}, " +
                         $"{(double)saves.Count / batches:0.0} saves per batch on average, all committed in {elapsed.TotalMilliseconds:0} ms");
        results.Should().OnlyContain(r => r.Status == AnswerSaveStatus.Saved);
        commits.Should().BeLessThan(saves.Count);

        await using var query = f.Store.QuerySession();
        var stored = await query.LoadManyAsync<AnswerSheet>(attempts);
        stored.Should().HaveCount(ExamFixture.OfficerCount).And.OnlyContain(a => a.Answers.Count == 4 && a.Version == 5);
        var users = await query.Events.QueryAllRawEvents().Where(e => e.EventTypeName == "answer_recorded")
            .Where(e => e.StreamId.IsOneOf(attempts)).Select(e => e.UserName!).ToListAsync();
        users.Should().HaveCount(saves.Count);
        users.Distinct().Should().HaveCount(ExamFixture.OfficerCount, "each officer's answers are recorded under their own name");
    }
}
