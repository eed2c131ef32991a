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
    public static PaperShape Of(Paper paper) => new(paper.Items.ToDictionary(i => i.Key, i => i.OptionOrder.Count),
        paper.Items.Where(i => i.Type == QuestionType.Multiple).Select(i => i.Key).ToHashSet());
}
