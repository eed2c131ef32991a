using OfficerTraining.Infrastructure;

namespace OfficerTraining.QuestionBank;

/// <summary>Saves a question's content: the first version of a new code, or a new version of an existing one.</summary>
public sealed record SaveQuestion(string Code, QuestionContent Content, string Source, string Reason);

public sealed record SubmitQuestion(string Code);

public sealed record ApproveQuestion(string Code, int Version);

public sealed record RejectQuestion(string Code, int Version, string Comment);

public sealed record RetireQuestion(string Code, string Reason);

/// <summary>Pure decisions about questions. No question reaches an exam without a second person's approval.</summary>
public static class QuestionDecider
{
    public static object[] Decide(SaveQuestion c, Question? existing, string author)
    {
        var code = CheckCode(c.Code);
        if (QuestionRules.Structure(c.Content) is { Count: > 0 } problems)
            throw new DomainException("Question.Invalid", code, string.Join("；", problems.Select(p => $"{p.Field}: {p.Message}")));
        if (existing is null)
            return [new QuestionDrafted(Question.StreamIdFor(code), code, 1, c.Content, author, c.Source)];
        if (existing.Content.SameAs(c.Content)) return [];
        if (existing.Status == QuestionStatus.Retired) throw new DomainException("Question.Retired", code);
        return [new QuestionRevised(existing.Id, existing.CurrentVersion + 1, c.Content, author, c.Source,
            Text.Required(c.Reason, "Reason"))];
    }

    public static object[] Decide(SubmitQuestion c, Question q, LawLibrary laws)
    {
        if (q.Status == QuestionStatus.InReview) return [];
        if (q.Status is not (QuestionStatus.Draft or QuestionStatus.Rejected))
            throw new DomainException("Question.NotADraft", q.Code, q.Status);
        if (QuestionRules.Completeness(q.Content, laws) is { Count: > 0 } problems)
            throw new DomainException("Question.Incomplete", q.Code, string.Join("；", problems.Select(p => $"{p.Field}: {p.Message}")));
        return [new QuestionSubmittedForReview(q.Id, q.CurrentVersion)];
    }

    public static object[] Decide(ApproveQuestion c, Question q, string reviewer)
    {
        if (q.Status == QuestionStatus.Approved && q.ApprovedVersion == c.Version) return [];
        CheckUnderReview(q, c.Version, reviewer);
        return [new QuestionApproved(q.Id, c.Version, reviewer)];
    }

    public static object[] Decide(RejectQuestion c, Question q, string reviewer)
    {
        if (q.Status == QuestionStatus.Rejected && q.CurrentVersion == c.Version) return [];
        CheckUnderReview(q, c.Version, reviewer);
        return [new QuestionRejected(q.Id, c.Version, reviewer, Text.Required(c.Comment, "Question.Comment", 2000))];
    }

    public static object[] Decide(RetireQuestion c, Question q) =>
        q.Status == QuestionStatus.Retired ? [] : [new QuestionRetired(q.Id, Text.Required(c.Reason, "Reason"))];

    /// <summary>Words that name pages under /questions/ and so cannot be codes.</summary>
    static readonly string[] Reserved = ["new", "review", "import"];

    public static string CheckCode(string code)
    {
        var trimmed = code.Trim();
        if (trimmed.Length is 0 or > 32 || !trimmed.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.')
            || Reserved.Contains(trimmed, StringComparer.OrdinalIgnoreCase))
            throw new DomainException("Question.CodeFormat", code);
        return trimmed;
    }

    static void CheckUnderReview(Question q, int version, string reviewer)
    {
        if (q.Status != QuestionStatus.InReview) throw new DomainException("Question.NotInReview", q.Code, q.Status);
        if (version != q.CurrentVersion) throw new DomainException("Question.VersionChanged", q.Code, version, q.CurrentVersion);
        if (string.Equals(reviewer, q.Author, StringComparison.OrdinalIgnoreCase))
            throw new DomainException("Question.OwnVersion", q.Code);
    }
}
