using Microsoft.Extensions.DependencyInjection;
using OfficerTraining.Exams;

namespace OfficerTraining.IntegrationTests.Exams;

/// <summary>Behind a load balancer an officer's next request may reach another node (the first one was taken out, or
/// the circuit reconnected elsewhere): the attempt is in the database, so it simply continues there.</summary>
public class when_an_attempt_started_on_one_node_continues_on_another(ExamFixture f) : IClassFixture<ExamFixture>
{
    [Fact]
    public async Task answers_through_both_nodes_are_kept_and_the_submit_on_the_second_node_grades_once_with_all_of_them()
    {
        var session = await f.Schedule();
        var nodeA = f.Services;
        var nodeB = f.StartHost(f.NewStore());
        var id = await f.Start(session, 7, nodeA);
        var deadline = (await f.Attempt(id)).Deadline;
        var officer = f.Officer(7);
        foreach (var item in new[] { "1", "2", "3" })
            (await nodeA.GetRequiredService<AnswerJournal>().Save(new RecordAnswer(id, item, [0], 1), officer)).Status
                .Should().Be(AnswerSaveStatus.Saved);

        (await nodeB.GetRequiredService<AttemptCommands>().Current(session, f.Officers[7]))
            .Should().BeEquivalentTo(new { Id = id, Deadline = deadline }, "node B resumes the attempt node A started");
        (await f.Start(session, 7, nodeB)).Should().Be(id, "starting on node B finds the open attempt");
        foreach (var item in new[] { "4", "5", "6" })
            (await nodeB.GetRequiredService<AnswerJournal>().Save(new RecordAnswer(id, item, [0], 1), officer)).Status
                .Should().Be(AnswerSaveStatus.Saved);
        (await nodeB.GetRequiredService<AnswerJournal>().Save(new RecordAnswer(id, "1", [0], 1), officer)).Status
            .Should().Be(AnswerSaveStatus.AlreadySaved, "node B knows what node A saved");

        await nodeB.GetRequiredService<AttemptCommands>().Handle(new SubmitAttempt(id), officer);
        await nodeB.GetRequiredService<AttemptCommands>().Handle(new SubmitAttempt(id), officer); // a second click

        var events = await f.Events(id);
        events.Count(e => e.Data is ExamAttemptGraded).Should().Be(1);
        events.OfType<JasperFx.Events.IEvent<AnswerRecorded>>().Select(e => e.Data.Item).Should().BeEquivalentTo(["1", "2", "3", "4", "5", "6"]);
        (await f.Answers(id)).Answers.Keys.Should().BeEquivalentTo(["1", "2", "3", "4", "5", "6"]);
        var attempt = await f.Attempt(id);
        attempt.Status.Should().Be(AttemptStatus.Submitted);
        attempt.Deadline.Should().Be(deadline);
        attempt.Result!.Score.Should().Be(8m, "items 1–4 are single choice (2 points each) answered with their key, 5 and 6 multiple without C");
    }
}
