using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using OfficerTraining.Reports.ItemAnalysis;

namespace OfficerTraining.Web.Features.Reports.ItemAnalysis;

/// <summary>How the item-analysis figures read: percentages with two decimals as Moodle shows them, "—" when undefined.</summary>
public static class IaFormat
{
    /// <summary>A fraction (facility, SD, random guess) as a percentage.</summary>
    public static string Share(double? fraction) => Percent(fraction * 100);

    /// <summary>A value already in percent (discrimination, efficiency, CIC).</summary>
    public static string Percent(double? percent) =>
        percent is { } p ? p.ToString("0.00", CultureInfo.CurrentCulture) + " %" : "—";

    public static string Number(double? value, string format = "0.00") =>
        value is { } v ? v.ToString(format, CultureInfo.CurrentCulture) : "—";

    public static string Of(this IStringLocalizer l, NeedsChecking n) => l[$"IA.NeedsChecking.{n}"];

    public static Color ColorOf(NeedsChecking n) => n switch
    {
        NeedsChecking.VeryLikely => Color.Error,
        NeedsChecking.Likely => Color.Warning,
        _ => Color.Success,
    };

    /// <summary>Flagged questions first, the least discriminating of them first; then by code.</summary>
    public static IReadOnlyList<QuestionVersionStatistics> FlaggedFirst(IEnumerable<QuestionVersionStatistics> questions) =>
    [
        .. questions.OrderByDescending(q => q.Flagged).ThenBy(q => q.DiscriminationIndex ?? double.MaxValue)
            .ThenBy(q => q.Code, StringComparer.Ordinal).ThenBy(q => q.Version),
    ];

    public static string QuestionHref(string code) => $"/questions/{Uri.EscapeDataString(code)}";
}
