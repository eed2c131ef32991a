using Marten;
using OfficerTraining.Agencies;
using OfficerTraining.Infrastructure;

namespace OfficerTraining.Officers;

/// <summary>Erase an officer's ID number for good: the officer's data key is destroyed, so the ciphertext kept in the
/// officer's events (and in every backup of them) can no longer be opened.</summary>
public sealed record EraseOfficerPersonalData(Guid OfficerId, string Reason);

public sealed record OfficerPersonalDataErased(Guid OfficerId, string Reason);

/// <summary>What the system holds about an officer as a person, for the officer's request to see it. The ID number is
/// null once it was erased.</summary>
public sealed record OfficerPersonalDataExport(
    Guid OfficerId, string Name, Gender Gender, DateOnly BirthDate, string? NationalId, string NationalIdMasked,
    string Agency, string Position, IReadOnlyList<EnforcementDomain> Domains, EmploymentType EmploymentType, bool Active,
    bool HasPhoto, bool NationalIdErased);

/// <summary>Export and erasure of an officer's personal data; administrators only. The number is revealed only here,
/// never logged; everything else an officer is, is read from the officer's snapshot.</summary>
public sealed class OfficerPersonalData(IDocumentStore store, NationalIdProtector protector)
{
    public async Task<OfficerPersonalDataExport> Export(Guid officerId, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Administrator);
        await using var session = store.QuerySession();
        var officer = await session.LoadAsync<Officer>(officerId, ct) ?? throw new DomainException("Officer.NotFound", officerId);
        var key = await session.LoadAsync<PersonalDataKey>(officerId, ct);
        var agency = await session.LoadAsync<Agency>(officer.AgencyId, ct);
        return new(officer.Id, officer.Name, officer.Gender, officer.BirthDate,
            key is null ? null : protector.Reveal(officer.NationalId, key), officer.NationalId.Masked,
            agency?.Name ?? "", officer.Position, officer.Domains, officer.EmploymentType, officer.Active,
            officer.PhotoSha256 is not null, key is null);
    }

    /// <summary>Records who erased the number and why, and deletes the key in the same transaction. Erasing twice changes
    /// nothing. The lookup hash and the last four digits stay: they keep a re-registration of the same number refused and
    /// the masked number on certificates readable, and cannot give the number back without the application's secret.</summary>
    public async Task Erase(EraseOfficerPersonalData c, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Administrator);
        var reason = Text.Required(c.Reason, "Reason");
        await using var session = store.OpenSession(actor);
        await session.DecideAndSave<Officer>(c.OfficerId, null, async officer =>
        {
            if (await session.LoadAsync<PersonalDataKey>(officer.Id, ct) is null) return [];
            session.Delete<PersonalDataKey>(officer.Id);
            return [new OfficerPersonalDataErased(officer.Id, reason)];
        }, ct);
    }
}
