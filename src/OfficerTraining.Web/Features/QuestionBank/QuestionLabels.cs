using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using OfficerTraining.Infrastructure;
using OfficerTraining.QuestionBank;
using OfficerTraining.QuestionBank.Import;

namespace OfficerTraining.Web.Features.QuestionBank;

/// <summary>How question values read on screen, from the shared resources (keys "Qb.Type.X", "Qb.Status.X", ...).</summary>
public static class QuestionLabels
{
    public static string Of(this IStringLocalizer l, QuestionType t) => l[$"Qb.Type.{t}"];
    public static string Of(this IStringLocalizer l, QuestionStatus s) => l[$"Qb.Status.{s}"];
    public static string Of(this IStringLocalizer l, QuestionCategory c) => l[$"Qb.Category.{c}"];

    public static Color ColorOf(QuestionStatus s) => s switch
    {
        QuestionStatus.Approved => Color.Success,
        QuestionStatus.InReview => Color.Info,
        QuestionStatus.Rejected => Color.Warning,
        QuestionStatus.Retired => Color.Dark,
        _ => Color.Default,
    };

    public static char Letter(int index) => (char)('A' + index);

    /// <summary>An option as the officer reads it: true/false in the officer's language, the others as written.</summary>
    public static string OptionText(this IStringLocalizer l, QuestionType type, string option) =>
        type != QuestionType.TrueFalse ? option : option == "true" ? l["Qb.True"] : l["Qb.False"];

    /// <summary>The key: letters (ACD), or 正确 / 错误 for true/false.</summary>
    public static string Answer(this IStringLocalizer l, QuestionType type, IReadOnlyList<int> correct) =>
        type == QuestionType.TrueFalse
            ? string.Join(l["Common.ListSeparator"], correct.Select(i => i is 0 or 1 ? l.OptionText(type, QuestionItem.TrueFalseOptions[i]) : "?"))
            : YamlNames.Letters(correct.Order());

    public static string Time(DateTimeOffset t) =>
        t.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Shorten(string text, int length) =>
        text.ReplaceLineEndings(" ") is var flat && flat.Length > length ? flat[..length] + "…" : flat;

    public static IReadOnlyList<Citation> AllCitations(QuestionContent c) =>
        c.Citations.Concat(c.SubQuestions.SelectMany(s => s.Citations)).Distinct().ToList();

    public static QuestionItem AsItem(this QuestionContent c) =>
        new(c.Type, c.Stem, c.Options, c.Correct, c.Explanation, c.Citations);
}
