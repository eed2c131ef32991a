using Marten;
using Microsoft.Extensions.DependencyInjection;
using OfficerTraining.Exams;
using OfficerTraining.Infrastructure;
using OfficerTraining.QuestionBank;

namespace OfficerTraining.IntegrationTests.Exams;

public class when_attempts_start(ExamFixture f) : IClassFixture<ExamFixture>
{
    async Task<DomainException> Refusal(Func<Task> act) => (await act.Should().ThrowAsync<DomainException>()).Which;

    [Fact]
    public async Task starts_at_the_same_moment_from_two_tabs_on_two_nodes_make_one_attempt()
    {
        var session = await f.Schedule();
        var nodeB = f.StartHost(f.NewStore());
        var ids = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => f.Start(session, 0, i % 2 == 0 ? null : nodeB))));

        ids.Distinct().Should().ContainSingle();
        await using var query = f.Store.QuerySession();
        (await query.Query<ExamAttempt>().Where(a => a.SessionId == session && a.OfficerId == f.Officers[0]).CountAsync()).Should().Be(1);
        (await f.Events(ids[0])).Should().ContainSingle().Which.Data.Should().BeOfType<ExamAttemptStarted>();
    }

    [Fact]
    public async Task the_deadline_is_the_duration_plus_extra_time_on_the_servers_clock()
    {
        var session = await f.Schedule();
        await f.Get<ExamSessionCommands>().Handle(new GrantExtraTime(session, f.Officers[1], TimeSpan.FromMinutes(10), "视力障碍"), ExamFixture.Trainer);
        var attempt = await f.Attempt(await f.Start(session, 1));
        attempt.Deadline.Should().Be(f.Clock.GetUtcNow() + TimeSpan.FromMinutes(40));
        attempt.Paper.Items.Should().HaveCount(10);

        var noReason = () => f.Get<ExamSessionCommands>().Handle(new GrantExtraTime(session, f.Officers[1], TimeSpan.FromMinutes(5), " "), ExamFixture.Trainer);
        (await Refusal(noReason)).Key.Should().Be("Field.Required");
    }

    [Fact]
    public async Task a_start_is_refused_outside_the_window_in_a_cancelled_session_and_off_the_roster()
    {
        var later = await f.Schedule(opensIn: TimeSpan.FromHours(1));
        (await Refusal(() => f.Start(later, 2))).Key.Should().Be("Exam.NotOpenYet");

        var rostered = await f.Schedule(new Roster(false, [], [], [f.Officers[3]]));
        (await Refusal(() => f.Start(rostered, 2))).Key.Should().Be("Exam.NotOnRoster");
        (await f.Start(rostered, 3)).Should().NotBeEmpty();

        var cancelled = await f.Schedule();
        await f.Get<ExamSessionCommands>().Handle(new CancelExamSession(cancelled, "题目泄露"), ExamFixture.Trainer);
        (await Refusal(() => f.Start(cancelled, 2))).Key.Should().Be("Exam.SessionCancelled");

        var shortWindow = await f.Schedule(openFor: TimeSpan.FromHours(2));
        f.Clock.Advance(TimeSpan.FromHours(2));
        (await Refusal(() => f.Start(shortWindow, 2))).Key.Should().Be("Exam.Closed");
    }

    [Fact]
    public async Task officers_start_only_for_themselves()
    {
        var session = await f.Schedule();
        var commands = f.Get<AttemptCommands>();
        (await Refusal(() => commands.Start(session, f.Officers[5], false, f.Officer(4)))).Key.Should().Be("Exam.OnlyYourself");
        (await Refusal(() => commands.Start(session, f.Officers[5], false, ExamFixture.Trainer))).Key.Should().Be("NotAllowed");
    }

    [Fact]
    public async Task a_session_is_refused_when_the_bank_cannot_fill_it_naming_the_sections()
    {
        var commands = f.Get<ExamSessionCommands>();
        var now = f.Clock.GetUtcNow();
        ScheduleExamSession Session(Blueprint b, string title = "年审考试", int hours = 24) =>
            new(Guid.CreateVersion7(), title, b, ExamPurpose.AnnualReview, 2026, now, now.AddHours(hours), Roster.All);
        var big = ExamFixture.Blueprint with
        {
            Sections = [new("单选题", QuestionType.Single, QuestionFilter.Any, 20, 2m), new("案例分析题", QuestionType.Case, QuestionFilter.Any, 1, 2m)],
        };

        var tooBig = await Refusal(() => commands.Handle(Session(big), ExamFixture.Trainer));
        tooBig.Key.Should().Be("ExamSession.BankTooSmall");
        tooBig.Message.Should().Contain("单选题").And.Contain("案例分析题");
        (await Refusal(() => commands.Handle(Session(ExamFixture.Blueprint, hours: 0), ExamFixture.Trainer))).Key.Should().Be("ExamSession.WindowBackwards");
        (await Refusal(() => commands.Handle(Session(ExamFixture.Blueprint, title: ""), ExamFixture.Trainer))).Key.Should().Be("Field.Required");
        (await Refusal(() => commands.Handle(Session(ExamFixture.Blueprint with { Sections = [] }), ExamFixture.Trainer))).Key.Should().Be("Blueprint.Invalid");
        (await Refusal(() => commands.Handle(Session(ExamFixture.Blueprint), f.Officer(0)))).Key.Should().Be("NotAllowed");
    }
}
