using OfficerTraining.Exams;
using OfficerTraining.Infrastructure;

namespace OfficerTraining.Courses;

public sealed record DraftCourse(string Code, CourseContent Content);

public sealed record ReviseCourse(Guid CourseId, CourseContent Content);

public sealed record PublishCourse(Guid CourseId);

public sealed record RetireCourse(Guid CourseId, string Reason);

/// <summary>Pure decisions about authoring: a draft may be saved half-written; publishing checks everything, makes the
/// draft an immutable version and opens its quiz as an exam session that never closes in practice.</summary>
public static class CourseDecider
{
    /// <summary>How long a version's quiz session stays open (a retired course's officers may still finish).</summary>
    public static readonly TimeSpan QuizWindow = TimeSpan.FromDays(366 * 20);

    public static CourseDrafted Decide(DraftCourse c, Course? existing)
    {
        var code = Text.Required(c.Code, "Course.Code", 40).ToUpperInvariant();
        if (existing is not null) throw new DomainException("Course.CodeTaken", code);
        Text.Required(c.Content.Title, "Course.Title", 100);
        return new CourseDrafted(Course.StreamIdFor(code), code, Trimmed(c.Content));
    }

    public static object[] Decide(ReviseCourse c, Course course)
    {
        if (course.Status == CourseStatus.Retired) throw new DomainException("Course.Retired", course.Title);
        Text.Required(c.Content.Title, "Course.Title", 100);
        return [new CourseDraftRevised(course.Id, Trimmed(c.Content))];
    }

    /// <param name="problems"><see cref="CourseRules.Problems"/> of the draft.</param>
    /// <param name="shortfalls"><see cref="Feasibility.Check"/> of the draft's quiz against the approved bank.</param>
    public static object[] Decide(PublishCourse c, Course course, IReadOnlyList<string> problems,
        IReadOnlyList<SectionShortfall> shortfalls, DateTimeOffset now)
    {
        if (course.Status == CourseStatus.Retired) throw new DomainException("Course.Retired", course.Title);
        if (course.Draft is not { } draft) throw new DomainException("Course.NothingToPublish", course.Title);
        if (problems.Count > 0) throw new DomainException("Course.Invalid", course.Code, string.Join("；", problems));
        if (shortfalls.Count > 0)
            throw new DomainException("Course.QuizTooBig", course.Code, string.Join("；",
                shortfalls.Select(s => Messages.Format("Exam.SectionCannotBeFilled", s.Title, s.Needed, s.Available))));
        var version = course.Versions.Count + 1;
        var quizId = Course.QuizSessionIdFor(course.Id, version);
        var title = Messages.Format("Course.QuizTitle", draft.Title, version);
        return
        [
            new CoursePublished(course.Id, version, draft, quizId, now),
            new ExamSessionScheduled(quizId, title, QuizBlueprint(draft, title), ExamPurpose.CourseQuiz, null, now,
                now + QuizWindow, Roster.All),
        ];
    }

    public static Blueprint QuizBlueprint(CourseContent content, string title) => content.Quiz.ToBlueprint(title, content.Laws);

    public static object[] Decide(RetireCourse c, Course course)
    {
        if (course.Status == CourseStatus.Retired) return [];
        if (course.Status != CourseStatus.Published) throw new DomainException("Course.NotPublished", course.Title);
        return [new CourseRetired(course.Id, Text.Required(c.Reason, "Reason"))];
    }

    static CourseContent Trimmed(CourseContent c) => c with
    {
        Title = c.Title.Trim(),
        Summary = (c.Summary ?? "").Trim(),
        Laws = [.. c.Laws.Select(l => l.Trim()).Where(l => l.Length > 0).Distinct()],
        Lessons = [.. c.Lessons.Select(l => l with
        {
            Title = (l.Title ?? "").Trim(),
            VideoUrl = string.IsNullOrWhiteSpace(l.VideoUrl) ? null : l.VideoUrl.Trim(),
            AttachmentUrl = string.IsNullOrWhiteSpace(l.AttachmentUrl) ? null : l.AttachmentUrl.Trim(),
        })],
    };
}
