using MudBlazor;
using OfficerTraining.QuestionBank;

namespace OfficerTraining.Web.Features.QuestionBank;

/// <summary>A row of the bank browser: only what the table shows, so a page of questions does not carry every version.</summary>
public sealed record QuestionRow(
    string Code, QuestionType Type, string Stem, IReadOnlyList<string> Laws, QuestionStatus Status, int CurrentVersion,
    int? ApprovedVersion, string Author, DateTimeOffset ChangedAt);

/// <summary>
/// The browser's filters, composed into one query. Laws and tags are containment (<c>data @&gt; {"Laws":[…]}</c>) and use
/// the document's GIN index; status has its own index; the stem search is a LIKE, fine at the bank's size for now.
/// </summary>
public sealed record QuestionFilter(
    string? Law = null, string? Tag = null, QuestionType? Type = null, QuestionStatus? Status = null,
    int? Difficulty = null, string? Author = null, string? Text = null, bool OnlyFlagged = false)
{
    public IQueryable<Question> Apply(IQueryable<Question> query)
    {
        if (Law is { Length: > 0 } law) query = query.Where(q => q.Laws.Contains(law));
        if (Tag?.Trim() is { Length: > 0 } tag) query = query.Where(q => q.Tags.Contains(tag));
        if (Type is { } type) query = query.Where(q => q.Type == type);
        if (Status is { } status) query = query.Where(q => q.Status == status);
        if (Difficulty is { } difficulty) query = query.Where(q => q.Difficulty == difficulty);
        if (Author?.Trim() is { Length: > 0 } author) query = query.Where(q => q.Author.Contains(author));
        if (Text?.Trim() is { Length: > 0 } text) query = query.Where(q => q.Content.Stem.Contains(text));
        return query;
    }

    /// <summary>With <see cref="OnlyFlagged"/>, only the questions item analysis flags (the codes come from its cache).</summary>
    public IQueryable<Question> Apply(IQueryable<Question> query, IReadOnlyCollection<string> flaggedCodes)
    {
        var codes = flaggedCodes.ToArray();
        query = Apply(query);
        return OnlyFlagged ? query.Where(q => codes.Contains(q.Code)) : query;
    }

    public static IQueryable<Question> Sort(IQueryable<Question> query, string? label, SortDirection direction)
    {
        var descending = direction == SortDirection.Descending;
        return label switch
        {
            "changed" => descending
                ? query.OrderByDescending(q => q.ChangedAt).ThenBy(q => q.Code)
                : query.OrderBy(q => q.ChangedAt).ThenBy(q => q.Code),
            _ => descending ? query.OrderByDescending(q => q.Code) : query.OrderBy(q => q.Code),
        };
    }

    public static IQueryable<QuestionRow> Rows(IQueryable<Question> query) => query.Select(q => new QuestionRow(
        q.Code, q.Type, q.Content.Stem, q.Laws, q.Status, q.CurrentVersion, q.ApprovedVersion, q.Author, q.ChangedAt));
}
