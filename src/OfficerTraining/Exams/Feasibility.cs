namespace OfficerTraining.Exams;

/// <summary>A section the approved bank cannot be relied on to fill: it needs <see cref="Needed"/> questions and,
/// in the worst case, only <see cref="Available"/> are left for it.</summary>
/// <param name="Section">The section's 0-based index in <see cref="Blueprint.Sections"/> (as <see cref="PaperQuestion.Section"/>).</param>
public sealed record SectionShortfall(int Section, string Title, int Needed, int Available);

/// <summary>
/// Whether every paper drawn from a blueprint and a pool can be filled, whatever the seed.
/// </summary>
/// <remarks>
/// The rule (worst case, matching <see cref="PaperDrawer"/>): let M(k) be the pool questions that match section k.
/// Earlier sections draw first and may take questions section k also matches; section j (j &lt; k) takes exactly
/// Count(j) questions, all from M(j), so it can take at most min(Count(j), |M(j) ∩ M(k)|) of M(k). Hence
/// <c>Available(k) = |M(k)| − Σ_{j&lt;k} min(Count(j), |M(j) ∩ M(k)|)</c> (never below 0), and section k is short when
/// Available(k) &lt; Count(k). When no section is short the drawer never fails (at section k at least Available(k)
/// questions of M(k) are still untaken). The rule is conservative: a shortfall means SOME seed can fail, not that
/// every seed does — the fix is more questions in that section's filter, or filters that do not overlap. Sections of
/// different types never overlap.
/// </remarks>
public static class Feasibility
{
    public static IReadOnlyList<SectionShortfall> Check(Blueprint blueprint, IReadOnlyList<ApprovedQuestion> pool)
    {
        var questions = PaperDrawer.InCodeOrder(pool);
        var matching = blueprint.Sections
            .Select(s => questions.Where(q => q.Matches(s)).Select(q => q.QuestionId).ToHashSet())
            .ToList();
        var shortfalls = new List<SectionShortfall>();
        for (var k = 0; k < blueprint.Sections.Count; k++)
        {
            var section = blueprint.Sections[k];
            var takenByEarlier = 0;
            for (var j = 0; j < k; j++)
                takenByEarlier += Math.Min(Math.Max(blueprint.Sections[j].Count, 0), matching[j].Count(matching[k].Contains));
            var available = Math.Max(matching[k].Count - takenByEarlier, 0);
            if (available < section.Count) shortfalls.Add(new SectionShortfall(k, section.Title, section.Count, available));
        }
        return shortfalls;
    }
}
