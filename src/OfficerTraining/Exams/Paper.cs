using System.Collections.Concurrent;
using OfficerTraining.QuestionBank;

namespace OfficerTraining.Exams;

/// <summary>
/// One answerable unit of a paper: a question, or one sub-question of a case. <see cref="Key"/> is its position
/// ("7", or "12.2" for the second sub-question of the twelfth question); <see cref="OptionOrder"/> lists the original
/// option indexes in the order this officer sees them. Answers are always recorded as ORIGINAL option indexes.
/// </summary>
public sealed record PaperItem(string Key, QuestionType Type, IReadOnlyList<int> OptionOrder, IReadOnlyList<int> Correct, decimal Points);

/// <summary>A drawn question: which question, in which version (papers keep the version they were drawn with), and its
/// answerable items.</summary>
public sealed record PaperQuestion(string Code, Guid QuestionId, int Version, int Section, IReadOnlyList<PaperItem> Items);

/// <summary>An officer's paper, reproducible from the blueprint, the approved bank and the seed.</summary>
public sealed record Paper(int Seed, IReadOnlyList<PaperQuestion> Questions)
{
    public IEnumerable<PaperItem> Items => Questions.SelectMany(q => q.Items);
    public decimal MaxScore => Items.Sum(i => i.Points);
}

/// <summary>What an answer to a paper may choose: per item, how many options it has, and the items that take more than
/// one. It never changes, so the answer journal keeps it and the answer sheet does not carry it.</summary>
public sealed record PaperShape(IReadOnlyDictionary<string, int> Options, IReadOnlySet<string> Multiple)
{
    // Papers drawn from one blueprint mostly have the same shape, and the journal keeps one per open attempt (a hall of
    // officers): equal shapes are one object for the process. A rare overflow (many blueprints) starts the set afresh.
    const int MaxShared = 1000;
    static readonly ConcurrentDictionary<string, PaperShape> Shared = new();

    public static PaperShape Of(Paper paper)
    {
        var items = paper.Items.ToList();
        var signature = string.Join('|', items.Select(i =>
            $"{i.Key.Length}:{i.Key}:{i.OptionOrder.Count}:{(i.Type == QuestionType.Multiple ? 'm' : 's')}"));
        if (Shared.TryGetValue(signature, out var shared)) return shared;
        if (Shared.Count >= MaxShared) Shared.Clear();
        return Shared.GetOrAdd(signature, new PaperShape(items.ToDictionary(i => i.Key, i => i.OptionOrder.Count),
            items.Where(i => i.Type == QuestionType.Multiple).Select(i => i.Key).ToHashSet()));
    }
}
