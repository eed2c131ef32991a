using Marten;
using OfficerTraining.Infrastructure;

namespace OfficerTraining.Exams;

/// <param name="Year">The year an annual review (年审) is for; null for other purposes.</param>
public sealed record ScheduleExamSession(
    Guid SessionId, string Title, Blueprint Blueprint, ExamPurpose Purpose, int? Year, DateTimeOffset Opens, DateTimeOffset Closes,
    Roster Roster);

/// <param name="Extra">Added to the paper's duration for this officer's attempts started from now on; zero withdraws it.</param>
public sealed record GrantExtraTime(Guid SessionId, Guid OfficerId, TimeSpan Extra, string Reason);

public sealed record CancelExamSession(Guid SessionId, string Reason);

/// <summary>Trainers (and administrators) schedule sessions, grant extra time and cancel: load → decide → append → save.</summary>
public sealed class ExamSessionCommands(IDocumentStore store, ApprovedPool pool, TimeProvider clock)
{
    public async Task Handle(ScheduleExamSession c, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Trainer, Roles.Administrator);
        var problems = BlueprintRules.Problems(c.Blueprint);
        var shortfalls = problems.Count == 0 ? await pool.Shortfalls(c.Blueprint, ct) : [];
        var events = ExamSessionDecider.Decide(c, problems, shortfalls, clock.GetUtcNow());
        await using var session = store.OpenSession(actor);
        session.Events.StartStream<ExamSession>(c.SessionId, events);
        await session.SaveChangesTranslated(ct);
    }

    public async Task Handle(GrantExtraTime c, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Trainer, Roles.Administrator);
        await using var session = store.OpenSession(actor);
        await session.DecideAndSave<ExamSession>(c.SessionId, null, s => ExamSessionDecider.Decide(c, s, clock.GetUtcNow()), ct);
    }

    public async Task Handle(CancelExamSession c, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Trainer, Roles.Administrator);
        await using var session = store.OpenSession(actor);
        await session.DecideAndSave<ExamSession>(c.SessionId, null, s => ExamSessionDecider.Decide(c, s), ct);
    }
}
