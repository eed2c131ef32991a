using Marten;
using Marten.Exceptions;
using OfficerTraining.Exams;
using OfficerTraining.Infrastructure;
using OfficerTraining.Officers;
using OfficerTraining.Settings;
using OfficerTraining.Training;

namespace OfficerTraining.Courses;

/// <summary>An officer's side of a course: enrol, record study (from <see cref="StudyTracker"/>), take the quiz through
/// the exam engine, and complete, which credits the hours in the same transaction. Officers act only for themselves.</summary>
public sealed class CourseStudy(IDocumentStore store, AttemptCommands attempts, PolicyReader policy, TimeProvider clock)
{
    /// <summary>Enrols in the course's current version, or returns the enrolment that already exists.</summary>
    public async Task<Guid> Enrol(Guid courseId, Actor actor, CancellationToken ct = default)
    {
        var officerId = Self(actor);
        await using var session = store.OpenSession(actor);
        var course = await session.LoadAsync<Course>(courseId, ct) ?? throw new DomainException("Course.NotFound", courseId);
        var officer = await session.LoadAsync<Officer>(officerId, ct) ?? throw new DomainException("Officer.NotFound", officerId);
        if (course.Current is { } current && await session.LoadAsync<Enrolment>(Enrolment.IdFor(officerId, courseId, current.Version), ct) is { } existing)
            return existing.Id;
        var enrolled = StudyDecider.Enrol(officer, course, clock.GetUtcNow());
        session.Events.StartStream<Enrolment>(enrolled.EnrolmentId, enrolled);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (ExistingStreamIdCollisionException)
        {
            // A second tab enrolled a moment earlier: same officer, same version, same enrolment.
        }
        return enrolled.EnrolmentId;
    }

    public async Task Record(StudyReport report, Actor actor, CancellationToken ct = default)
    {
        var officerId = Self(actor);
        await using var session = store.OpenSession(actor);
        var stream = await session.Events.FetchForWriting<Enrolment>(report.EnrolmentId, ct);
        var enrolment = Own(stream.Aggregate, officerId);
        var content = await ContentOf(session, enrolment, ct);
        var events = StudyDecider.Record(report, enrolment, content, clock.GetUtcNow());
        if (events.Length == 0) return;
        stream.AppendMany(events);
        await session.SaveChangesTranslated(ct);
    }

    /// <summary>Starts (or resumes) the quiz attempt once every lesson is complete; the exam page takes it from there.</summary>
    public async Task<Guid> StartQuiz(Guid enrolmentId, Actor actor, CancellationToken ct = default)
    {
        var officerId = Self(actor);
        await using var session = store.QuerySession();
        var enrolment = Own(await session.LoadAsync<Enrolment>(enrolmentId, ct), officerId);
        var version = await VersionOf(session, enrolment, ct);
        if (enrolment.Completed) throw new DomainException("Course.AlreadyCompleted", enrolment.Title);
        if (!enrolment.AllLessonsComplete(version.Content)) throw new DomainException("Course.LessonsIncomplete", enrolment.Title);
        return await attempts.Start(version.QuizSessionId, officerId, acceptShortenedTime: true, actor, ct);
    }

    /// <summary>The officer's attempts at the enrolment's quiz, newest first.</summary>
    public async Task<IReadOnlyList<ExamAttempt>> QuizAttempts(Enrolment enrolment, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        var quiz = (await VersionOf(session, enrolment, ct)).QuizSessionId;
        return await session.Query<ExamAttempt>()
            .Where(a => a.SessionId == quiz && a.OfficerId == enrolment.OfficerId)
            .OrderByDescending(a => a.Number).ToListAsync(ct);
    }

    /// <summary>Completes the course and credits its hours (by the rule in force this year), in one transaction.</summary>
    public async Task Complete(Guid enrolmentId, Actor actor, CancellationToken ct = default)
    {
        var officerId = Self(actor);
        await using var session = store.OpenSession(actor);
        var stream = await session.Events.FetchForWriting<Enrolment>(enrolmentId, ct);
        var enrolment = Own(stream.Aggregate, officerId);
        var content = await ContentOf(session, enrolment, ct);
        var passed = (await QuizAttempts(enrolment, ct))
            .FirstOrDefault(a => a.Status != AttemptStatus.Voided && a.Result is { Passed: true });
        var now = clock.GetUtcNow();
        var rules = await policy.For(ChinaTime.DateOf(now).Year, ct);
        var (completed, credits) = StudyDecider.Complete(enrolment, content, passed?.Id,
            new CreditRules(rules.CourseCredit, rules.MinutesPerClassHour), now);
        stream.AppendOne(completed);
        await TrainingCommands.Credit(session, credits, ct);
        await session.SaveChangesTranslated(ct);
    }

    static Guid Self(Actor actor)
    {
        actor.Require(Roles.Officer);
        return actor.OfficerId ?? throw new DomainException("Exam.OnlyYourself");
    }

    static Enrolment Own(Enrolment? enrolment, Guid officerId)
    {
        if (enrolment is null) throw new DomainException("Course.NotEnrolled");
        if (enrolment.OfficerId != officerId) throw new DomainException("Course.NotYourEnrolment");
        return enrolment;
    }

    static async Task<PublishedVersion> VersionOf(IQuerySession session, Enrolment e, CancellationToken ct) =>
        (await session.LoadAsync<Course>(e.CourseId, ct))?.VersionNumbered(e.CourseVersion)
        ?? throw new DomainException("Course.NotFound", e.CourseId);

    static async Task<CourseContent> ContentOf(IQuerySession session, Enrolment e, CancellationToken ct) =>
        (await VersionOf(session, e, ct)).Content;
}
