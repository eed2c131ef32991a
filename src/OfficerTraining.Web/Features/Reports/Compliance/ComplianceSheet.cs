using System.Globalization;
using Microsoft.Extensions.Localization;
using OfficerTraining.Exams;
using OfficerTraining.Reports.Compliance;
using OfficerTraining.Web.Features.Certificates;
using OfficerTraining.Web.Features.Training;

namespace OfficerTraining.Web.Features.Reports.Compliance;

/// <summary>How an officer stands on the year's annual review exam (or its make-up).</summary>
public enum ReviewExamResult { NotSat, Pending, Passed, Failed }

/// <summary>The officers behind a figure as a table of text in the user's language: what the list shows and the CSV
/// and XLSX exports hold (labels "Dash.Col.X", "Dash.Exam.X").</summary>
public static class ComplianceSheet
{
    /// <summary>As the dashboard counts it: a sitter passed when any of the year's review or make-up attempts passed.</summary>
    public static ReviewExamResult ExamResult(OfficerCompliance officer, int year)
    {
        var attempts = officer.ReviewAttemptsIn(year).ToList();
        if (attempts.Count == 0) return ReviewExamResult.NotSat;
        if (attempts.Any(a => a.Passed == true)) return ReviewExamResult.Passed;
        return attempts.Any(a => a.Passed == false) ? ReviewExamResult.Failed : ReviewExamResult.Pending;
    }

    /// <summary>What a figure counts, as its card and its list are titled.</summary>
    public static string Title(FigurePick pick, IStringLocalizer l) =>
        pick.Status is { } s ? l["Dash.Fig.CertificateStatus", l.Of(s)] : l[$"Dash.Fig.{pick.What}"];

    /// <summary>The download's name (without extension): the figure's title and the year, with the characters a file
    /// name may not hold on Windows (the English "Certificate status: Valid" has a colon) replaced by '-'.</summary>
    public static string FileName(FigurePick pick, int year, IStringLocalizer l) =>
        string.Concat(l["Dash.FileName", Title(pick, l), year].Value.Select(c => "\\/:*?\"<>|".Contains(c) || char.IsControl(c) ? '-' : c));

    /// <summary>A share as people read it: 0.8571 → 85.7%.</summary>
    public static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    /// <summary>Each certificate by number with its status on <paramref name="today"/> and its last valid day.</summary>
    public static string Certificates(OfficerCompliance officer, DateOnly today, IStringLocalizer l) =>
        string.Join(l["Common.ListSeparator"], officer.Certificates.Values.OrderBy(c => c.Number, StringComparer.Ordinal)
            .Select(c => l["Dash.CertificateItem", c.Number, l.Of(c.StatusOn(today)), CertificateLabels.Date(c.ValidUntil)].Value));

    public static IReadOnlyList<string> Headers(IStringLocalizer l, int year) =>
        [l["Dash.Col.Name"], l["Dash.Col.Agency"], l["Dash.Col.Hours", year], l["Dash.Col.Exam"], l["Dash.Col.Certificates"]];

    public static IReadOnlyList<IReadOnlyList<string>> Cells(IEnumerable<OfficerCompliance> officers, int year, DateOnly today,
        IReadOnlyDictionary<Guid, string> agencyNames, IStringLocalizer l) =>
    [
        .. officers.Select(o => (IReadOnlyList<string>)
        [
            o.Name, agencyNames.GetValueOrDefault(o.AgencyId, ""), TrainingLabels.Hours(o.HoursIn(year)),
            l[$"Dash.Exam.{ExamResult(o, year)}"], Certificates(o, today, l),
        ]),
    ];
}
