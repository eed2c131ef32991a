using OfficerTraining.Exams;
using OfficerTraining.Infrastructure;
using static OfficerTraining.Tests.Exams.Attempts;

namespace OfficerTraining.Tests.Exams;

public class when_an_officer_starts_an_exam
{
    [Fact]
    public void the_deadline_is_start_plus_duration()
    {
        var a = Started(Opens.AddHours(1));
        a.Deadline.Should().Be(Opens.AddHours(1).AddMinutes(90));
        a.CutByWindow.Should().BeFalse();
    }

    [Fact]
    public void extra_time_is_added_for_that_officer_only()
    {
        var session = ExamSession.Apply(new ExtraTimeGranted(Guid.Empty, Officer.Id, TimeSpan.FromMinutes(30), "视力障碍"), Session());
        Started(Opens, session).Deadline.Should().Be(Opens.AddMinutes(120));
        AttemptDecider.TimingFor(session, Guid.NewGuid(), Opens).Deadline.Should().Be(Opens.AddMinutes(90));
    }

    [Fact]
    public void a_close_that_would_cut_the_time_needs_the_officers_consent_and_then_caps_the_deadline()
    {
        var late = Closes.AddMinutes(-40);
        FluentActions.Invoking(() => Started(late, acceptShortened: false))
            .Should().Throw<DomainException>().Which.Key.Should().Be("Exam.WindowCutsTime");
        var a = Started(late);
        (a.Deadline, a.CutByWindow).Should().Be((Closes, true));
    }

    [Fact]
    public void extra_time_is_cut_by_the_close_too()
    {
        var session = ExamSession.Apply(new ExtraTimeGranted(Guid.Empty, Officer.Id, TimeSpan.FromMinutes(60), "照顾"), Session());
        var timing = AttemptDecider.TimingFor(session, Officer.Id, Closes.AddMinutes(-120));
        (timing.Deadline, timing.CutByWindow, timing.Available).Should().Be((Closes, true, TimeSpan.FromMinutes(120)));
    }

    [Theory]
    [InlineData(-1, "Exam.NotOpenYet")]
    [InlineData(600, "Exam.Closed")]
    public void outside_the_window_nobody_starts(int minutesAfterOpening, string key) =>
        FluentActions.Invoking(() => Started(Opens.AddMinutes(minutesAfterOpening)))
            .Should().Throw<DomainException>().Which.Key.Should().Be(key);

    [Fact]
    public void a_deactivated_officer_does_not_start()
    {
        var session = Session();
        FluentActions.Invoking(() => AttemptDecider.Decide(new StartAttempt(Guid.NewGuid(), session.Id, Officer.Id, true), session,
                Officer with { Active = false }, 0, SmallPaper, Opens))
            .Should().Throw<DomainException>().Which.Key.Should().Be("Officer.Inactive");
    }

    [Fact]
    public void an_officer_off_the_roster_or_out_of_attempts_is_refused()
    {
        var elsewhere = new Roster(false, [Guid.NewGuid()], [], []);
        FluentActions.Invoking(() => Started(Opens, Session(elsewhere)))
            .Should().Throw<DomainException>().Which.Key.Should().Be("Exam.NotOnRoster");
        var session = Session();
        FluentActions.Invoking(() => AttemptDecider.Decide(new StartAttempt(Guid.NewGuid(), session.Id, Officer.Id, true), session, Officer, 1, SmallPaper, Opens))
            .Should().Throw<DomainException>().Which.Key.Should().Be("Exam.NoAttemptsLeft");
    }
}

public class when_an_answer_arrives_near_the_deadline
{
    static readonly Taken Attempt = Started(Opens);
    static DateTimeOffset Deadline => Attempt.Deadline;

    static object[] Answer(DateTimeOffset at, long sequence = 1) =>
        AttemptDecider.Decide(new RecordAnswer(Attempt.Id, "1", [1], sequence), Attempt.Answers, Attempt.Shape, at);

    [Fact]
    public void one_second_before_the_deadline_it_is_recorded_on_time() =>
        Answer(Deadline.AddSeconds(-1)).Should().ContainSingle().Which.Should().BeOfType<AnswerRecorded>().Which.InGrace.Should().BeFalse();

    [Fact]
    public void at_the_deadline_it_is_on_time() =>
        Answer(Deadline).Should().ContainSingle().Which.Should().BeOfType<AnswerRecorded>().Which.InGrace.Should().BeFalse();

    [Fact]
    public void one_second_after_it_is_accepted_within_the_grace_and_marked_so() =>
        Answer(Deadline.AddSeconds(1)).Should().ContainSingle().Which.Should().BeOfType<AnswerRecorded>().Which.InGrace.Should().BeTrue();

    [Fact]
    public void at_the_end_of_the_grace_it_is_still_accepted() =>
        Answer(Deadline + AttemptDecider.Grace).Should().ContainSingle();

    [Fact]
    public void after_the_grace_it_is_refused() =>
        FluentActions.Invoking(() => Answer(Deadline + AttemptDecider.Grace + TimeSpan.FromMilliseconds(1)))
            .Should().Throw<DomainException>().Which.Key.Should().Be("Exam.PastDeadline");

    [Fact]
    public void after_a_window_close_that_cut_the_time_the_close_is_the_deadline()
    {
        var cut = Started(Closes.AddMinutes(-30));
        FluentActions.Invoking(() => AttemptDecider.Decide(new RecordAnswer(cut.Id, "1", [1], 1), cut.Answers, cut.Shape, Closes.AddMinutes(1)))
            .Should().Throw<DomainException>().Which.Key.Should().Be("Exam.PastDeadline");
    }

    [Fact]
    public void a_retried_save_or_an_older_one_arriving_late_changes_nothing()
    {
        var answered = Evolve(Attempt, Answer(Opens.AddMinutes(5), sequence: 3));
        AttemptDecider.Decide(new RecordAnswer(Attempt.Id, "1", [0], 3), answered.Answers, answered.Shape, Opens.AddMinutes(6)).Should().BeEmpty();
        AttemptDecider.Decide(new RecordAnswer(Attempt.Id, "1", [2], 2), answered.Answers, answered.Shape, Opens.AddMinutes(6)).Should().BeEmpty();
        AttemptDecider.Decide(new RecordAnswer(Attempt.Id, "1", [2], 4), answered.Answers, answered.Shape, Opens.AddMinutes(6)).Should().ContainSingle();
    }

    [Theory]
    [InlineData("9", new[] { 0 }, "Exam.NoSuchItem")]
    [InlineData("1", new[] { 4 }, "Exam.NoSuchOption")]
    [InlineData("1", new[] { 0, 1 }, "Exam.OneOptionOnly")]
    [InlineData("3", new[] { 0, 1 }, "Exam.OneOptionOnly")]
    public void a_choice_the_paper_does_not_have_is_refused(string item, int[] choice, string key) =>
        FluentActions.Invoking(() => AttemptDecider.Decide(new RecordAnswer(Attempt.Id, item, choice, 1), Attempt.Answers, Attempt.Shape, Opens.AddMinutes(1)))
            .Should().Throw<DomainException>().Which.Key.Should().Be(key);
}

public class when_an_attempt_ends
{
    static readonly Taken Attempt = Answered(Started(Opens), Opens.AddMinutes(10), ("1", [1]), ("2", [0, 2]));

    [Fact]
    public void a_submit_closes_and_grades_at_once_and_a_second_submit_does_nothing()
    {
        var events = AttemptDecider.Decide(new SubmitAttempt(Attempt.Id), Attempt.Attempt, Attempt.Answers, Opens.AddMinutes(20));
        events.Select(e => e.GetType()).Should().Equal(typeof(ExamAttemptSubmitted), typeof(ExamAttemptGraded));
        var submitted = Evolve(Attempt, events);
        submitted.Attempt.Result!.Score.Should().Be(5m);
        AttemptDecider.Decide(new SubmitAttempt(Attempt.Id), submitted.Attempt, submitted.Answers, Opens.AddMinutes(21)).Should().BeEmpty();
    }

    [Fact]
    public void a_submit_within_the_grace_is_a_submit_marked_late_and_after_it_a_time_out()
    {
        AttemptDecider.Decide(new SubmitAttempt(Attempt.Id), Attempt.Attempt, Attempt.Answers, Attempt.Deadline.AddSeconds(3))
            .OfType<ExamAttemptSubmitted>().Single().InGrace.Should().BeTrue();
        AttemptDecider.Decide(new SubmitAttempt(Attempt.Id), Attempt.Attempt, Attempt.Answers, Attempt.Deadline.AddMinutes(5))
            .Select(e => e.GetType()).Should().Equal(typeof(ExamAttemptTimedOut), typeof(ExamAttemptGraded));
    }

    [Fact]
    public void the_closer_leaves_an_attempt_alone_until_the_grace_has_passed_then_grades_what_was_answered()
    {
        AttemptDecider.Decide(new CloseExpiredAttempt(Attempt.Id), Attempt.Attempt, Attempt.Answers, Attempt.Deadline.AddSeconds(5)).Should().BeEmpty();
        var closed = AttemptDecider.Decide(new CloseExpiredAttempt(Attempt.Id), Attempt.Attempt, Attempt.Answers, Attempt.Deadline.AddMinutes(1));
        closed.OfType<ExamAttemptTimedOut>().Single().Deadline.Should().Be(Attempt.Deadline);
        closed.OfType<ExamAttemptGraded>().Single().Score.Should().Be(5m);
    }

    [Fact]
    public void a_closed_attempt_takes_no_more_answers_and_a_voided_one_is_not_submitted()
    {
        var submitted = Evolve(Attempt, AttemptDecider.Decide(new SubmitAttempt(Attempt.Id), Attempt.Attempt, Attempt.Answers, Opens.AddMinutes(20)));
        FluentActions.Invoking(() => AttemptDecider.Decide(new RecordAnswer(Attempt.Id, "3", [0], 1), submitted.Answers, submitted.Shape, Opens.AddMinutes(21)))
            .Should().Throw<DomainException>().Which.Key.Should().Be("Exam.AttemptClosed");
        var voided = Evolve(Attempt, AttemptDecider.Decide(new VoidAttempt(Attempt.Id, "替考"), Attempt.Attempt));
        FluentActions.Invoking(() => AttemptDecider.Decide(new SubmitAttempt(Attempt.Id), voided.Attempt, voided.Answers, Opens.AddMinutes(21)))
            .Should().Throw<DomainException>().Which.Key.Should().Be("Exam.AttemptVoided");
    }
}
