using Microsoft.Extensions.DependencyInjection;
using OfficerTraining.Exams;
using OfficerTraining.Infrastructure;

namespace OfficerTraining.IntegrationTests.Exams;

public class when_an_officer_takes_an_exam(ExamFixture f, ITestOutputHelper output) : IClassFixture<ExamFixture>
{
    [Fact]
    public async Task answers_are_durable_and_a_freshly_started_host_resumes_the_attempt_with_the_same_deadline()
    {
        var session = await f.Schedule();
        var id = await f.Start(session, 0);
        var started = await f.Attempt(id);
        (await f.Get<AnswerJournal>().Save(new RecordAnswer(id, "1", [0], 1), f.Officer(0))).Should().Be(AnswerSaveResult.Saved(2));

        var restarted = f.StartHost(f.NewStore()); // nothing in memory: the store, the journal and the pool are new
        var resumed = await restarted.GetRequiredService<AttemptCommands>().Current(session, f.Officers[0]);
        resumed.Should().BeEquivalentTo(new { Id = id, started.Deadline, Paper = new { started.Paper.Seed } });
        (await f.Answers(id)).Should().BeEquivalentTo(new { Version = 2L, Answers = new Dictionary<string, int[]> { ["1"] = [0] } });
        (await f.Start(session, 0, restarted)).Should().Be(id, "starting again resumes the open attempt");

        (await restarted.GetRequiredService<AnswerJournal>().Save(new RecordAnswer(id, "2", [1], 1), f.Officer(0)))
            .Should().Be(AnswerSaveResult.Saved(3));
        (await f.Answers(id)).Answers.Keys.Should().BeEquivalentTo(["1", "2"]);
        (await f.Events(id)).Select(e => e.UserName).Should().AllBe("officer0", "each answer records who gave it");
    }

    [Fact]
    public async Task submitting_twice_grades_once_also_when_both_submits_arrive_at_the_same_moment_on_two_nodes()
    {
        var session = await f.Schedule();
        var commands = f.Get<AttemptCommands>();
        var one = await f.Start(session, 1);
        await f.Get<AnswerJournal>().Save(new RecordAnswer(one, "1", [0], 1), f.Officer(1));
        var first = await commands.Handle(new SubmitAttempt(one), f.Officer(1));
        (await commands.Handle(new SubmitAttempt(one), f.Officer(1))).Should().Be(first);

        var two = await f.Start(session, 2);
        var nodeB = f.StartHost(f.NewStore()).GetRequiredService<AttemptCommands>();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            Task.Run(() => (i % 2 == 0 ? commands : nodeB).Handle(new SubmitAttempt(two), f.Officer(2)))));

        foreach (var id in new[] { one, two })
        {
            var events = await f.Events(id);
            events.Count(e => e.Data is ExamAttemptSubmitted).Should().Be(1);
            events.Count(e => e.Data is ExamAttemptGraded).Should().Be(1);
            (await f.Attempt(id)).Status.Should().Be(AttemptStatus.Submitted);
        }
        (await f.Attempt(one)).Result!.Score.Should().Be(2m, "item 1 was answered with its key");
    }

    [Fact]
    public async Task answers_sent_at_once_through_two_nodes_are_all_recorded_and_the_newest_of_an_item_wins()
    {
        var session = await f.Schedule();
        var id = await f.Start(session, 3);
        var officer = f.Officer(3);
        var nodeA = f.Get<AnswerJournal>();
        var nodeB = f.StartHost(f.NewStore()).GetRequiredService<AnswerJournal>();

        // Items 1–3 through node A, 4–6 through node B, and item 10 (true/false) changed 20 times, alternating nodes:
        // an odd sequence chooses "true" (0), an even one "false" (1).
        var saves = Enumerable.Range(1, 6).Select(i => (Journal: i <= 3 ? nodeA : nodeB, Answer: new RecordAnswer(id, $"{i}", [0], 1)))
            .Concat(Enumerable.Range(1, 20).Select(s => (Journal: s % 2 == 0 ? nodeA : nodeB, Answer: new RecordAnswer(id, "10", [1 - s % 2], s))))
            .ToList();
        var results = await Task.WhenAll(saves.Select(x => Task.Run(() => x.Journal.Save(x.Answer, officer))));
        output.WriteLine($"node A: {nodeA.Stats}; node B: {nodeB.Stats}");

        results.Should().OnlyContain(r => r.Status == AnswerSaveStatus.Saved || r.Status == AnswerSaveStatus.AlreadySaved);
        results.Take(6).Should().OnlyContain(r => r.Status == AnswerSaveStatus.Saved, "different items never hide each other");
        var answers = await f.Answers(id);
        answers.Answers.Keys.Should().BeEquivalentTo(["1", "2", "3", "4", "5", "6", "10"]);
        answers.Sequences["10"].Should().Be(20);
        answers.Answers["10"].Should().Equal(1);
        var recorded = (await f.Events(id)).Count(e => e.Data is AnswerRecorded);
        recorded.Should().Be(results.Count(r => r.Status == AnswerSaveStatus.Saved), "every Saved is an event, nothing else is");
        results.Where(r => r.Status == AnswerSaveStatus.Saved).Select(r => r.Version).Should().OnlyHaveUniqueItems();

        (await nodeA.Save(new RecordAnswer(id, "1", [0], 1), officer)).Should().Be(AnswerSaveResult.AlreadySaved(answers.Version));
        (await nodeB.Save(new RecordAnswer(id, "10", [0], 7), officer)).Status.Should().Be(AnswerSaveStatus.AlreadySaved);
    }

    [Fact]
    public async Task an_officer_cannot_touch_another_officers_attempt_and_only_officers_answer()
    {
        var session = await f.Schedule();
        var id = await f.Start(session, 4);
        var journal = f.Get<AnswerJournal>();

        (await journal.Save(new RecordAnswer(id, "1", [0], 1), f.Officer(5))).MessageKey.Should().Be("Exam.NotYourAttempt");
        (await journal.Save(new RecordAnswer(id, "1", [0], 1), ExamFixture.Trainer)).MessageKey.Should().Be("NotAllowed");
        (await journal.Save(new RecordAnswer(Guid.NewGuid(), "1", [0], 1), f.Officer(4))).MessageKey.Should().Be("Exam.AttemptNotFound");
        (await journal.Save(new RecordAnswer(id, "99", [0], 1), f.Officer(4))).MessageKey.Should().Be("Exam.NoSuchItem");
        var submit = () => f.Get<AttemptCommands>().Handle(new SubmitAttempt(id), f.Officer(5));
        (await submit.Should().ThrowAsync<DomainException>()).Which.Key.Should().Be("Exam.NotYourAttempt");
        var flag = () => f.Get<AttemptCommands>().Handle(new FlagAnswer(id, "1", true), f.Officer(5));
        (await flag.Should().ThrowAsync<DomainException>()).Which.Key.Should().Be("Exam.NotYourAttempt");

        (await f.Events(id)).Should().ContainSingle("nothing but the start was written");
    }

    [Fact]
    public async Task a_voided_attempt_does_not_count_and_the_next_start_is_a_new_attempt()
    {
        var session = await f.Schedule();
        var first = await f.Start(session, 6);
        var officerVoid = () => f.Get<AttemptCommands>().Handle(new VoidAttempt(first, "设备故障"), f.Officer(6));
        (await officerVoid.Should().ThrowAsync<DomainException>()).Which.Key.Should().Be("NotAllowed");
        await f.Get<AttemptCommands>().Handle(new VoidAttempt(first, "设备故障"), new Actor("certofficer", [Roles.CertificateOfficer]));
        (await f.Get<AttemptCommands>().Current(session, f.Officers[6])).Should().BeNull();

        var second = await f.Start(session, 6);
        second.Should().NotBe(first);
        (await f.Attempt(second)).Number.Should().Be(1, "the voided attempt does not count");
    }
}
