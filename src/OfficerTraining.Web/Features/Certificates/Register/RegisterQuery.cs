using OfficerTraining.Agencies;
using OfficerTraining.Certificates;
using OfficerTraining.Web.Features.Agencies;

namespace OfficerTraining.Web.Features.Certificates.Register;

/// <summary>What the register's filter bar holds; nulls mean "any".</summary>
public sealed record RegisterQuery(
    Guid? AgencyId = null, bool WithSubAgencies = true, EnforcementDomain? Domain = null, CertificateStatus? Status = null,
    CertificateKind? Kind = null, int? ExpiringWithinDays = null)
{
    public RegisterFilter ToFilter(IReadOnlyList<AgencyNode> tree) => new(
        AgencyId is not { } id ? null : WithSubAgencies ? AgencyTree.Subtree(tree, id) : [id],
        Domain, Status, ExpiringWithinDays is > 0 ? ExpiringWithinDays : null, Kind);
}
