using OfficerTraining.QuestionBank;

namespace OfficerTraining.Exams;

/// <summary>Marks a paper. Single choice and true/false: full points for the key, else 0. Multiple choice, all or
/// nothing: full points only for exactly the keys (少选、错选不得分); partial: 0 with any wrong option, otherwise the
/// share of keys chosen. A case question is marked sub-question by sub-question.</summary>
public static class Grader
{
    public static AttemptResult Grade(Paper paper, IReadOnlyDictionary<string, IReadOnlyList<int>> answers, AttemptRules rules)
    {
        var marks = paper.Items.Select(item => new ItemMark(item.Key,
            Mark(item, answers.TryGetValue(item.Key, out var chosen) ? chosen : [], rules.MultipleChoice), item.Points)).ToList();
        var score = marks.Sum(m => m.Points);
        return new AttemptResult(marks, score, paper.MaxScore, score >= rules.PassMark);
    }

    public static decimal Mark(PaperItem item, IReadOnlyList<int> chosen, MultipleChoiceScoring scoring)
    {
        var picked = chosen.Distinct().ToHashSet();
        if (picked.SetEquals(item.Correct)) return item.Points;
        if (item.Type != QuestionType.Multiple || scoring == MultipleChoiceScoring.AllOrNothing || picked.Count == 0) return 0;
        if (!picked.IsSubsetOf(item.Correct)) return 0;
        return Math.Round(item.Points * picked.Count / item.Correct.Count, 2, MidpointRounding.AwayFromZero);
    }
}
