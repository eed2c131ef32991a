using OfficerTraining.Infrastructure;
using OfficerTraining.QuestionBank;

namespace OfficerTraining.Exams;

/// <summary>
/// What makes a blueprint well-formed, whatever the bank holds (whether the bank can fill it is
/// <see cref="Feasibility.Check"/>). Each problem is a sentence in the current UI culture; none means valid.
/// </summary>
public static class BlueprintRules
{
    /// <summary>A case question has at least this many sub-questions (<see cref="QuestionRules"/>).</summary>
    public const int FewestCaseSubQuestions = 2;

    public static IReadOnlyList<string> Problems(Blueprint b)
    {
        var problems = new List<string>();
        void Add(string key, params object[] args) => problems.Add(Messages.Format(key, args));

        if (string.IsNullOrWhiteSpace(b.Name)) Add("Blueprint.NameRequired");
        if (b.Sections.Count == 0) Add("Blueprint.NoSections");
        for (var i = 0; i < b.Sections.Count; i++)
        {
            var s = b.Sections[i];
            if (string.IsNullOrWhiteSpace(s.Title)) Add("Blueprint.SectionTitleRequired", i + 1);
            if (s.Count < 1) Add("Blueprint.SectionCount", i + 1, s.Title, s.Count);
            if (s.Points <= 0) Add("Blueprint.SectionPoints", i + 1, s.Title, s.Points);
            if (s.Filter.MinDifficulty is { } min && s.Filter.MaxDifficulty is { } max && min > max)
                Add("Blueprint.SectionDifficulty", i + 1, s.Title, min, max);
        }
        if (b.Duration <= TimeSpan.Zero) Add("Blueprint.Duration");
        if (b.PassMark < 0) Add("Blueprint.PassMarkNegative", b.PassMark);
        else if (b.PassMark > SmallestTotal(b)) Add("Blueprint.PassMarkAboveTotal", b.PassMark, SmallestTotal(b));
        if (b.AttemptsAllowed < 1) Add("Blueprint.Attempts", b.AttemptsAllowed);
        return problems;
    }

    /// <summary>
    /// The total points of the smallest paper the blueprint can give: Count × Points per section, a case question
    /// counting <see cref="FewestCaseSubQuestions"/> sub-questions (each scores the section's points, so papers with
    /// bigger cases are worth more). The pass mark must be reachable on every paper, so it is checked against this.
    /// Sections with a non-positive count or points add nothing.
    /// </summary>
    public static decimal SmallestTotal(Blueprint b) => b.Sections
        .Where(s => s.Count > 0 && s.Points > 0)
        .Sum(s => s.Count * s.Points * (s.Type == QuestionType.Case ? FewestCaseSubQuestions : 1));
}
