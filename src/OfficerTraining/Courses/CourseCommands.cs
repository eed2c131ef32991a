using Marten;
using OfficerTraining.Exams;
using OfficerTraining.Infrastructure;
using OfficerTraining.QuestionBank;

namespace OfficerTraining.Courses;

/// <summary>Trainers (and administrators) write, publish and retire courses: load → decide → append → save.</summary>
public sealed class CourseCommands(IDocumentStore store, ApprovedPool pool, TimeProvider clock)
{
    public async Task<Guid> Handle(DraftCourse c, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Trainer, Roles.Administrator);
        await using var session = store.OpenSession(actor);
        var existing = await session.LoadAsync<Course>(Course.StreamIdFor(c.Code ?? ""), ct);
        var drafted = CourseDecider.Decide(c, existing);
        session.Events.StartStream<Course>(drafted.CourseId, drafted);
        await session.SaveChangesTranslated(ct, "Course.CodeTaken");
        return drafted.CourseId;
    }

    public async Task<long> Handle(ReviseCourse c, long? expectedVersion, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Trainer, Roles.Administrator);
        await using var session = store.OpenSession(actor);
        return await session.DecideAndSave<Course>(c.CourseId, expectedVersion, course => CourseDecider.Decide(c, course), ct);
    }

    /// <summary>Publishes the draft and opens its quiz (an exam session) in the same transaction.</summary>
    public async Task Handle(PublishCourse c, long? expectedVersion, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Trainer, Roles.Administrator);
        await using var session = store.OpenSession(actor);
        await session.DecideAndSave<Course>(c.CourseId, expectedVersion, async course =>
        {
            var problems = course.Draft is { } draft ? CourseRules.Problems(draft, LawLibrary.Shipped) : [];
            var shortfalls = course.Draft is { } d && problems.Count == 0
                ? await pool.Shortfalls(CourseDecider.QuizBlueprint(d, d.Title), ct) : [];
            var events = CourseDecider.Decide(c, course, problems, shortfalls, clock.GetUtcNow());
            var quiz = events.OfType<ExamSessionScheduled>().Single();
            session.Events.StartStream<ExamSession>(quiz.SessionId, quiz);
            return [.. events.Where(e => e is not ExamSessionScheduled)];
        }, ct);
    }

    public async Task Handle(RetireCourse c, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Trainer, Roles.Administrator);
        await using var session = store.OpenSession(actor);
        await session.DecideAndSave<Course>(c.CourseId, null, course => CourseDecider.Decide(c, course), ct);
    }
}
