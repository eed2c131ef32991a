using JasperFx.Events;
using OfficerTraining.Infrastructure;

namespace OfficerTraining.QuestionBank;

public enum QuestionStatus { Draft, InReview, Approved, Rejected, Retired }

/// <param name="Code">The stable id people use (XZCF-0001); the stream id is derived from it.</param>
/// <param name="Author">Who wrote this version: a reviewer may not approve their own version.</param>
/// <param name="Source">Where the version came from: "editor", or the imported file's name.</param>
public sealed record QuestionDrafted(Guid QuestionId, string Code, int Version, QuestionContent Content, string Author, string Source);

public sealed record QuestionRevised(Guid QuestionId, int Version, QuestionContent Content, string Author, string Source, string Reason);

public sealed record QuestionSubmittedForReview(Guid QuestionId, int Version);

public sealed record QuestionApproved(Guid QuestionId, int Version, string Reviewer);

public sealed record QuestionRejected(Guid QuestionId, int Version, string Reviewer, string Comment);

public sealed record QuestionRetired(Guid QuestionId, string Reason);

/// <summary>
/// A question and its versions: an inline snapshot that both the decider and the bank browser read. The current version
/// is the newest one; <see cref="ApprovedVersion"/> is the one exams may draw (an approved question being revised stays
/// usable in its approved version until the new one is approved).
/// </summary>
public sealed record Question(
    Guid Id, string Code, int CurrentVersion, QuestionStatus Status, int? ApprovedVersion, QuestionContent Content,
    string Author, IReadOnlyList<QuestionContent> Versions, DateTimeOffset CreatedAt, DateTimeOffset ChangedAt)
{
    public long Version { get; init; }

    // Duplicated for the browser's filters and indexes.
    public QuestionType Type => Content.Type;
    public IReadOnlyList<string> Laws => Content.Laws;
    public IReadOnlyList<string> Tags => Content.Tags;
    public int Difficulty => Content.Difficulty;

    /// <summary>The content of a version (1-based), for papers that keep the version they were drawn with.</summary>
    public QuestionContent ContentOf(int version) => Versions[version - 1];

    /// <summary>The same code always names the same stream, so re-importing a file finds its questions.</summary>
    public static Guid StreamIdFor(string code) => NameBasedId.For("officer-training/question/" + code.Trim().ToUpperInvariant());

    public static Question Create(IEvent<QuestionDrafted> e) => new(
        e.Data.QuestionId, e.Data.Code, 1, QuestionStatus.Draft, null, e.Data.Content, e.Data.Author, [e.Data.Content],
        e.Timestamp, e.Timestamp);

    public static Question Apply(IEvent<QuestionRevised> e, Question q) => q with
    {
        CurrentVersion = e.Data.Version, Status = QuestionStatus.Draft, Content = e.Data.Content, Author = e.Data.Author,
        Versions = [.. q.Versions, e.Data.Content], ChangedAt = e.Timestamp,
    };

    public static Question Apply(IEvent<QuestionSubmittedForReview> e, Question q) =>
        q with { Status = QuestionStatus.InReview, ChangedAt = e.Timestamp };

    public static Question Apply(IEvent<QuestionApproved> e, Question q) =>
        q with { Status = QuestionStatus.Approved, ApprovedVersion = e.Data.Version, ChangedAt = e.Timestamp };

    public static Question Apply(IEvent<QuestionRejected> e, Question q) =>
        q with { Status = QuestionStatus.Rejected, ChangedAt = e.Timestamp };

    public static Question Apply(IEvent<QuestionRetired> e, Question q) =>
        q with { Status = QuestionStatus.Retired, ApprovedVersion = null, ChangedAt = e.Timestamp };
}
