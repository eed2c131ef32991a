using OfficerTraining.Agencies;
using OfficerTraining.Infrastructure;

namespace OfficerTraining.Officers;

/// <summary>The ID number arrives parsed (<see cref="NationalIdNumber.TryParse"/>), so a form or an import line can
/// say what is wrong with it; gender and birth date are read from it, never typed twice.</summary>
public sealed record RegisterOfficer(
    Guid OfficerId, string Name, Guid AgencyId, string Position, IReadOnlyList<EnforcementDomain> Domains,
    EmploymentType EmploymentType, NationalIdNumber NationalId);

public sealed record EditOfficer(
    Guid OfficerId, string Name, string Position, IReadOnlyList<EnforcementDomain> Domains,
    EmploymentType EmploymentType, string Reason);

public sealed record TransferOfficer(Guid OfficerId, Guid ToAgencyId, DateOnly EffectiveOn, string Reason);

public sealed record DeactivateOfficer(Guid OfficerId, DateOnly EffectiveOn, string Reason);

public sealed record ReactivateOfficer(Guid OfficerId, DateOnly EffectiveOn, string Reason);

public static class OfficerDecider
{
    public const int MinimumAge = 18;

    public static object[] Decide(
        RegisterOfficer c, Agency? agency, bool nationalIdTaken, ProtectedNationalId protectedId, DateOnly today)
    {
        var name = Text.Required(c.Name, "Officer.Name", maxLength: 40);
        var position = Text.Required(c.Position, "Officer.Position", maxLength: 40);
        CheckAgency(agency, c.AgencyId);
        CheckDomainsAndType(c.Domains, c.EmploymentType);
        if (nationalIdTaken) throw new DomainException("Officer.NationalIdTaken", c.NationalId.Masked);
        if (c.NationalId.BirthDate.AddYears(MinimumAge) > today)
            throw new DomainException("Officer.TooYoung", MinimumAge);
        return [new OfficerRegistered(c.OfficerId, name, c.NationalId.Gender, c.NationalId.BirthDate, agency!.Id,
            position, c.Domains.Distinct().ToList(), c.EmploymentType, protectedId)];
    }

    public static object[] Decide(EditOfficer c, Officer officer)
    {
        var name = Text.Required(c.Name, "Officer.Name", maxLength: 40);
        var position = Text.Required(c.Position, "Officer.Position", maxLength: 40);
        CheckDomainsAndType(c.Domains, c.EmploymentType);
        var domains = c.Domains.Distinct().ToList();
        if (name == officer.Name && position == officer.Position && c.EmploymentType == officer.EmploymentType
            && domains.SequenceEqual(officer.Domains)) return [];
        return [new OfficerDetailsEdited(officer.Id, name, position, domains, c.EmploymentType,
            Text.Required(c.Reason, "Reason"))];
    }

    public static object[] Decide(TransferOfficer c, Officer officer, Agency? to)
    {
        if (!officer.Active) throw new DomainException("Officer.Inactive", officer.Name);
        CheckAgency(to, c.ToAgencyId);
        if (to!.Id == officer.AgencyId) return [];
        return [new OfficerTransferred(officer.Id, officer.AgencyId, to.Id, c.EffectiveOn, Text.Required(c.Reason, "Reason"))];
    }

    public static object[] Decide(DeactivateOfficer c, Officer officer) =>
        officer.Active ? [new OfficerDeactivated(officer.Id, c.EffectiveOn, Text.Required(c.Reason, "Reason"))] : [];

    public static object[] Decide(ReactivateOfficer c, Officer officer, Agency? agency)
    {
        if (officer.Active) return [];
        CheckAgency(agency, officer.AgencyId);
        return [new OfficerReactivated(officer.Id, c.EffectiveOn, Text.Required(c.Reason, "Reason"))];
    }

    static void CheckAgency(Agency? agency, Guid agencyId)
    {
        if (agency is null || agency.Id != agencyId) throw new DomainException("Agency.NotFound", agencyId);
        if (!agency.Active) throw new DomainException("Agency.Inactive", agency.Name);
    }

    static void CheckDomainsAndType(IReadOnlyList<EnforcementDomain> domains, EmploymentType type)
    {
        if (domains.Count == 0) throw new DomainException("Officer.DomainRequired");
        if (domains.Any(d => !Enum.IsDefined(d))) throw new DomainException("Agency.UnknownDomain");
        if (!Enum.IsDefined(type)) throw new DomainException("Officer.UnknownEmploymentType");
    }
}
