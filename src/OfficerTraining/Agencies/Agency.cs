using JasperFx.Events;

namespace OfficerTraining.Agencies;

public sealed record AgencyRegistered(
    Guid AgencyId, string Code, string Name, AgencyLevel Level, Guid? ParentId,
    IReadOnlyList<EnforcementDomain> Domains);

public sealed record AgencyDetailsEdited(
    Guid AgencyId, string Name, IReadOnlyList<EnforcementDomain> Domains, string Reason);

public sealed record AgencyMoved(Guid AgencyId, Guid? FromParentId, Guid? ToParentId, string Reason);

public sealed record AgencyDeactivated(Guid AgencyId, string Reason);

public sealed record AgencyReactivated(Guid AgencyId, string Reason);

/// <summary>An agency (执法主体) as decisions and pages need it; an inline snapshot of the agency stream.</summary>
public sealed record Agency(
    Guid Id, string Code, string Name, AgencyLevel Level, Guid? ParentId,
    IReadOnlyList<EnforcementDomain> Domains, bool Active, DateTimeOffset RegisteredAt)
{
    public long Version { get; init; }

    public static Agency Create(IEvent<AgencyRegistered> e) =>
        new(e.Data.AgencyId, e.Data.Code, e.Data.Name, e.Data.Level, e.Data.ParentId, e.Data.Domains, true, e.Timestamp);

    public static Agency Apply(AgencyDetailsEdited e, Agency a) => a with { Name = e.Name, Domains = e.Domains };

    public static Agency Apply(AgencyMoved e, Agency a) => a with { ParentId = e.ToParentId };

    public static Agency Apply(AgencyDeactivated e, Agency a) => a with { Active = false };

    public static Agency Apply(AgencyReactivated e, Agency a) => a with { Active = true };
}
