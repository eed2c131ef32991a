using OfficerTraining.Infrastructure;

namespace OfficerTraining.Agencies;

public sealed record RegisterAgency(
    Guid AgencyId, string Code, string Name, AgencyLevel Level, Guid? ParentId,
    IReadOnlyList<EnforcementDomain> Domains);

public sealed record EditAgency(Guid AgencyId, string Name, IReadOnlyList<EnforcementDomain> Domains, string Reason);

public sealed record MoveAgency(Guid AgencyId, Guid? NewParentId, string Reason);

public sealed record DeactivateAgency(Guid AgencyId, string Reason);

public sealed record ReactivateAgency(Guid AgencyId, string Reason);

/// <summary>Pure decisions about agencies. What they need from the store is passed in; [] means nothing to do.</summary>
public static class AgencyDecider
{
    public static object[] Decide(RegisterAgency c, Agency? parent, bool codeTaken)
    {
        var code = Text.Required(c.Code, "Agency.Code");
        if (!code.All(char.IsAsciiLetterOrDigit) || code.Length > 20)
            throw new DomainException("Agency.CodeFormat", code);
        if (codeTaken) throw new DomainException("Agency.CodeTaken", code);
        var name = Text.Required(c.Name, "Agency.Name", maxLength: 60);
        CheckPlacement(c.Level, c.ParentId, parent);
        CheckDomains(c.Level, c.Domains);
        return [new AgencyRegistered(c.AgencyId, code, name, c.Level, c.ParentId, c.Domains.Distinct().ToList())];
    }

    public static object[] Decide(EditAgency c, Agency agency)
    {
        var name = Text.Required(c.Name, "Agency.Name", maxLength: 60);
        CheckDomains(agency.Level, c.Domains);
        var domains = c.Domains.Distinct().ToList();
        if (name == agency.Name && domains.SequenceEqual(agency.Domains)) return [];
        return [new AgencyDetailsEdited(agency.Id, name, domains, Text.Required(c.Reason, "Reason"))];
    }

    /// <param name="newParentLineage">The new parent followed by its ancestors up to the root.</param>
    public static object[] Decide(MoveAgency c, Agency agency, IReadOnlyList<Agency> newParentLineage)
    {
        if (c.NewParentId == agency.ParentId) return [];
        var newParent = newParentLineage.FirstOrDefault();
        CheckPlacement(agency.Level, c.NewParentId, newParent);
        if (newParentLineage.Any(a => a.Id == agency.Id))
            throw new DomainException("Agency.Cycle", agency.Name);
        return [new AgencyMoved(agency.Id, agency.ParentId, c.NewParentId, Text.Required(c.Reason, "Reason"))];
    }

    public static object[] Decide(DeactivateAgency c, Agency agency, int activeChildren, int activeOfficers)
    {
        if (!agency.Active) return [];
        if (activeChildren > 0) throw new DomainException("Agency.HasActiveChildren", agency.Name, activeChildren);
        if (activeOfficers > 0) throw new DomainException("Agency.HasActiveOfficers", agency.Name, activeOfficers);
        return [new AgencyDeactivated(agency.Id, Text.Required(c.Reason, "Reason"))];
    }

    public static object[] Decide(ReactivateAgency c, Agency agency, Agency? parent)
    {
        if (agency.Active) return [];
        if (parent is { Active: false }) throw new DomainException("Agency.ParentInactive", parent.Name);
        return [new AgencyReactivated(agency.Id, Text.Required(c.Reason, "Reason"))];
    }

    // A city is a root; a county sits under a city; a department under a city or a county.
    static void CheckPlacement(AgencyLevel level, Guid? parentId, Agency? parent)
    {
        if (level == AgencyLevel.City)
        {
            if (parentId is not null) throw new DomainException("Agency.CityHasNoParent");
            return;
        }
        if (parentId is null) throw new DomainException("Agency.ParentRequired");
        if (parent is null || parent.Id != parentId) throw new DomainException("Agency.NotFound", parentId);
        if (!parent.Active) throw new DomainException("Agency.ParentInactive", parent.Name);
        var allowed = level == AgencyLevel.County
            ? parent.Level == AgencyLevel.City
            : parent.Level is AgencyLevel.City or AgencyLevel.County;
        if (!allowed) throw new DomainException("Agency.WrongParentLevel", level, parent.Level);
    }

    static void CheckDomains(AgencyLevel level, IReadOnlyList<EnforcementDomain> domains)
    {
        if (level == AgencyLevel.Department && domains.Count == 0)
            throw new DomainException("Agency.DomainRequired");
        if (domains.Any(d => !Enum.IsDefined(d))) throw new DomainException("Agency.UnknownDomain");
    }
}
