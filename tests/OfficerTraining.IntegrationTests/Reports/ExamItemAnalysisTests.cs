using Marten;
using OfficerTraining.Demo;
using OfficerTraining.Exams;
using OfficerTraining.Infrastructure;
using OfficerTraining.IntegrationTests.Exams;
using OfficerTraining.Reports.ItemAnalysis;

namespace OfficerTraining.IntegrationTests.Reports;

/// <summary>
/// Two finished sessions: one from <see cref="PastExams"/> a month ago (each sitter all right or all wrong), and one sat
/// live today by all 50 officers, officer i answering about i/50 of the questions right, except that everyone answers
/// EX-001 right and only the 17 weakest answer EX-002 right; the strongest officer's attempt is then voided.
/// </summary>
public class SatSessionsFixture : ExamFixture, IAsyncLifetime
{
    public const int Weakest = 17;
    public Guid Live { get; private set; }
    public Guid Past { get; private set; }
    public Guid Voided { get; private set; }

    public new async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var supervisor = new Actor("supervisor", [Roles.Supervisor]);
        Past = await Get<PastExams>().Record("上月测验", Blueprint, ExamPurpose.CourseQuiz, null, Clock.GetUtcNow().AddDays(-30),
            [.. Officers.Select((id, i) => (id, i % 3 != 0))], supervisor);

        Live = await Schedule(openFor: TimeSpan.FromHours(1));
        var attempts = await Task.WhenAll(Enumerable.Range(0, OfficerCount).Select(Sit));
        Voided = attempts[^1];
        await Get<AttemptCommands>().Handle(new VoidAttempt(Voided, "考场违纪"), new Actor("certofficer", [Roles.CertificateOfficer]));
        Clock.Advance(TimeSpan.FromHours(2)); // the window closes: the session is finished
    }

    async Task<Guid> Sit(int officer)
    {
        var id = await Start(Live, officer);
        var attempt = await Attempt(id);
        foreach (var question in attempt.Paper.Questions)
            foreach (var item in question.Items)
            {
                IReadOnlyList<int> choice = Right(question.Code, officer) ? item.Correct : [item.OptionOrder.First(o => !item.Correct.Contains(o))];
                (await Get<AnswerJournal>().Save(new RecordAnswer(id, item.Key, choice, 1), Officer(officer))).Status
                    .Should().Be(AnswerSaveStatus.Saved);
            }
        await Get<AttemptCommands>().Handle(new SubmitAttempt(id), Officer(officer));
        return id;
    }

    static bool Right(string code, int officer) => int.Parse(code[3..]) switch
    {
        1 => true,
        2 => officer < Weakest,
        var k => (k * 13 + officer * 7) % OfficerCount < officer,
    };
}

public class when_a_session_has_finished(SatSessionsFixture f) : IClassFixture<SatSessionsFixture>
{
    async Task<IReadOnlyList<ExamAttempt>> Counted()
    {
        await using var session = f.Store.QuerySession();
        return await session.Query<ExamAttempt>().Where(a => a.SessionId == f.Live && a.Status != AttemptStatus.Voided).ToListAsync();
    }

    [Fact]
    public async Task the_finished_sessions_are_listed_most_recently_closed_first_with_attempts_and_mean()
    {
        var counted = await Counted();
        var sessions = await f.Get<ExamItemAnalysis>().FinishedSessions();

        sessions.Select(s => s.SessionId).Should().Equal(f.Live, f.Past);
        sessions[0].Attempts.Should().Be(ExamFixture.OfficerCount - 1);
        sessions[0].Mean.Should().BeApproximately(counted.Average(a => (double)a.Result!.Score), 1e-9);
        sessions[0].MaxScore.Should().Be(18);
        sessions[1].Attempts.Should().Be(ExamFixture.OfficerCount);
    }

    [Fact]
    public async Task the_session_figures_count_the_graded_attempts_and_leave_out_the_voided_one()
    {
        var counted = await Counted();
        var analysis = (await f.Get<ExamItemAnalysis>().ForSession(f.Live))!;

        analysis.Quiz.Attempts.Should().Be(ExamFixture.OfficerCount - 1);
        counted.Should().HaveCount(ExamFixture.OfficerCount - 1).And.NotContain(a => a.Id == f.Voided);
        analysis.Quiz.Mean.Should().BeApproximately(counted.Average(a => (double)a.Result!.Score), 1e-9);
        analysis.Quiz.MaxTotal.Should().Be(18);
        analysis.Slots.Select(s => s.Key).Should().BeEquivalentTo(Enumerable.Range(1, 10).Select(i => $"{i}"));
        analysis.SlotsLeftOut.Should().Be(0);
        analysis.Questions.Sum(q => q.Attempts).Should().Be(10 * (ExamFixture.OfficerCount - 1), "every attempt drew ten questions");
        analysis.Quiz.Cic.Should().NotBeNull();
    }

    [Fact]
    public async Task a_question_everyone_answers_right_has_facility_1_and_no_discrimination()
    {
        var question = (await f.Get<ExamItemAnalysis>().ForSession(f.Live))!.Questions.Single(q => q.Code == "EX-001");

        question.Should().BeEquivalentTo(new { Version = 1, Facility = 1.0, Sd = 0.0, DiscriminationIndex = (double?)null,
            RandomGuessScore = 0.25 }, "a single choice of four options");
        question.NeedsChecking.Should().BeNull();
        question.Flagged.Should().BeFalse();
    }

    [Fact]
    public async Task a_question_only_the_weakest_answer_right_is_very_likely_to_need_checking()
    {
        var questions = (await f.Get<ExamItemAnalysis>().ForSession(f.Live))!.Questions;
        var question = questions.Single(q => q.Code == "EX-002");

        question.DiscriminationIndex.Should().BeNegative();
        question.NeedsChecking.Should().Be(NeedsChecking.VeryLikely);
        question.Dubious.Should().BeTrue();
        question.Flagged.Should().BeTrue();
        questions.Where(q => string.CompareOrdinal(q.Code, "EX-017") >= 0).Should().OnlyContain(q => q.RandomGuessScore == 0.5, "true/false");
        questions.Where(q => q.Code is "EX-011" or "EX-016").Should().OnlyContain(q => q.RandomGuessScore == null, "multiple choice");
    }

    [Fact]
    public async Task a_session_still_open_is_not_analysed()
    {
        var open = await f.Schedule();
        var id = await f.Start(open, 0);
        await f.Get<AttemptCommands>().Handle(new SubmitAttempt(id), f.Officer(0));

        (await f.Get<ExamItemAnalysis>().ForSession(open)).Should().BeNull();
        (await f.Get<ExamItemAnalysis>().FinishedSessions()).Should().NotContain(s => s.SessionId == open);
    }

    [Fact]
    public async Task the_bank_flags_average_each_version_over_the_sessions_that_drew_it()
    {
        var analysis = f.Get<ExamItemAnalysis>();
        var perSession = new[] { await analysis.ForSession(f.Live), await analysis.ForSession(f.Past) }
            .Select(s => s!.Questions.SingleOrDefault(q => q.Code == "EX-003")).OfType<QuestionVersionStatistics>().ToList();
        var health = f.Get<QuestionHealth>();

        var averaged = (await health.For("EX-003", 1))!;
        averaged.Sessions.Should().Be(perSession.Count);
        averaged.Attempts.Should().Be(perSession.Sum(q => q.Attempts));
        averaged.Facility.Should().BeApproximately(perSession.Average(q => q.Facility), 1e-12);
        averaged.DiscriminationIndex.Should().BeApproximately(
            perSession.Select(q => q.DiscriminationIndex).OfType<double>().Average(), 1e-9);
        (await health.Latest())["EX-003"].Should().Be(averaged);
        (await health.FlaggedCodes()).Should().BeEquivalentTo((await health.Latest()).Values.Where(q => q.Flagged).Select(q => q.Code));
        (await health.For("EX-003", 2)).Should().BeNull("no exam drew a second version");
    }
}
