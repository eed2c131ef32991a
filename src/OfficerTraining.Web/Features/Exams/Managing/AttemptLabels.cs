using Microsoft.Extensions.Localization;
using OfficerTraining.Exams;
using OfficerTraining.QuestionBank;
using OfficerTraining.Web.Features.QuestionBank;

namespace OfficerTraining.Web.Features.Exams.Managing;

/// <summary>Answers as the officer saw them. Answers are recorded as ORIGINAL option indexes; the officer saw the
/// options in the item's <see cref="PaperItem.OptionOrder"/>, so original index i was shown as letter
/// A + OptionOrder.IndexOf(i). True/false reads as 正确 / 错误.</summary>
public static class AttemptLabels
{
    public static string Choice(this IStringLocalizer l, PaperItem? item, IReadOnlyList<int> original)
    {
        if (original.Count == 0) return l["Ea.NoAnswer"];
        if (item is null) return string.Join(",", original);
        if (item.Type == QuestionType.TrueFalse)
            return string.Join(l["Common.ListSeparator"], original.Select(i =>
                i is 0 or 1 ? l.OptionText(QuestionType.TrueFalse, QuestionItem.TrueFalseOptions[i]) : "?"));
        return string.Concat(original.Select(i => item.OptionOrder.ToList().IndexOf(i)).Order()
            .Select(shown => shown < 0 ? '?' : QuestionLabels.Letter(shown)));
    }

    /// <summary>Item key → the question it belongs to (a case question's sub-questions share one).</summary>
    public static IReadOnlyDictionary<string, PaperQuestion> QuestionsByItem(Paper paper) =>
        paper.Questions.SelectMany(q => q.Items.Select(i => (i.Key, q))).ToDictionary(x => x.Key, x => x.q);
}
