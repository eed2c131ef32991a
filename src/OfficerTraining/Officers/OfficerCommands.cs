using Marten;
using OfficerTraining.Agencies;
using OfficerTraining.Infrastructure;

namespace OfficerTraining.Officers;

/// <summary>Handles officer commands: administrators only; load → decide → append → save.</summary>
public sealed class OfficerCommands(IDocumentStore store, NationalIdProtector protector, TimeProvider clock)
{
    public async Task Handle(RegisterOfficer c, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Administrator);
        await using var session = store.OpenSession(actor);
        Register(session, c, await LoadContext(session, c, ct));
        await session.SaveChangesTranslated(ct, uniqueViolationKey: "Officer.NationalIdTakenConcurrently");
    }

    /// <summary>What registering needs from the store, read before deciding; the import reads it for many at once.</summary>
    internal sealed record RegistrationContext(Agency? Agency, bool NationalIdTaken);

    internal async Task<RegistrationContext> LoadContext(IQuerySession session, RegisterOfficer c, CancellationToken ct)
    {
        var hash = protector.LookupHash(c.NationalId);
        return new(await session.LoadAsync<Agency>(c.AgencyId, ct),
            await session.Query<Officer>().AnyAsync(o => o.NationalId.LookupHash == hash, ct));
    }

    /// <summary>Decides and stages one registration in <paramref name="session"/>; nothing is written until it saves.</summary>
    internal void Register(IDocumentSession session, RegisterOfficer c, RegistrationContext context)
    {
        var (protectedId, key) = protector.Protect(c.OfficerId, c.NationalId);
        var events = OfficerDecider.Decide(c, context.Agency, context.NationalIdTaken, protectedId, ChinaTime.Today(clock));
        session.Events.StartStream<Officer>(c.OfficerId, events);
        session.Store(key);
    }

    public async Task Handle(EditOfficer c, Actor actor, long? expectedVersion = null, CancellationToken ct = default)
    {
        actor.Require(Roles.Administrator);
        await using var session = store.OpenSession(actor);
        await session.DecideAndSave<Officer>(c.OfficerId, expectedVersion, o => OfficerDecider.Decide(c, o), ct);
    }

    public async Task Handle(TransferOfficer c, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Administrator);
        await using var session = store.OpenSession(actor);
        var to = await session.LoadAsync<Agency>(c.ToAgencyId, ct);
        await session.DecideAndSave<Officer>(c.OfficerId, null, o => OfficerDecider.Decide(c, o, to), ct);
    }

    public async Task Handle(DeactivateOfficer c, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Administrator);
        await using var session = store.OpenSession(actor);
        await session.DecideAndSave<Officer>(c.OfficerId, null, o => OfficerDecider.Decide(c, o), ct);
    }

    public async Task Handle(ReactivateOfficer c, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Administrator);
        await using var session = store.OpenSession(actor);
        await session.DecideAndSave<Officer>(c.OfficerId, null, async o =>
            OfficerDecider.Decide(c, o, await session.LoadAsync<Agency>(o.AgencyId, ct)), ct);
    }

    /// <summary>Finds an officer by ID number without the number ever being stored or queried in clear.</summary>
    public async Task<Officer?> FindByNationalId(IQuerySession session, NationalIdNumber id, CancellationToken ct)
    {
        var hash = protector.LookupHash(id);
        return await session.Query<Officer>().FirstOrDefaultAsync(o => o.NationalId.LookupHash == hash, ct);
    }
}
