using OfficerTraining.Exams;
using OfficerTraining.QuestionBank;

namespace OfficerTraining.Reports.ItemAnalysis;

/// <summary>One position of the paper ("7", or "12.2" for a case's second sub-question): Moodle's slot statistics.</summary>
public sealed record SlotStatistics(string Key, ItemStatistics Statistics);

/// <summary>
/// A question version's statistics as a random question (Y = T): in one session, or averaged over sessions as Moodle's
/// question bank averages its quizzes (each session counts once; a statistic undefined in a session is left out).
/// Facility, Sd and RandomGuessScore are fractions of the question's maximum; the two indices are percentages.
/// </summary>
public sealed record QuestionVersionStatistics(
    string Code, int Version, int Attempts, int Sessions, double MaxMark, double Facility, double? Sd,
    double? DiscriminationIndex, double? DiscriminativeEfficiency, double? RandomGuessScore)
{
    public NeedsChecking? NeedsChecking => ItemFlags.NeedsCheckingOf(DiscriminationIndex);
    public bool Dubious => ItemFlags.IsDubious(DiscriminativeEfficiency);

    /// <summary>Worth a trainer's look: needs checking (very) likely, or dubious.</summary>
    public bool Flagged => NeedsChecking is ItemAnalysis.NeedsChecking.VeryLikely or ItemAnalysis.NeedsChecking.Likely || Dubious;
}

/// <summary>
/// Moodle's item analysis of one finished exam session, every graded attempt a subject ("all attempts"). The session
/// figures come from the slot matrix; since each officer's paper may hold different questions in each position, the
/// questions are analysed as Moodle analyses random questions, over the attempts that drew them.
/// </summary>
/// <param name="SlotsLeftOut">Positions only some papers have (a case with more sub-questions than another): the slot
/// matrix needs every position in every attempt, so these stay out of the session figures (not of the questions).</param>
public sealed record SessionItemAnalysis(
    Guid SessionId, string Title, DateTimeOffset Closes, QuizStatistics Quiz, IReadOnlyList<SlotStatistics> Slots,
    int SlotsLeftOut, IReadOnlyList<QuestionVersionStatistics> Questions)
{
    /// <summary>The analysis of the graded, not voided attempts; null when there is none.</summary>
    public static SessionItemAnalysis? Of(ExamSession session, IEnumerable<ExamAttempt> attempts)
    {
        var graded = attempts.Where(a => a.SessionId == session.Id && a.Status != AttemptStatus.Voided && a.Result is not null)
            .OrderBy(a => a.Id).ToList();
        if (graded.Count == 0) return null;

        var marks = graded.Select(a => a.Result!.Marks.ToDictionary(m => m.Item)).ToList();
        var allKeys = graded.SelectMany(a => a.Paper.Items.Select(i => i.Key)).Distinct().ToList();
        var keys = allKeys.Where(k => marks.All(m => m.ContainsKey(k))).ToList();
        var quiz = keys.Count == 0 ? null : ItemAnalysisCalculator.Calculate(
            [.. marks.Select(m => (IReadOnlyList<double>)[.. keys.Select(k => (double)m[k].Points)])],
            [.. keys.Select(k => marks.Max(m => (double)m[k].Max))]);
        var slots = quiz is null ? [] : keys.Select((k, i) => new SlotStatistics(k, quiz.Items[i])).ToList();
        var summary = quiz?.Quiz ?? new QuizStatistics(graded.Count, 0, 0, 0, null, null, null, null, null, null);
        return new SessionItemAnalysis(session.Id, session.Title, session.Closes, summary, slots, allKeys.Count - keys.Count,
            QuestionsOf(graded, marks));
    }

    static List<QuestionVersionStatistics> QuestionsOf(List<ExamAttempt> graded, List<Dictionary<string, ItemMark>> marks)
    {
        var drawn = graded.SelectMany((a, s) => a.Paper.Questions.Select(q => (Question: q, Attempt: a, Marks: marks[s])));
        return [.. drawn.GroupBy(d => (d.Question.Code, d.Question.Version)).Select(g =>
        {
            var rows = g.ToList();
            var max = rows.Max(r => MaxOf(r.Question));
            // Two sections could give one question different points; its marks are compared as shares of its maximum.
            var x = rows.Select(r => MarkOf(r.Question, r.Marks) / MaxOf(r.Question) * max).ToList();
            var totals = rows.Select(r => (double)r.Attempt.Result!.Score).ToList();
            var item = ItemAnalysisCalculator.RandomQuestion(x, totals, max, rows.Max(r => (double)r.Attempt.Result!.MaxScore),
                RandomGuessScore(rows[0].Question));
            return new QuestionVersionStatistics(g.Key.Code, g.Key.Version, rows.Count, 1, max, item.Facility, item.Sd,
                item.DiscriminationIndex, item.DiscriminativeEfficiency, item.RandomGuessScore);
        }).OrderBy(q => q.Code, StringComparer.Ordinal).ThenBy(q => q.Version)];
    }

    static double MaxOf(PaperQuestion q) => (double)q.Items.Sum(i => i.Points);

    static double MarkOf(PaperQuestion q, Dictionary<string, ItemMark> marks) =>
        q.Items.Sum(i => marks.TryGetValue(i.Key, out var m) ? (double)m.Points : 0);

    /// <summary>
    /// Moodle's random guess score as a share of the maximum: single choice, the mean of the option fractions (one
    /// correct option of n: 1/n); true/false 0.5; multiple choice undefined. A case question: its sub-questions' scores
    /// weighted by their points, undefined when one of them is.
    /// </summary>
    public static double? RandomGuessScore(PaperQuestion q)
    {
        double? Guess(PaperItem i) => i.Type switch
        {
            QuestionType.TrueFalse => 0.5,
            QuestionType.Single when i.OptionOrder.Count > 0 => 1.0 / i.OptionOrder.Count,
            _ => null,
        };
        var max = MaxOf(q);
        if (max <= 0 || q.Items.Any(i => Guess(i) is null)) return null;
        return q.Items.Sum(i => Guess(i)!.Value * (double)i.Points) / max;
    }
}
