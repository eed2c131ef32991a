using OfficerTraining.Infrastructure;

namespace OfficerTraining.Exams;

public enum AnswerSaveStatus { Saved, AlreadySaved, Refused }

/// <summary>What became of one answer save. <see cref="Version"/> is the attempt's version after it (Saved) or as found
/// (AlreadySaved: a retry, or an older save arriving after a newer one); <see cref="Message"/> says why it was refused.</summary>
public sealed record AnswerSaveResult(AnswerSaveStatus Status, long Version, string? MessageKey = null, string? Message = null)
{
    public static AnswerSaveResult Saved(long version) => new(AnswerSaveStatus.Saved, version);
    public static AnswerSaveResult AlreadySaved(long version) => new(AnswerSaveStatus.AlreadySaved, version);
    public static AnswerSaveResult Refused(DomainException e) => new(AnswerSaveStatus.Refused, 0, e.Key, e.Message);
}

/// <param name="MaxBatch">The most saves one commit carries.</param>
/// <param name="Capacity">Saves waiting beyond this make callers wait to enqueue (back-pressure, not loss).</param>
/// <param name="Writers">Commits in flight at once: while one writer waits for its commit to reach the disk, the others
/// decide and send theirs, so PostgreSQL can flush several in one go.</param>
/// <param name="CachedSheets">The attempts the writers keep between batches (all writers together); a writer that
/// reaches its share forgets them all and reads them again as they come. A kept attempt is its sheet and its paper's
/// shape: a few KB, about 10 KB once a 50-question paper is fully answered.</param>
public sealed record AnswerJournalOptions(int MaxBatch, int Capacity, int Writers = 1, int CachedSheets = 20_000)
{
    public static readonly AnswerJournalOptions Default = new(256, 20_000, 2);
}

/// <summary>Counters for dashboards and tests: <see cref="Commits"/> is the number of database transactions written;
/// <see cref="Rewritten"/> counts batches written again one attempt at a time (another node wrote one of their attempts).</summary>
public sealed record AnswerJournalStats(long Saves, long Batches, long Commits, int LargestBatch, long Rewritten);
