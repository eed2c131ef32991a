using OfficerTraining.Agencies;
using OfficerTraining.Certificates;
using OfficerTraining.Reports.Compliance;
using OfficerTraining.Web.Features.Agencies;

namespace OfficerTraining.Web.Features.Reports.Compliance;

/// <summary>The dashboard's filters as the page holds them: one agency with or without its sub-agencies (none: all).</summary>
public sealed record ComplianceQuery(int Year, Guid? AgencyId = null, bool WithSubAgencies = true, EnforcementDomain? Domain = null,
    int ExpiringWithinDays = 90)
{
    public DashboardFilter ToFilter(IReadOnlyList<AgencyNode> tree) => new(Year,
        AgencyId is not { } id ? null : WithSubAgencies ? AgencyTree.Subtree(tree, id) : [id], Domain, ExpiringWithinDays);
}

/// <summary>A figure of the dashboard whose officers are listed: what it counts (and the status, for certificates).</summary>
public sealed record FigurePick(DrillDown What, CertificateStatus? Status = null);
