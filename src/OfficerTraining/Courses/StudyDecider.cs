using OfficerTraining.Infrastructure;
using OfficerTraining.Officers;
using OfficerTraining.Training;

namespace OfficerTraining.Courses;

/// <summary>What the study tracker hands over for one lesson: active time since the last record (already split at New
/// Year) and whether the page has reached the lesson's end.</summary>
public sealed record StudyReport(Guid EnrolmentId, string Lesson, IReadOnlyList<ActiveSpan> Spans, bool ReachedEnd);

/// <summary>Pure decisions about studying: enrolling, recording study time and lesson completion, and completing a
/// course, which credits its class hours to the years in which they were studied.</summary>
public static class StudyDecider
{
    public static CourseEnrolled Enrol(Officer officer, Course course, DateTimeOffset now)
    {
        if (!officer.Active) throw new DomainException("Officer.Inactive", officer.Name);
        if (course.Status != CourseStatus.Published || course.Current is not { } current)
            throw new DomainException(course.Status == CourseStatus.Retired ? "Course.Retired" : "Course.NotPublished", course.Title);
        return new CourseEnrolled(Enrolment.IdFor(officer.Id, course.Id, current.Version), officer.Id, course.Id,
            current.Version, current.Content.Title, now);
    }

    /// <summary>A lesson completes once its minutes are studied and its end is reached, whichever comes last. A completed
    /// course records nothing more (reading it again is welcome, but earns nothing).</summary>
    public static object[] Record(StudyReport r, Enrolment e, CourseContent content, DateTimeOffset now)
    {
        var lesson = content.LessonFor(r.Lesson) ?? throw new DomainException("Course.NoSuchLesson", r.Lesson);
        if (e.Completed) return [];
        var progress = e.ProgressOf(lesson.Key);
        var events = new List<object>();
        events.AddRange(r.Spans.Where(s => s.Duration > TimeSpan.Zero)
            .Select(s => new StudyTimeRecorded(e.Id, lesson.Key, s.From, s.To)));
        if (r.ReachedEnd && !progress.EndReached) events.Add(new LessonEndReached(e.Id, lesson.Key, now));
        var seconds = progress.ActiveSeconds + r.Spans.Sum(s => s.Duration.TotalSeconds);
        if (!progress.Completed && (progress.EndReached || r.ReachedEnd) && seconds >= lesson.Minutes * 60.0)
            events.Add(new LessonCompleted(e.Id, lesson.Key, now));
        return [.. events];
    }

    /// <param name="passedQuizAttempt">A passed, not voided attempt at this version's quiz, if there is one.</param>
    /// <param name="rulesForYear">The crediting rule in force in the year the course completes.</param>
    public static (CourseCompleted Completed, IReadOnlyList<ClassHoursCredited> Credits) Complete(
        Enrolment e, CourseContent content, Guid? passedQuizAttempt, CreditRules rulesForYear, DateTimeOffset now)
    {
        if (e.Completed) throw new DomainException("Course.AlreadyCompleted", e.Title);
        if (!e.AllLessonsComplete(content)) throw new DomainException("Course.LessonsIncomplete", e.Title);
        if (passedQuizAttempt is not { } attempt) throw new DomainException("Course.QuizNotPassed", e.Title);
        var credits = CreditRule.ForCourse(content.ClassHours, e.MinutesByYear, rulesForYear);
        var description = Messages.Format("Course.CreditDescription", content.Title, e.CourseVersion);
        return (new CourseCompleted(e.Id, attempt, now, credits),
            [.. credits.Select(c => new ClassHoursCredited(e.OfficerId, TrainingRecord.CreditIdFor(e.Id, e.OfficerId, c.Year),
                e.LastStudied[c.Year], c.Hours, content.Category, CreditSource.Course, e.Id, description))]);
    }
}
