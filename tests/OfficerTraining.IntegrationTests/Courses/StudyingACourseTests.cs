using JasperFx.Events;
using Marten;
using OfficerTraining.Courses;
using OfficerTraining.Exams;
using OfficerTraining.Infrastructure;
using OfficerTraining.IntegrationTests.Exams;
using OfficerTraining.Settings;
using OfficerTraining.Training;

namespace OfficerTraining.IntegrationTests.Courses;

/// <summary>A short published course on the exam fixture's fake clock: two lessons of 2 and 3 minutes, worth 2 class
/// hours, and a quiz of 2 single-choice and 2 true/false questions from the fixture's approved bank.</summary>
static class CourseArrange
{
    public static CourseContent Content { get; } = new("行政处罚法要点", "测试课程", TrainingCategory.PublicLaw, 2m, ["行政处罚法"],
        [new Lesson("L1", "第一讲", "## 处罚种类\n\n警告、罚款（第九条）。", 2), new Lesson("L2", "第二讲", "## 委托\n\n第二十条。", 3)],
        new CourseQuiz(2, 2, 0, 10, 60, 2));

    public static async Task<Course> Published(ExamFixture f, string code)
    {
        var commands = f.Get<CourseCommands>();
        var id = await commands.Handle(new DraftCourse(code, Content), ExamFixture.Trainer);
        await commands.Handle(new PublishCourse(id), null, ExamFixture.Trainer);
        return (await f.Get<CourseCatalogue>().Get(id))!;
    }

    /// <summary>Heartbeats every 10 s for <paramref name="seconds"/>, the clock moving with them.</summary>
    public static async Task Beat(ExamFixture f, Guid enrolment, string lesson, int officer, int seconds, string tab = "tab-1",
        bool visible = true, bool interacted = true, bool reachedEnd = false)
    {
        var tracker = f.Get<StudyTracker>();
        for (var t = 0; t <= seconds; t += 10)
        {
            await tracker.Beat(enrolment, lesson, tab, visible, interacted, reachedEnd && t == seconds, TimeSpan.FromHours(1), f.Officer(officer));
            if (t < seconds) f.Clock.Advance(TimeSpan.FromSeconds(10));
        }
    }

    public static async Task<Enrolment> Enrolment(ExamFixture f, Guid id) => (await f.Get<CourseCatalogue>().Enrolment(id))!;

    /// <summary>Answers every item of the attempt with its key and submits.</summary>
    public static async Task PassQuiz(ExamFixture f, Guid attemptId, int officer)
    {
        var attempt = await f.Attempt(attemptId);
        foreach (var item in attempt.Paper.Items)
            await f.Get<AnswerJournal>().Save(new RecordAnswer(attemptId, item.Key, item.Correct, 1), f.Officer(officer));
        await f.Get<AttemptCommands>().Handle(new SubmitAttempt(attemptId), f.Officer(officer));
    }
}

public class when_an_officer_studies_a_course_online(ExamFixture f) : IClassFixture<ExamFixture>
{
    [Fact]
    public async Task study_time_grows_only_while_the_page_is_visible_and_used_and_is_recorded_in_few_events()
    {
        var course = await CourseArrange.Published(f, "KC-T1");
        var enrolment = await f.Get<CourseStudy>().Enrol(course.Id, f.Officer(10));

        await CourseArrange.Beat(f, enrolment, "L1", 10, seconds: 120);                  // 2 minutes reading
        f.Clock.Advance(TimeSpan.FromSeconds(10));
        await CourseArrange.Beat(f, enrolment, "L1", 10, seconds: 120, visible: false);  // 2 minutes in another window
        f.Clock.Advance(TimeSpan.FromSeconds(10));
        await CourseArrange.Beat(f, enrolment, "L1", 10, seconds: 50);                    // back: the first beat only restarts the clock
        await f.Get<StudyTracker>().Leave("tab-1", f.Officer(10));

        var studied = await CourseArrange.Enrolment(f, enrolment);
        studied.ProgressOf("L1").ActiveSeconds.Should().Be(120 + 50);
        var events = await f.Events(enrolment);
        events.Count(e => e.Data is StudyTimeRecorded).Should().BeLessThanOrEqualTo(4, "earned time is held and recorded a minute at a time");
        events.Should().OnlyContain(e => e.UserName == "officer10");
    }

    [Fact]
    public async Task two_tabs_open_at_once_earn_the_time_once()
    {
        var course = await CourseArrange.Published(f, "KC-T2");
        var enrolment = await f.Get<CourseStudy>().Enrol(course.Id, f.Officer(11));
        var tracker = f.Get<StudyTracker>();

        for (var t = 0; t <= 120; t += 10)
        {
            await tracker.Beat(enrolment, "L1", "tab-a", true, true, false, TimeSpan.FromHours(1), f.Officer(11));
            await tracker.Beat(enrolment, "L2", "tab-b", true, true, false, TimeSpan.FromHours(1), f.Officer(11));
            f.Clock.Advance(TimeSpan.FromSeconds(10));
        }
        await tracker.Leave("tab-a", f.Officer(11));
        await tracker.Leave("tab-b", f.Officer(11));

        var studied = await CourseArrange.Enrolment(f, enrolment);
        (studied.ProgressOf("L1").ActiveSeconds + studied.ProgressOf("L2").ActiveSeconds).Should().Be(120);
        studied.TotalMinutes.Should().Be(2);
    }

    [Fact]
    public async Task completing_the_lessons_and_passing_the_quiz_credits_the_hours_to_the_ledger()
    {
        var course = await CourseArrange.Published(f, "KC-T3");
        var study = f.Get<CourseStudy>();
        var enrolment = await study.Enrol(course.Id, f.Officer(12));
        (await study.Enrol(course.Id, f.Officer(12))).Should().Be(enrolment, "enrolling again is the same enrolment");

        await CourseArrange.Beat(f, enrolment, "L1", 12, seconds: 120, reachedEnd: true);
        var early = () => study.StartQuiz(enrolment, f.Officer(12));
        (await early.Should().ThrowAsync<DomainException>()).Which.Key.Should().Be("Course.LessonsIncomplete");
        await CourseArrange.Beat(f, enrolment, "L2", 12, seconds: 180, reachedEnd: true);
        await f.Get<StudyTracker>().Leave("tab-1", f.Officer(12));
        (await CourseArrange.Enrolment(f, enrolment)).AllLessonsComplete(CourseArrange.Content).Should().BeTrue();

        var notYet = () => study.Complete(enrolment, f.Officer(12));
        (await notYet.Should().ThrowAsync<DomainException>()).Which.Key.Should().Be("Course.QuizNotPassed");
        var attempt = await study.StartQuiz(enrolment, f.Officer(12));
        (await f.Attempt(attempt)).Rules.Purpose.Should().Be(ExamPurpose.CourseQuiz);
        await CourseArrange.PassQuiz(f, attempt, 12);
        await study.Complete(enrolment, f.Officer(12));

        // 5 active minutes under the default rule (active minutes ÷ 45) are 0.1 class hours.
        var ledger = await f.Get<TrainingLedgers>().For(f.Officers[12], 2026);
        ledger.BySource[CreditSource.Course].Should().Be(0.1m);
        (await CourseArrange.Enrolment(f, enrolment)).Should().BeEquivalentTo(new { Credits = new[] { new YearCredit(2026, 0.1m) } });
        await using var q = f.Store.QuerySession();
        var credit = (await q.Events.FetchStreamAsync(TrainingRecord.StreamIdFor(f.Officers[12]))).Single();
        credit.Data.Should().BeEquivalentTo(new { Source = CreditSource.Course, SourceId = enrolment, Description = "网络课程：行政处罚法要点（第 1 版）" });
        credit.UserName.Should().Be("officer12");
    }

    [Fact]
    public async Task under_the_per_course_rule_set_for_the_year_a_completed_course_earns_its_full_hours()
    {
        await f.Get<SettingsCommands>().Handle(new SetPolicy(2026, Policy.Defaults with { CourseCredit = CreditMode.PerCourse }, "按课程计学时"),
            new Actor("admin", [Roles.Administrator]));
        var course = await CourseArrange.Published(f, "KC-T4");
        var study = f.Get<CourseStudy>();
        var enrolment = await study.Enrol(course.Id, f.Officer(13));
        await CourseArrange.Beat(f, enrolment, "L1", 13, seconds: 120, reachedEnd: true);
        await CourseArrange.Beat(f, enrolment, "L2", 13, seconds: 180, reachedEnd: true);
        await f.Get<StudyTracker>().Leave("tab-1", f.Officer(13));

        await CourseArrange.PassQuiz(f, await study.StartQuiz(enrolment, f.Officer(13)), 13);
        await study.Complete(enrolment, f.Officer(13));

        (await f.Get<TrainingLedgers>().For(f.Officers[13], 2026)).BySource[CreditSource.Course].Should().Be(2m);
        await f.Get<SettingsCommands>().Handle(new SetPolicy(2026, Policy.Defaults, "恢复默认"), new Actor("admin", [Roles.Administrator]));
    }

    [Fact]
    public async Task an_officer_cannot_record_study_on_someone_elses_enrolment()
    {
        var course = await CourseArrange.Published(f, "KC-T5");
        var enrolment = await f.Get<CourseStudy>().Enrol(course.Id, f.Officer(14));
        var act = () => f.Get<CourseStudy>().Record(new StudyReport(enrolment, "L1",
            [new ActiveSpan(f.Clock.GetUtcNow(), f.Clock.GetUtcNow().AddMinutes(1))], false), f.Officer(15));
        (await act.Should().ThrowAsync<DomainException>()).Which.Key.Should().Be("Course.NotYourEnrolment");
    }
}

public class when_a_trainer_publishes_a_course(ExamFixture f) : IClassFixture<ExamFixture>
{
    [Fact]
    public async Task a_quiz_bigger_than_the_approved_bank_is_refused_and_nothing_is_published()
    {
        var commands = f.Get<CourseCommands>();
        var id = await commands.Handle(new DraftCourse("KC-BIG", CourseArrange.Content with { Quiz = new CourseQuiz(30, 0, 0, 10, 60, 1) }),
            ExamFixture.Trainer);

        var act = () => commands.Handle(new PublishCourse(id), null, ExamFixture.Trainer);

        (await act.Should().ThrowAsync<DomainException>()).Which.Key.Should().Be("Course.QuizTooBig");
        var course = await f.Get<CourseCatalogue>().Get(id);
        course!.Status.Should().Be(CourseStatus.Draft);
        await using var q = f.Store.QuerySession();
        (await q.LoadAsync<ExamSession>(Course.QuizSessionIdFor(id, 1))).Should().BeNull();
    }

    [Fact]
    public async Task publishing_writes_the_version_and_its_quiz_session_by_the_trainer_and_officers_cannot_author()
    {
        var course = await CourseArrange.Published(f, "KC-PUB");
        await using var q = f.Store.QuerySession();
        var quiz = await q.LoadAsync<ExamSession>(course.Current!.QuizSessionId);
        quiz!.Purpose.Should().Be(ExamPurpose.CourseQuiz);
        (await f.Get<CourseCatalogue>().ByQuizSession(quiz.Id))!.Id.Should().Be(course.Id);
        (await f.Events(course.Id)).Should().OnlyContain(e => e.UserName == "trainer");

        var act = () => f.Get<CourseCommands>().Handle(new DraftCourse("KC-OFF", CourseArrange.Content), f.Officer(1));
        (await act.Should().ThrowAsync<DomainException>()).Which.Key.Should().Be("NotAllowed");
    }
}
