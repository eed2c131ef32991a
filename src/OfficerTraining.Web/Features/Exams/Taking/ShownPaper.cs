using Marten;
using OfficerTraining.Exams;
using OfficerTraining.QuestionBank;
using OfficerTraining.Web.Features.QuestionBank;

namespace OfficerTraining.Web.Features.Exams.Taking;

/// <summary>
/// One answerable item as this officer sees it: its place in the paper, the scenario of the case it belongs to (if any),
/// and the item with its options in the paper's display order, so the letters A, B, C… follow what is shown.
/// </summary>
/// <param name="Shown">Options in display order; <c>Correct</c> in display positions, and empty unless the key was asked for.</param>
public sealed record ShownItem(int Index, PaperItem Item, string? Scenario, QuestionItem Shown)
{
    public string Key => Item.Key;

    /// <summary>The original option index behind display position <paramref name="shownAt"/> (answers are recorded so).</summary>
    public int Original(int shownAt) => Item.OptionOrder[shownAt];

    /// <summary>Original option indexes as display positions, in display order.</summary>
    public IReadOnlyList<int> ToShown(IEnumerable<int> originals)
    {
        var set = originals.ToHashSet();
        return [.. Enumerable.Range(0, Item.OptionOrder.Count).Where(d => set.Contains(Item.OptionOrder[d]))];
    }
}

/// <summary>Builds the shown items of a paper from the question versions it was drawn with (never a newer draft).</summary>
public static class ShownPaper
{
    /// <param name="withKey">Only the result page asks for the key: the exam page never holds it.</param>
    public static async Task<IReadOnlyList<ShownItem>> Load(IQuerySession session, Paper paper, bool withKey, CancellationToken ct = default)
    {
        var ids = paper.Questions.Select(q => q.QuestionId).Distinct().ToArray();
        var questions = (await session.LoadManyAsync<Question>(ct, ids)).ToDictionary(q => q.Id);
        var items = new List<ShownItem>();
        foreach (var drawn in paper.Questions)
        {
            var content = questions[drawn.QuestionId].ContentOf(drawn.Version);
            for (var n = 0; n < drawn.Items.Count; n++)
            {
                var (scenario, item) = content.Type == QuestionType.Case ? (content.Stem, content.SubQuestions[n]) : (null, content.AsItem());
                items.Add(new ShownItem(items.Count, drawn.Items[n], scenario, InShownOrder(item, drawn.Items[n], withKey)));
            }
        }
        return items;
    }

    static QuestionItem InShownOrder(QuestionItem item, PaperItem p, bool withKey) => item with
    {
        Options = [.. p.OptionOrder.Select(i => item.Options[i])],
        Correct = withKey ? [.. Enumerable.Range(0, p.OptionOrder.Count).Where(d => p.Correct.Contains(p.OptionOrder[d]))] : [],
        Explanation = withKey ? item.Explanation : "",
        Citations = withKey ? item.Citations : [],
    };
}
