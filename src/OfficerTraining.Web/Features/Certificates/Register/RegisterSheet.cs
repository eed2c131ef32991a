using Microsoft.Extensions.Localization;
using OfficerTraining.Web.Components.Shared;

namespace OfficerTraining.Web.Features.Certificates.Register;

/// <summary>The register as a table of text in the user's language: what the CSV and XLSX exports hold.</summary>
public static class RegisterSheet
{
    public static IReadOnlyList<string> Headers(IStringLocalizer l) =>
    [
        l["CertReg.Number"], l["CertReg.Kind"], l["CertReg.Status"], l["CertReg.StatusOn"], l["CertReg.Holder"],
        l["CertReg.AgencyCode"], l["CertReg.Agency"], l["CertReg.Domains"], l["CertReg.ValidFrom"], l["CertReg.ValidUntil"],
        l["CertReg.Issuer"], l["CertReg.Predecessor"], l["CertReg.Successor"],
    ];

    public static IReadOnlyList<IReadOnlyList<string>> Cells(IEnumerable<RegisterRow> rows, IStringLocalizer l) =>
    [
        .. rows.Select(r => (IReadOnlyList<string>)
        [
            r.Number, l.Of(r.Kind), l.Of(r.Status), CertificateLabels.Date(r.StatusOn), r.HolderName, r.AgencyCode, r.AgencyName,
            l.Of(r.Domains), CertificateLabels.Date(r.ValidFrom), CertificateLabels.Date(r.ValidUntil), r.Issuer,
            r.PredecessorNumber ?? "", r.SuccessorNumber ?? "",
        ]),
    ];
}
