using Marten;
using OfficerTraining.Agencies;
using OfficerTraining.Certificates;

namespace OfficerTraining.Web.Features.Certificates.Register;

/// <summary>One certificate as the register and its exports show it. It has no token and no ID number, so no export
/// built from it can leak them.</summary>
/// <param name="StatusOn">The date <paramref name="Status"/> is for (expiry and dated suspensions depend on it).</param>
public sealed record RegisterRow(
    Guid Id, string Number, CertificateKind Kind, CertificateStatus Status, DateOnly StatusOn, string HolderName, Guid OfficerId,
    string AgencyCode, string AgencyName, IReadOnlyList<EnforcementDomain> Domains, DateOnly ValidFrom, DateOnly ValidUntil,
    string Issuer, string? PredecessorNumber, string? SuccessorNumber)
{
    public static RegisterRow From(Certificate c, DateOnly on, string agencyCode, string? predecessorNumber) => new(
        c.Id, c.Number, c.Kind, c.StatusOn(on), on, c.Holder.Name, c.Holder.OfficerId, agencyCode, c.Holder.AgencyName,
        c.Holder.Domains, c.ValidFrom, c.ValidUntil, c.Issuer, predecessorNumber, c.SuccessorNumber);

    /// <summary>Rows for the certificates: agency codes from <paramref name="agencyCodes"/>, and the predecessors'
    /// numbers read in one query (a predecessor may be outside the filtered list).</summary>
    public static async Task<IReadOnlyList<RegisterRow>> Of(IReadOnlyList<Certificate> certificates, DateOnly on,
        IReadOnlyDictionary<Guid, string> agencyCodes, IQuerySession session, CancellationToken ct = default)
    {
        var predecessorIds = certificates.Select(c => c.Predecessor).OfType<Guid>().Distinct().ToArray();
        var numbers = predecessorIds.Length == 0 ? new Dictionary<Guid, string>()
            : (await session.LoadManyAsync<Certificate>(ct, predecessorIds)).ToDictionary(c => c.Id, c => c.Number);
        return [.. certificates.Select(c => From(c, on, agencyCodes.GetValueOrDefault(c.Holder.AgencyId, ""),
            c.Predecessor is { } p ? numbers.GetValueOrDefault(p) : null))];
    }
}
