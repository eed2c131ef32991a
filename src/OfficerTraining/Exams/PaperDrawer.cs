using OfficerTraining.Infrastructure;
using OfficerTraining.QuestionBank;

namespace OfficerTraining.Exams;

/// <summary>
/// Draws an officer's paper from the approved questions, reproducibly: the same blueprint, the same pool (in any order)
/// and the same seed always give the same paper, so a paper can be re-derived and checked.
/// </summary>
/// <remarks>
/// <para>The pool is first put in code order (and a question listed twice is kept once). Sections are drawn in order;
/// each takes <see cref="BlueprintSection.Count"/> distinct questions uniformly at random from the questions that match
/// it and that no earlier section took — a question matching two sections goes to at most one, the earlier one having
/// first pick. Which questions are drawn depends only on the blueprint's sections, the pool and the seed: turning
/// question or option shuffling on or off changes only the order in which the same questions and options are shown.</para>
/// <para>Within a section the questions are shown in random order when <see cref="Blueprint.ShuffleQuestions"/>, else in
/// code order; sections always stay in order. Each non-case question is one item keyed by its 1-based position in the
/// paper ("7"); a case question gives one item per sub-question ("12.1", "12.2", …). Every item scores the section's
/// points. With <see cref="Blueprint.ShuffleOptions"/> each item's option order is a random permutation, except that
/// true/false is always shown true, then false.</para>
/// <para>When <see cref="Feasibility.Check"/> reports no shortfall for the same blueprint and pool, drawing never
/// fails, whatever the seed.</para>
/// </remarks>
public static class PaperDrawer
{
    public static Paper Draw(Blueprint blueprint, IReadOnlyList<ApprovedQuestion> pool, int seed)
    {
        var random = new Random(seed);
        var ordered = InCodeOrder(pool);
        var taken = new HashSet<Guid>();

        // 1. Which questions, section by section (consumes the random stream first, so shuffling cannot change it).
        var drawn = new List<(int Section, IReadOnlyList<ApprovedQuestion> Questions)>();
        for (var s = 0; s < blueprint.Sections.Count; s++)
        {
            var section = blueprint.Sections[s];
            var candidates = ordered.Where(q => !taken.Contains(q.QuestionId) && q.Matches(section)).ToArray();
            var needed = Math.Max(section.Count, 0);
            if (candidates.Length < needed)
                throw new DomainException("Exam.SectionCannotBeFilled", section.Title, needed, candidates.Length);

            // A partial Fisher–Yates shuffle: the first `needed` candidates become a uniform random ordered sample.
            for (var i = 0; i < needed; i++)
            {
                var j = random.Next(i, candidates.Length);
                (candidates[i], candidates[j]) = (candidates[j], candidates[i]);
            }
            var sample = candidates.Take(needed).ToList();
            foreach (var q in sample) taken.Add(q.QuestionId);
            drawn.Add((s, blueprint.ShuffleQuestions ? sample : [.. sample.OrderBy(q => q, CodeOrder.Instance)]));
        }

        // 2. Positions, items and option orders, in paper order.
        var questions = new List<PaperQuestion>();
        foreach (var (s, sample) in drawn)
        {
            var points = blueprint.Sections[s].Points;
            foreach (var q in sample)
            {
                var position = questions.Count + 1;
                var content = q.Content;
                IReadOnlyList<PaperItem> items = content.Type == QuestionType.Case
                    ? [.. content.SubQuestions.Select((sub, n) =>
                        Item($"{position}.{n + 1}", sub.Type, sub.Options.Count, sub.Correct, points, blueprint.ShuffleOptions, random))]
                    : [Item($"{position}", content.Type, content.Options.Count, content.Correct, points, blueprint.ShuffleOptions, random)];
                questions.Add(new PaperQuestion(q.Code, q.QuestionId, q.Version, s, items));
            }
        }
        return new Paper(seed, questions);
    }

    static PaperItem Item(string key, QuestionType type, int options, IReadOnlyList<int> correct, decimal points, bool shuffle, Random random)
    {
        var order = Enumerable.Range(0, options).ToArray();
        if (shuffle && type != QuestionType.TrueFalse)
            for (var i = order.Length - 1; i > 0; i--)
            {
                var j = random.Next(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }
        return new PaperItem(key, type, order, [.. correct], points);
    }

    /// <summary>The pool as the drawer and the feasibility check see it: in code order, each question once.</summary>
    internal static IReadOnlyList<ApprovedQuestion> InCodeOrder(IReadOnlyList<ApprovedQuestion> pool) =>
        [.. pool.Order(CodeOrder.Instance).DistinctBy(q => q.QuestionId)];

    /// <summary>By code (ordinal), then id and version, so that even a pool with clashing codes has one order.</summary>
    sealed class CodeOrder : IComparer<ApprovedQuestion>
    {
        public static readonly CodeOrder Instance = new();

        public int Compare(ApprovedQuestion? x, ApprovedQuestion? y)
        {
            if (ReferenceEquals(x, y)) return 0;
            if (x is null) return -1;
            if (y is null) return 1;
            var byCode = string.CompareOrdinal(x.Code, y.Code);
            if (byCode != 0) return byCode;
            var byId = x.QuestionId.CompareTo(y.QuestionId);
            return byId != 0 ? byId : x.Version.CompareTo(y.Version);
        }
    }
}
