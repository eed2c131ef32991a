using Microsoft.Extensions.Localization;
using OfficerTraining.Officers;
using OfficerTraining.Web.Components.Shared;

namespace OfficerTraining.Web.Features.Officers;

/// <summary>The officer list as a table for its CSV and XLSX downloads: what the page shows, the ID number masked. The
/// clear number is not even reachable from here: an <see cref="Officer"/> holds only its hash, last four digits and cipher.</summary>
public static class OfficerSheet
{
    public static IReadOnlyList<string> Headers(IStringLocalizer l) =>
        [l["Officer.Name"], l["Officer.Gender"], l["Officer.Agency"], l["Officer.Position"], l["Officer.Domains"],
         l["Officer.EmploymentType"], l["Officer.NationalId"], l["Admin.Status"]];

    public static IEnumerable<IReadOnlyList<string>> Rows(IEnumerable<Officer> officers, Func<Guid, string> agencyName, IStringLocalizer l) =>
        officers.Select(o => (IReadOnlyList<string>)[o.Name, l.Of(o.Gender), agencyName(o.AgencyId), o.Position, l.Of(o.Domains),
            l.Of(o.EmploymentType), o.NationalId.Masked, o.Active ? l["Admin.Active"] : l["Admin.Inactive"]]);
}
