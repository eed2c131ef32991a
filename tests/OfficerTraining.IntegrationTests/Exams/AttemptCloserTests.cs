using Marten;
using Microsoft.Extensions.DependencyInjection;
using OfficerTraining.Exams;

namespace OfficerTraining.IntegrationTests.Exams;

public class when_the_deadline_passes(ExamFixture f) : IClassFixture<ExamFixture>
{
    static readonly TimeSpan Duration = ExamFixture.Blueprint.Duration;

    async Task<int> OpenPastGrace()
    {
        var cutoff = f.Clock.GetUtcNow() - AttemptDecider.Grace;
        await using var query = f.Store.QuerySession();
        return await query.Query<ExamAttempt>().Where(a => a.Status == AttemptStatus.InProgress && a.Deadline < cutoff).CountAsync();
    }

    [Fact]
    public async Task the_closer_closes_and_grades_attempts_past_deadline_and_grace_and_leaves_the_others_open()
    {
        var session = await f.Schedule();
        var early = await f.Start(session, 0);
        await f.Get<AnswerJournal>().Save(new RecordAnswer(early, "1", [0], 1), f.Officer(0));
        f.Clock.Advance(TimeSpan.FromMinutes(20));
        var late = await f.Start(session, 1);
        var closer = f.Get<AttemptCloser>();

        f.Clock.Advance(Duration - TimeSpan.FromMinutes(20) + AttemptDecider.Grace); // exactly at the end of the grace
        (await closer.CloseExpired()).Should().Be(0);
        f.Clock.Advance(TimeSpan.FromSeconds(1));
        (await closer.CloseExpired()).Should().Be(1);

        (await f.Attempt(early)).Should().BeEquivalentTo(new { Status = AttemptStatus.TimedOut, Result = new { Score = 2m, Passed = false } });
        (await f.Events(early)).Select(e => e.Data.GetType()).Should().EndWith([typeof(ExamAttemptTimedOut), typeof(ExamAttemptGraded)]);
        (await f.Attempt(late)).Status.Should().Be(AttemptStatus.InProgress);
        (await f.Get<AnswerJournal>().Save(new RecordAnswer(early, "2", [0], 1), f.Officer(0))).MessageKey.Should().Be("Exam.AttemptClosed");
        (await closer.CloseExpired()).Should().Be(0, "a closed attempt is not closed again");
    }

    [Fact]
    public async Task an_answer_is_accepted_in_the_grace_and_refused_after_it_even_before_the_closer_runs()
    {
        var session = await f.Schedule();
        var id = await f.Start(session, 2);
        var journal = f.Get<AnswerJournal>();

        f.Clock.Advance(Duration + TimeSpan.FromSeconds(5));
        (await journal.Save(new RecordAnswer(id, "1", [0], 1), f.Officer(2))).Status.Should().Be(AnswerSaveStatus.Saved);
        f.Clock.Advance(AttemptDecider.Grace);
        (await journal.Save(new RecordAnswer(id, "2", [0], 1), f.Officer(2))).MessageKey.Should().Be("Exam.PastDeadline");

        (await f.Events(id)).Select(e => e.Data).OfType<AnswerRecorded>().Should().ContainSingle().Which.InGrace.Should().BeTrue();
        (await f.Get<AttemptCommands>().Handle(new SubmitAttempt(id), f.Officer(2))).Should().Be(4, "a late submit closes as timed out");
        (await f.Attempt(id)).Status.Should().Be(AttemptStatus.TimedOut);
    }

    [Fact]
    public async Task closers_on_two_nodes_close_each_attempt_once_and_a_restarted_node_finds_what_is_left()
    {
        var session = await f.Schedule();
        var ids = await Task.WhenAll(Enumerable.Range(3, 10).Select(i => f.Start(session, i)));
        f.Clock.Advance(Duration + AttemptDecider.Grace + TimeSpan.FromSeconds(1));
        var expired = await OpenPastGrace();

        var nodeB = f.StartHost(f.NewStore()).GetRequiredService<AttemptCloser>(); // a node started after the deadlines
        var closed = await Task.WhenAll(Task.Run(() => f.Get<AttemptCloser>().CloseExpired()), Task.Run(() => nodeB.CloseExpired()));

        closed.Sum().Should().Be(expired);
        foreach (var id in ids)
            (await f.Events(id)).Count(e => e.Data is ExamAttemptGraded).Should().Be(1);
        (await OpenPastGrace()).Should().Be(0);
    }

    [Fact]
    public async Task the_hosted_closer_scans_when_it_starts_and_then_every_interval()
    {
        var session = await f.Schedule();
        var id = await f.Start(session, 13);
        var closer = f.StartHost(f.NewStore()).GetRequiredService<AttemptCloser>();
        await closer.StartAsync(CancellationToken.None);
        try
        {
            f.Clock.Advance(Duration + AttemptDecider.Grace + TimeSpan.FromSeconds(1));
            for (var waited = 0; (await f.Attempt(id)).IsOpen && waited < 100; waited++)
            {
                f.Clock.Advance(AttemptCloserOptions.Default.Interval); // the closer waits on the fake clock
                await Task.Delay(100);
            }
            (await f.Attempt(id)).Status.Should().Be(AttemptStatus.TimedOut);
        }
        finally
        {
            await closer.StopAsync(CancellationToken.None);
        }
    }
}
