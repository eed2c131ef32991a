using Marten;
using OfficerTraining.Infrastructure;
using OfficerTraining.Officers;

namespace OfficerTraining.Agencies;

/// <summary>Handles agency commands: administrators only; load → decide → append → save.</summary>
public sealed class AgencyCommands(IDocumentStore store)
{
    public async Task Handle(RegisterAgency c, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Administrator);
        await using var session = store.OpenSession(actor);
        var parent = c.ParentId is { } p ? await session.LoadAsync<Agency>(p, ct) : null;
        var code = c.Code.Trim();
        var codeTaken = await session.Query<Agency>().AnyAsync(a => a.Code == code, ct);
        session.Events.StartStream<Agency>(c.AgencyId, AgencyDecider.Decide(c, parent, codeTaken));
        await session.SaveChangesTranslated(ct, uniqueViolationKey: "Agency.CodeTakenConcurrently");
    }

    public async Task Handle(EditAgency c, Actor actor, long? expectedVersion = null, CancellationToken ct = default)
    {
        actor.Require(Roles.Administrator);
        await using var session = store.OpenSession(actor);
        await session.DecideAndSave<Agency>(c.AgencyId, expectedVersion, a => AgencyDecider.Decide(c, a), ct);
    }

    public async Task Handle(MoveAgency c, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Administrator);
        await using var session = store.OpenSession(actor);
        var lineage = await Lineage(session, c.NewParentId, ct);
        await session.DecideAndSave<Agency>(c.AgencyId, null, a => AgencyDecider.Decide(c, a, lineage), ct);
    }

    public async Task Handle(DeactivateAgency c, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Administrator);
        await using var session = store.OpenSession(actor);
        var children = await session.Query<Agency>().CountAsync(a => a.ParentId == c.AgencyId && a.Active, ct);
        var officers = await session.Query<Officer>().CountAsync(o => o.AgencyId == c.AgencyId && o.Active, ct);
        await session.DecideAndSave<Agency>(c.AgencyId, null, a => AgencyDecider.Decide(c, a, children, officers), ct);
    }

    public async Task Handle(ReactivateAgency c, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Administrator);
        await using var session = store.OpenSession(actor);
        await session.DecideAndSave<Agency>(c.AgencyId, null, async a =>
        {
            var parent = a.ParentId is { } p ? await session.LoadAsync<Agency>(p, ct) : null;
            return AgencyDecider.Decide(c, a, parent);
        }, ct);
    }

    /// <summary>The agency and its ancestors up to the root; empty for none. Bounded, so a corrupt loop cannot hang.</summary>
    static async Task<IReadOnlyList<Agency>> Lineage(IQuerySession session, Guid? id, CancellationToken ct)
    {
        var lineage = new List<Agency>();
        while (id is { } current && lineage.Count < 10 && await session.LoadAsync<Agency>(current, ct) is { } agency)
        {
            lineage.Add(agency);
            id = agency.ParentId;
        }
        return lineage;
    }
}
