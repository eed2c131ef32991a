using JasperFx.Events;
using Microsoft.Extensions.DependencyInjection;
using OfficerTraining.Exams;
using OfficerTraining.Infrastructure;

namespace OfficerTraining.IntegrationTests.Exams;

/// <summary>A journal writer keeps the answer sheets it committed and decides the next save on them without reading the
/// database. Someone else writing the attempt in between (a submit, a void, another node) must end in the commit failing
/// and the save being decided again on what they wrote: a refusal after a close, never an answer appended after it.</summary>
public class when_the_journal_kept_an_attempt_that_someone_else_changed(ExamFixture f) : IClassFixture<ExamFixture>
{
    [Fact]
    public async Task a_save_after_the_officer_submitted_through_the_attempt_commands_is_refused_and_nothing_is_appended()
    {
        var id = await f.Start(await f.Schedule(), 4);
        var journal = f.Get<AnswerJournal>();
        (await journal.Save(new RecordAnswer(id, "1", [0], 1), f.Officer(4))).Should().Be(AnswerSaveResult.Saved(2));
        var rewritten = journal.Stats.Rewritten;

        await f.Get<AttemptCommands>().Handle(new SubmitAttempt(id), f.Officer(4)); // its own session: the journal does not see it
        var late = await journal.Save(new RecordAnswer(id, "2", [0], 1), f.Officer(4));

        late.Should().BeEquivalentTo(new { Status = AnswerSaveStatus.Refused, MessageKey = "Exam.AttemptClosed" });
        (journal.Stats.Rewritten - rewritten).Should().Be(1, "the kept sheet was stale, so the commit failed and the save was decided again");
        var events = await f.Events(id);
        events.Last().Data.Should().BeOfType<ExamAttemptGraded>("nothing is appended after the submit");
        events.OfType<IEvent<AnswerRecorded>>().Should().ContainSingle();
        (await f.Answers(id)).Should().BeEquivalentTo(new { Status = AttemptStatus.Submitted, Version = 4L });
    }

    [Fact]
    public async Task a_save_after_a_void_is_refused()
    {
        var id = await f.Start(await f.Schedule(), 5);
        var journal = f.Get<AnswerJournal>();
        await journal.Save(new RecordAnswer(id, "1", [0], 1), f.Officer(5));

        await f.Get<AttemptCommands>().Handle(new VoidAttempt(id, "替考"), new Actor("certs", [Roles.CertificateOfficer]));

        (await journal.Save(new RecordAnswer(id, "1", [1], 2), f.Officer(5)))
            .Should().BeEquivalentTo(new { Status = AnswerSaveStatus.Refused, MessageKey = "Exam.AttemptClosed" });
        (await f.Events(id)).Last().Data.Should().BeOfType<ExamAttemptVoided>();
    }

    [Fact]
    public async Task answers_another_node_saved_in_between_are_kept_and_known()
    {
        var id = await f.Start(await f.Schedule(), 6);
        var (nodeA, nodeB) = (f.Get<AnswerJournal>(), f.StartHost(f.NewStore()).GetRequiredService<AnswerJournal>());
        (await nodeA.Save(new RecordAnswer(id, "1", [0], 1), f.Officer(6))).Should().Be(AnswerSaveResult.Saved(2));
        (await nodeB.Save(new RecordAnswer(id, "2", [0], 1), f.Officer(6))).Should().Be(AnswerSaveResult.Saved(3));

        (await nodeA.Save(new RecordAnswer(id, "3", [0], 1), f.Officer(6))).Should().Be(AnswerSaveResult.Saved(4),
            "node A's kept sheet was at version 2: it reads the attempt again and appends after node B's answer");
        (await nodeA.Save(new RecordAnswer(id, "2", [0], 1), f.Officer(6))).Should().Be(AnswerSaveResult.AlreadySaved(4),
            "node A now knows node B's answer");
        (await f.Answers(id)).Should().BeEquivalentTo(new { Version = 4L, Answers = new Dictionary<string, int[]> { ["1"] = [0], ["2"] = [0], ["3"] = [0] } });
    }
}
