using OfficerTraining.QuestionBank;

namespace OfficerTraining.Exams;

/// <summary>
/// A question as exams may draw it: its approved version and that version's content (never a newer draft). Papers are
/// drawn from a list of these, so drawing is pure and a paper records exactly the version it was drawn with.
/// </summary>
public sealed record ApprovedQuestion(string Code, Guid QuestionId, int Version, QuestionContent Content)
{
    /// <summary>The question's approved version, or null when it has none or is retired.</summary>
    public static ApprovedQuestion? From(Question q) =>
        q.ApprovedVersion is { } v && q.Status != QuestionStatus.Retired && v >= 1 && v <= q.Versions.Count
            ? new ApprovedQuestion(q.Code, q.Id, v, q.ContentOf(v))
            : null;

    /// <summary>
    /// Whether a section of <paramref name="type"/> with <paramref name="filter"/> may draw this question (judged on the
    /// approved content). The type must be equal. Laws: when listed, the question must cite ANY of them (anywhere,
    /// sub-questions included) — a section "行政处罚法、行政强制法" draws questions on either. Tags: likewise ANY of the
    /// listed tags. Category and domain must be equal when given. Difficulty must lie within the given bounds
    /// (inclusive; a missing bound is open). Law names and tags compare exactly (ordinal).
    /// </summary>
    public bool Matches(QuestionType type, QuestionFilter filter) =>
        Content.Type == type
        && (filter.Laws.Count == 0 || Content.Laws.Any(filter.Laws.Contains))
        && (filter.Tags.Count == 0 || Content.Tags.Any(filter.Tags.Contains))
        && (filter.Category is not { } category || Content.Category == category)
        && (filter.Domain is not { } domain || Content.Domain == domain)
        && (filter.MinDifficulty is not { } min || Content.Difficulty >= min)
        && (filter.MaxDifficulty is not { } max || Content.Difficulty <= max);

    /// <summary>Whether a section may draw this question.</summary>
    public bool Matches(BlueprintSection section) => Matches(section.Type, section.Filter);
}
