using System.Collections.Concurrent;
using Marten;
using OfficerTraining.Exams;
using OfficerTraining.QuestionBank;
using OfficerTraining.Web.Features.QuestionBank;

namespace OfficerTraining.Web.Features.Exams.Taking;

/// <summary>
/// One answerable item as this officer sees it: its place and key in the paper, and what it shows (<see cref="ShownContent"/>,
/// shared with every paper that has the same question version in the same option order).
/// </summary>
public sealed record ShownItem(int Index, string Key, ShownContent Content)
{
    public QuestionType Type => Content.Type;
    public decimal Points => Content.Points;
    public string? Scenario => Content.Scenario;
    public QuestionItem Shown => Content.Shown;

    /// <summary>The original option index behind display position <paramref name="shownAt"/> (answers are recorded so).</summary>
    public int Original(int shownAt) => Content.OptionOrder[shownAt];

    /// <summary>Original option indexes as display positions, in display order.</summary>
    public IReadOnlyList<int> ToShown(IEnumerable<int> originals)
    {
        var set = originals.ToHashSet();
        return [.. Enumerable.Range(0, Content.OptionOrder.Count).Where(d => set.Contains(Content.OptionOrder[d]))];
    }
}

/// <summary>An item of a question version as a paper shows it: the scenario of the case it belongs to (if any), and the
/// item with its options in the paper's display order, so the letters A, B, C… follow what is shown.</summary>
/// <param name="Shown">Options in display order; <c>Correct</c> in display positions, and empty unless the key was asked for.</param>
public sealed record ShownContent(QuestionType Type, decimal Points, IReadOnlyList<int> OptionOrder, string? Scenario, QuestionItem Shown);

/// <summary>
/// Builds the shown items of a paper from the question versions it was drawn with (never a newer draft). A version never
/// changes once written (a question's versions are only appended), so what an item shows in a given option order is the
/// same for every officer who drew it: the texts and shown items are kept once for the process, shared by every circuit,
/// instead of a copy of each question per open exam page. Only the paper (option orders) is the officer's own.
/// </summary>
public static class ShownPaper
{
    const int MostVersions = 20_000; // far above a bank's size; past it (years of revisions) the caches start again

    static readonly ConcurrentDictionary<(Guid Question, int Version), QuestionContent> Contents = new();
    static readonly ConcurrentDictionary<ShownKey, ShownContent> Shown = new();

    /// <summary>An item of a version as a paper shows it: its option order and points, and its key when it is shown.</summary>
    sealed record ShownKey(Guid Question, int Version, int Item, string OptionOrder, decimal Points, string? Correct);

    /// <param name="withKey">Only the result page asks for the key: the exam page never holds it.</param>
    public static async Task<IReadOnlyList<ShownItem>> Load(IQuerySession session, Paper paper, bool withKey, CancellationToken ct = default)
    {
        var contents = new Dictionary<(Guid, int), QuestionContent>();
        foreach (var drawn in paper.Questions)
            if (Contents.TryGetValue((drawn.QuestionId, drawn.Version), out var cached)) contents[(drawn.QuestionId, drawn.Version)] = cached;
        var missing = paper.Questions.Where(q => !contents.ContainsKey((q.QuestionId, q.Version))).Select(q => q.QuestionId).Distinct().ToArray();
        if (missing.Length > 0)
        {
            if (Contents.Count > MostVersions)
            {
                Contents.Clear();
                Shown.Clear();
            }
            var questions = (await session.LoadManyAsync<Question>(ct, missing)).ToDictionary(q => q.Id);
            foreach (var drawn in paper.Questions.Where(q => questions.ContainsKey(q.QuestionId)))
                contents[(drawn.QuestionId, drawn.Version)] =
                    Contents.GetOrAdd((drawn.QuestionId, drawn.Version), questions[drawn.QuestionId].ContentOf(drawn.Version));
        }
        var items = new List<ShownItem>();
        foreach (var drawn in paper.Questions)
        {
            var content = contents[(drawn.QuestionId, drawn.Version)];
            for (var n = 0; n < drawn.Items.Count; n++)
            {
                var p = drawn.Items[n];
                var key = new ShownKey(drawn.QuestionId, drawn.Version, n, string.Join(',', p.OptionOrder), p.Points,
                    withKey ? string.Join(',', p.Correct) : null);
                // Keys are positions ("12", "12.1"), the same few in every paper: interned, not a copy per circuit.
                items.Add(new ShownItem(items.Count, string.Intern(p.Key), Shown.GetOrAdd(key, static (_, a) => Build(a.content, a.n, a.p, a.withKey), (content, n, p, withKey))));
            }
        }
        return items;
    }

    static ShownContent Build(QuestionContent content, int n, PaperItem p, bool withKey)
    {
        var (scenario, item) = content.Type == QuestionType.Case ? (content.Stem, content.SubQuestions[n]) : (null, content.AsItem());
        return new ShownContent(p.Type, p.Points, [.. p.OptionOrder], scenario, InShownOrder(item, p, withKey));
    }

    static QuestionItem InShownOrder(QuestionItem item, PaperItem p, bool withKey) => item with
    {
        Options = [.. p.OptionOrder.Select(i => item.Options[i])],
        Correct = withKey ? [.. Enumerable.Range(0, p.OptionOrder.Count).Where(d => p.Correct.Contains(p.OptionOrder[d]))] : [],
        Explanation = withKey ? item.Explanation : "",
        Citations = withKey ? item.Citations : [],
    };
}
