using OfficerTraining.Courses;
using OfficerTraining.Infrastructure;
using OfficerTraining.Training;

namespace OfficerTraining.Tests.Courses;

static class Study
{
    public static readonly OfficerTraining.Officers.Officer Officer = Given.Officer(Given.City());

    public static Enrolment Enrolled(Course course) =>
        Enrolment.Create(StudyDecider.Enrol(Officer, course, Given.Now));

    /// <summary>Records <paramref name="minutes"/> of study on a lesson starting at <paramref name="from"/>, folding what
    /// the decider returns.</summary>
    public static Enrolment Studied(Enrolment e, CourseContent content, string lesson, DateTimeOffset from, double minutes,
        bool reachedEnd = false)
    {
        var events = StudyDecider.Record(new StudyReport(e.Id, lesson,
            [.. StudyClock.SplitAtNewYear(new ActiveSpan(from, from.AddMinutes(minutes)))], reachedEnd), e, content, from.AddMinutes(minutes));
        return Fold(e, events);
    }

    public static Enrolment Fold(Enrolment e, IEnumerable<object> events) => events.Aggregate(e, (x, ev) => ev switch
    {
        StudyTimeRecorded s => Enrolment.Apply(s, x),
        LessonEndReached r => Enrolment.Apply(r, x),
        LessonCompleted c => Enrolment.Apply(c, x),
        CourseCompleted c => Enrolment.Apply(c, x),
        _ => throw new InvalidOperationException(ev.GetType().Name),
    });
}

public class when_an_officer_studies_a_lesson
{
    readonly Course _course = Courses.Published(Courses.Content(Courses.Lesson(1, minutes: 20), Courses.Lesson(2, minutes: 25)));
    CourseContent Content => _course.Current!.Content;

    [Fact]
    public void the_lesson_completes_only_when_its_minutes_are_studied_and_its_end_is_reached()
    {
        var e = Study.Enrolled(_course);

        var read = Study.Studied(e, Content, "L1", Given.Now, 12, reachedEnd: true);
        read.ProgressOf("L1").Should().BeEquivalentTo(new { EndReached = true, Completed = false, ActiveSeconds = 720.0 });
        read.ProgressOf("L1").Fraction(Content.Lessons[0]).Should().Be(0.6);

        var scrolledThroughButShort = Study.Studied(read, Content, "L1", Given.Now.AddMinutes(12), 7.9);
        scrolledThroughButShort.ProgressOf("L1").Completed.Should().BeFalse();

        var done = Study.Studied(scrolledThroughButShort, Content, "L1", Given.Now.AddMinutes(20), 0.2);
        done.ProgressOf("L1").Completed.Should().BeTrue();
    }

    [Fact]
    public void time_alone_never_completes_a_lesson_whose_end_was_not_reached()
    {
        var e = Study.Studied(Study.Enrolled(_course), Content, "L1", Given.Now, 60);
        e.ProgressOf("L1").Should().BeEquivalentTo(new { Completed = false, ActiveSeconds = 3600.0 });
        e.ProgressOf("L1").Fraction(Content.Lessons[0]).Should().Be(0.99);
    }

    [Fact]
    public void a_lesson_the_course_does_not_have_is_refused()
    {
        var act = () => Study.Studied(Study.Enrolled(_course), Content, "L9", Given.Now, 1);
        act.Should().Throw<DomainException>().Which.Key.Should().Be("Course.NoSuchLesson");
    }

    [Fact]
    public void an_inactive_officer_cannot_enrol_nor_anyone_in_a_retired_course()
    {
        var inactive = () => StudyDecider.Enrol(Given.Officer(Given.City(), active: false), _course, Given.Now);
        inactive.Should().Throw<DomainException>().Which.Key.Should().Be("Officer.Inactive");
        var retired = _course with { Status = CourseStatus.Retired };
        var act = () => StudyDecider.Enrol(Study.Officer, retired, Given.Now);
        act.Should().Throw<DomainException>().Which.Key.Should().Be("Course.Retired");
    }
}

public class when_an_officer_completes_a_course
{
    readonly Course _course = Courses.Published(Courses.Content(Courses.Lesson(1, minutes: 45), Courses.Lesson(2, minutes: 45)));
    CourseContent Content => _course.Current!.Content;
    static readonly Guid Quiz = Guid.NewGuid();

    Enrolment BothLessonsStudied(DateTimeOffset from)
    {
        var e = Study.Studied(Study.Enrolled(_course), Content, "L1", from, 45, reachedEnd: true);
        return Study.Studied(e, Content, "L2", from.AddMinutes(50), 45, reachedEnd: true);
    }

    [Fact]
    public void its_hours_are_credited_by_the_rule_in_force_with_the_course_as_source()
    {
        var e = BothLessonsStudied(Given.Now);

        var (completed, credits) = StudyDecider.Complete(e, Content, Quiz, CreditRules.Default, Given.Now.AddHours(2));

        completed.Credits.Should().Equal(new YearCredit(2026, 2m));
        credits.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            OfficerId = Study.Officer.Id, Hours = 2m, StudiedOn = Given.Today, Category = TrainingCategory.PublicLaw,
            Source = CreditSource.Course, SourceId = e.Id, CreditId = TrainingRecord.CreditIdFor(e.Id, Study.Officer.Id, 2026),
        });
    }

    [Fact]
    public void a_course_studied_across_new_year_credits_each_part_to_its_year()
    {
        var newYear = new DateTimeOffset(2027, 1, 1, 0, 0, 0, ChinaTime.Offset);
        var e = BothLessonsStudied(newYear.AddMinutes(-50)); // L1 in the last 50 minutes of 2026, L2 from midnight

        var (completed, credits) = StudyDecider.Complete(e, Content, Quiz, CreditRules.Default, newYear.AddHours(1));

        completed.Credits.Should().Equal(new YearCredit(2026, 1m), new YearCredit(2027, 1m));
        credits.Select(c => c.StudiedOn).Should().Equal(new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 1));
    }

    [Fact]
    public void slow_study_earns_the_full_course_only_under_the_per_course_rule()
    {
        var e = BothLessonsStudied(Given.Now);
        var studiedLonger = Study.Studied(e, Content, "L1", Given.Now.AddHours(3), 90);
        StudyDecider.Complete(studiedLonger, Content, Quiz, CreditRules.Default, Given.Now.AddHours(5))
            .Completed.Credits.Should().Equal([new YearCredit(2026, 2m)], "active minutes are capped at the course's hours");

        var shortLessons = Courses.Published(Courses.Content(Courses.Lesson(1, minutes: 20)));
        var quick = Study.Studied(Study.Enrolled(shortLessons), shortLessons.Current!.Content, "L1", Given.Now, 20, reachedEnd: true);
        StudyDecider.Complete(quick, shortLessons.Current.Content, Quiz, CreditRules.Default, Given.Now.AddHours(1))
            .Completed.Credits.Should().Equal([new YearCredit(2026, 0.4m)], "20 active minutes are 0.4 class hours of 45 minutes");
        StudyDecider.Complete(quick, shortLessons.Current.Content, Quiz, new CreditRules(CreditMode.PerCourse), Given.Now.AddHours(1))
            .Completed.Credits.Should().Equal(new YearCredit(2026, 2m));
    }

    [Fact]
    public void it_needs_every_lesson_complete_and_a_passed_quiz_and_completes_once()
    {
        var halfway = Study.Studied(Study.Enrolled(_course), Content, "L1", Given.Now, 45, reachedEnd: true);
        var early = () => StudyDecider.Complete(halfway, Content, Quiz, CreditRules.Default, Given.Now);
        early.Should().Throw<DomainException>().Which.Key.Should().Be("Course.LessonsIncomplete");

        var studied = BothLessonsStudied(Given.Now);
        var noQuiz = () => StudyDecider.Complete(studied, Content, null, CreditRules.Default, Given.Now);
        noQuiz.Should().Throw<DomainException>().Which.Key.Should().Be("Course.QuizNotPassed");

        var done = Study.Fold(studied, [StudyDecider.Complete(studied, Content, Quiz, CreditRules.Default, Given.Now).Completed]);
        var twice = () => StudyDecider.Complete(done, Content, Quiz, CreditRules.Default, Given.Now);
        twice.Should().Throw<DomainException>().Which.Key.Should().Be("Course.AlreadyCompleted");
        StudyDecider.Record(new StudyReport(done.Id, "L1", [new ActiveSpan(Given.Now, Given.Now.AddMinutes(5))], true), done,
            Content, Given.Now).Should().BeEmpty("reading a completed course again earns nothing");
    }
}
