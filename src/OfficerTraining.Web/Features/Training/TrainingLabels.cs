using Microsoft.Extensions.Localization;
using OfficerTraining.Training;

namespace OfficerTraining.Web.Features.Training;

/// <summary>Display names of training values (keys "Tr.Category.X", "Tr.Source.X", ...).</summary>
public static class TrainingLabels
{
    public static string Of(this IStringLocalizer l, TrainingCategory c) => l[$"Tr.Category.{c}"];
    public static string Of(this IStringLocalizer l, CreditSource s) => l[$"Tr.Source.{s}"];
    public static string Of(this IStringLocalizer l, AdjustmentStatus s) => l[$"Tr.Status.{s}"];

    /// <summary>Hours as people write them: 2, 1.5, -3.</summary>
    public static string Hours(decimal hours) => hours.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    public static DateTime ToDateTime(DateOnly d) => d.ToDateTime(TimeOnly.MinValue);
}
