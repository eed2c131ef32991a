using Marten;
using OfficerTraining.Infrastructure;
using OfficerTraining.Officers;

namespace OfficerTraining.Training;

/// <summary>Handles in-person sessions and adjustments: a session or an approval and the credits it gives are saved in
/// one transaction.</summary>
public sealed class TrainingCommands(IDocumentStore store)
{
    public async Task Handle(RecordInPersonSession c, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Trainer, Roles.Administrator);
        await using var session = store.OpenSession(actor);
        await Stage(session, c, actor, ct);
        await session.SaveChangesTranslated(ct);
    }

    /// <summary>Decides and stages a session and its credits without saving (the attendance import saves or not).</summary>
    internal static async Task Stage(IDocumentSession session, RecordInPersonSession c, Actor actor, CancellationToken ct)
    {
        var officers = (await session.LoadManyAsync<Officer>(ct, c.Attendees.Distinct()))
            .ToDictionary(o => o.Id);
        var decision = TrainingDecider.Decide(c, officers, actor.UserName);
        session.Events.StartStream<InPersonSession>(c.SessionId, decision.Session);
        await Credit(session, decision.Credits, ct);
    }

    public async Task Handle(ProposeClassHoursAdjustment c, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Trainer);
        await using var session = store.OpenSession(actor);
        var officer = await session.LoadAsync<Officer>(c.OfficerId, ct);
        session.Events.StartStream<ClassHoursAdjustment>(c.AdjustmentId, TrainingDecider.Decide(c, officer, actor.UserName));
        await session.SaveChangesTranslated(ct);
    }

    public async Task Handle(ApproveClassHoursAdjustment c, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.CertificateOfficer, Roles.Administrator);
        await using var session = store.OpenSession(actor);
        var stream = await session.Events.FetchForWriting<ClassHoursAdjustment>(c.AdjustmentId, ct);
        if (stream.Aggregate is null) throw new DomainException("Stream.NotFound", nameof(ClassHoursAdjustment), c.AdjustmentId);
        var (approved, credit) = TrainingDecider.Decide(c, stream.Aggregate, actor.UserName);
        stream.AppendOne(approved);
        await Credit(session, [credit], ct);
        await session.SaveChangesTranslated(ct);
    }

    public async Task Handle(RejectClassHoursAdjustment c, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.CertificateOfficer, Roles.Administrator);
        await using var session = store.OpenSession(actor);
        await session.DecideAndSave<ClassHoursAdjustment>(c.AdjustmentId, null,
            a => [TrainingDecider.Decide(c, a, actor.UserName)], ct);
    }

    /// <summary>Stages credits on the officers' training streams, starting the streams that do not exist yet.</summary>
    internal static async Task Credit(IDocumentSession session, IReadOnlyList<ClassHoursCredited> credits, CancellationToken ct)
    {
        var ids = credits.Select(x => TrainingRecord.StreamIdFor(x.OfficerId)).Distinct().ToArray();
        var existing = (await session.LoadManyAsync<TrainingRecord>(ct, ids)).Select(r => r.Id).ToHashSet();
        foreach (var group in credits.GroupBy(x => TrainingRecord.StreamIdFor(x.OfficerId)))
        {
            var events = group.Cast<object>().ToArray();
            if (existing.Contains(group.Key)) session.Events.Append(group.Key, events);
            else session.Events.StartStream<TrainingRecord>(group.Key, events);
        }
    }
}
