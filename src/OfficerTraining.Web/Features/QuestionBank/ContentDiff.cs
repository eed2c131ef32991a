using Microsoft.Extensions.Localization;
using OfficerTraining.QuestionBank;
using OfficerTraining.Web.Components.Shared;

namespace OfficerTraining.Web.Features.QuestionBank;

/// <summary>One field that differs between two versions, as text a reviewer can compare.</summary>
public sealed record FieldChange(string Field, string Before, string After);

/// <summary>What changed from one version of a question to the next, field by field (sub-questions by position).</summary>
public static class ContentDiff
{
    public static IReadOnlyList<FieldChange> Between(QuestionContent before, QuestionContent after, IStringLocalizer l)
    {
        var changes = new List<FieldChange>();
        void Compare(string field, string a, string b)
        {
            if (a != b) changes.Add(new(field, a, b));
        }

        Compare(l["Qb.Field.Type"], l.Of(before.Type), l.Of(after.Type));
        CompareItem("", before.AsItem(), after.AsItem(), Compare, l);
        Compare(l["Qb.Field.Tags"], string.Join(l["Common.ListSeparator"], before.Tags), string.Join(l["Common.ListSeparator"], after.Tags));
        Compare(l["Qb.Field.Category"], Category(before, l), Category(after, l));
        Compare(l["Qb.Field.Difficulty"], before.Difficulty.ToString(), after.Difficulty.ToString());
        for (var i = 0; i < Math.Max(before.SubQuestions.Count, after.SubQuestions.Count); i++)
        {
            var prefix = l["Qb.SubQuestion", i + 1] + " · ";
            if (i >= before.SubQuestions.Count) Compare(prefix + l["Qb.Field.Stem"], "—", after.SubQuestions[i].Stem);
            else if (i >= after.SubQuestions.Count) Compare(prefix + l["Qb.Field.Stem"], before.SubQuestions[i].Stem, "—");
            else
            {
                Compare(prefix + l["Qb.Field.Type"], l.Of(before.SubQuestions[i].Type), l.Of(after.SubQuestions[i].Type));
                CompareItem(prefix, before.SubQuestions[i], after.SubQuestions[i], Compare, l);
            }
        }
        return changes;
    }

    static void CompareItem(string prefix, QuestionItem a, QuestionItem b, Action<string, string, string> compare, IStringLocalizer l)
    {
        compare(prefix + l["Qb.Field.Stem"], a.Stem, b.Stem);
        compare(prefix + l["Qb.Field.Options"], Options(a, l), Options(b, l));
        compare(prefix + l["Qb.Field.Answer"], l.Answer(a.Type, a.Correct), l.Answer(b.Type, b.Correct));
        compare(prefix + l["Qb.Field.Explanation"], a.Explanation, b.Explanation);
        compare(prefix + l["Qb.Field.Citations"], string.Join("；", a.Citations), string.Join("；", b.Citations));
    }

    static string Options(QuestionItem item, IStringLocalizer l) => item.Type == QuestionType.TrueFalse
        ? ""
        : string.Join("\n", item.Options.Select((o, i) => $"{QuestionLabels.Letter(i)}. {o}"));

    static string Category(QuestionContent c, IStringLocalizer l) =>
        l.Of(c.Category) + (c.Domain is { } d ? " · " + l.Of(d) : "");
}
