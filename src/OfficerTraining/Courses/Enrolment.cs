using OfficerTraining.Infrastructure;
using OfficerTraining.Training;

namespace OfficerTraining.Courses;

/// <summary>An officer starts studying one published version of a course.</summary>
public sealed record CourseEnrolled(Guid EnrolmentId, Guid OfficerId, Guid CourseId, int Version, string Title, DateTimeOffset At);

/// <summary>Active study time on a lesson, measured by the server from the page's heartbeats (never across New Year).</summary>
public sealed record StudyTimeRecorded(Guid EnrolmentId, string Lesson, DateTimeOffset From, DateTimeOffset To);

/// <summary>The officer reached the end of the lesson's text (or video).</summary>
public sealed record LessonEndReached(Guid EnrolmentId, string Lesson, DateTimeOffset At);

public sealed record LessonCompleted(Guid EnrolmentId, string Lesson, DateTimeOffset At);

/// <summary>Every lesson complete and the quiz passed: the course's hours were credited, split by the year studied.</summary>
public sealed record CourseCompleted(Guid EnrolmentId, Guid QuizAttemptId, DateTimeOffset At, IReadOnlyList<YearCredit> Credits);

public sealed record LessonProgress(double ActiveSeconds, bool EndReached, DateTimeOffset? CompletedAt)
{
    public static readonly LessonProgress None = new(0, false, null);

    public bool Completed => CompletedAt is not null;

    /// <summary>0–1: the share of the lesson's minutes studied, held below 1 until the end is reached too.</summary>
    public double Fraction(Lesson lesson) => Completed ? 1
        : Math.Min(EndReached ? 1 : 0.99, ActiveSeconds / (lesson.Minutes * 60.0));
}

/// <summary>One officer studying one version of a course (an inline snapshot; the stream id comes from officer, course
/// and version, so enrolling twice is enrolling once).</summary>
/// <param name="LastStudied">Per year (China time), the last day studied: the date a year's part of the credit carries.</param>
public sealed record Enrolment(
    Guid Id, Guid OfficerId, Guid CourseId, int CourseVersion, string Title, DateTimeOffset EnrolledAt,
    IReadOnlyDictionary<string, LessonProgress> Lessons, IReadOnlyDictionary<int, double> MinutesByYear,
    IReadOnlyDictionary<int, DateOnly> LastStudied, DateTimeOffset? CompletedAt, IReadOnlyList<YearCredit> Credits)
{
    public long Version { get; init; }

    public bool Completed => CompletedAt is not null;

    public double TotalMinutes => MinutesByYear.Values.Sum();

    public LessonProgress ProgressOf(string lesson) => Lessons.TryGetValue(lesson, out var p) ? p : LessonProgress.None;

    public bool AllLessonsComplete(CourseContent content) => content.Lessons.All(l => ProgressOf(l.Key).Completed);

    public static Guid IdFor(Guid officerId, Guid courseId, int version) =>
        NameBasedId.For($"officer-training/enrolment/{officerId:N}/{courseId:N}/{version}");

    public static Enrolment Create(CourseEnrolled e) => new(
        e.EnrolmentId, e.OfficerId, e.CourseId, e.Version, e.Title, e.At, new Dictionary<string, LessonProgress>(),
        new Dictionary<int, double>(), new Dictionary<int, DateOnly>(), null, []);

    public static Enrolment Apply(StudyTimeRecorded e, Enrolment x)
    {
        var span = new ActiveSpan(e.From, e.To);
        var p = x.ProgressOf(e.Lesson);
        return x with
        {
            Lessons = With(x.Lessons, e.Lesson, p with { ActiveSeconds = p.ActiveSeconds + span.Duration.TotalSeconds }),
            MinutesByYear = new Dictionary<int, double>(x.MinutesByYear)
            {
                [span.Year] = x.MinutesByYear.GetValueOrDefault(span.Year) + span.Duration.TotalMinutes,
            },
            LastStudied = new Dictionary<int, DateOnly>(x.LastStudied) { [span.Year] = ChinaTime.DateOf(e.From) },
        };
    }

    public static Enrolment Apply(LessonEndReached e, Enrolment x) =>
        x with { Lessons = With(x.Lessons, e.Lesson, x.ProgressOf(e.Lesson) with { EndReached = true }) };

    public static Enrolment Apply(LessonCompleted e, Enrolment x) =>
        x with { Lessons = With(x.Lessons, e.Lesson, x.ProgressOf(e.Lesson) with { CompletedAt = e.At }) };

    public static Enrolment Apply(CourseCompleted e, Enrolment x) => x with { CompletedAt = e.At, Credits = e.Credits };

    static Dictionary<string, LessonProgress> With(IReadOnlyDictionary<string, LessonProgress> all, string key, LessonProgress p) =>
        new(all) { [key] = p };
}
