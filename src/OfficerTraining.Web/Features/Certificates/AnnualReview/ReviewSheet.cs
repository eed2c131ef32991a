using System.Globalization;
using Microsoft.Extensions.Localization;
using OfficerTraining.Certificates;

namespace OfficerTraining.Web.Features.Certificates.AnnualReview;

/// <summary>A review report as a table of text in the user's language (the page's list and its CSV).</summary>
public static class ReviewSheet
{
    public static IReadOnlyList<string> Headers(IStringLocalizer l) =>
        [l["CertReg.Number"], l["CertReg.Holder"], l["CertReg.Agency"], l["Review.Hours"], l["Review.ExamPassed"], l["Review.Action"]];

    public static IReadOnlyList<IReadOnlyList<string>> Cells(IEnumerable<ReviewDecision> decisions, IStringLocalizer l) =>
    [
        .. decisions.Select(d => (IReadOnlyList<string>)
        [
            d.Number, d.Holder.Name, d.Holder.AgencyName, Hours(d.Hours, d.Required),
            d.ExamPassed ? l["Admin.Yes"] : l["Tr.No"], l.Of(d.Action),
        ]),
    ];

    public static string Hours(decimal hours, decimal required) =>
        $"{hours.ToString("0.#", CultureInfo.InvariantCulture)} / {required.ToString("0.#", CultureInfo.InvariantCulture)}";
}
