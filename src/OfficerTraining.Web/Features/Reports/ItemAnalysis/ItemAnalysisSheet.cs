using Microsoft.Extensions.Localization;
using OfficerTraining.Reports.ItemAnalysis;

namespace OfficerTraining.Web.Features.Reports.ItemAnalysis;

/// <summary>The question table as text in the user's language: what the CSV and XLSX exports hold (as shown on screen).</summary>
public static class ItemAnalysisSheet
{
    public static IReadOnlyList<string> Headers(IStringLocalizer l) =>
    [
        l["IA.Code"], l["IA.Version"], l["IA.Attempts"], l["IA.Facility"], l["IA.ItemSd"], l["IA.Discrimination"],
        l["IA.Efficiency"], l["IA.RandomGuess"], l["IA.NeedsCheckingColumn"], l["IA.Dubious"],
    ];

    public static IReadOnlyList<IReadOnlyList<string>> Cells(IEnumerable<QuestionVersionStatistics> rows, IStringLocalizer l) =>
    [
        .. rows.Select(q => (IReadOnlyList<string>)
        [
            q.Code, q.Version.ToString(), q.Attempts.ToString(), IaFormat.Share(q.Facility), IaFormat.Share(q.Sd),
            IaFormat.Percent(q.DiscriminationIndex), IaFormat.Percent(q.DiscriminativeEfficiency), IaFormat.Share(q.RandomGuessScore),
            q.NeedsChecking is { } n ? l.Of(n) : "", q.Dubious ? l["IA.Dubious"] : "",
        ]),
    ];
}
