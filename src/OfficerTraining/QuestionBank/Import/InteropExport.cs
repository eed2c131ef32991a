namespace OfficerTraining.QuestionBank.Import;

/// <summary>What the GIFT and Moodle XML writers share.</summary>
internal static class InteropExport
{
    /// <summary>
    /// Neither GIFT nor Moodle XML has a case question (案例分析): Moodle's nearest, cloze, embeds gaps in one text rather than
    /// holding separate objective questions. So a case is written as its sub-questions, coded CODE-1, CODE-2, …, each with
    /// the scenario before its own stem. This loses, on the way back in: that the sub-questions belong together (they
    /// come back as separate questions and no longer as a case CODE), and the case's own explanation. Citations are lost
    /// for every question, case or not: neither format has a place for them.
    /// </summary>
    public static IEnumerable<(string Code, QuestionContent Content)> Flatten(IEnumerable<(string Code, QuestionContent Content)> questions)
    {
        foreach (var (code, q) in questions)
        {
            if (q.Type != QuestionType.Case)
            {
                yield return (code, q);
                continue;
            }
            for (var i = 0; i < q.SubQuestions.Count; i++)
            {
                var sub = q.SubQuestions[i];
                yield return ($"{code}-{i + 1}", new QuestionContent(sub.Type, q.Stem.Trim() + "\n" + sub.Stem.Trim(), sub.Options,
                    sub.Correct, sub.Explanation, [.. q.Citations, .. sub.Citations], q.Tags, q.Category, q.Domain, q.Difficulty, []));
            }
        }
    }

    /// <summary>The grade of each option as Moodle sees it: true/false as its two answers "true" and "false".</summary>
    public static (IReadOnlyList<string> Options, IReadOnlyList<double> Grades) Answers(QuestionContent q) =>
        q.Type == QuestionType.TrueFalse
            ? (QuestionItem.TrueFalseOptions, [q.Correct.Contains(0) ? 1 : 0, q.Correct.Contains(1) ? 1 : 0])
            : (q.Options, MoodleGrades.Export(q.Type, q.Options.Count, q.Correct));
}
