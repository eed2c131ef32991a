using Marten;
using OfficerTraining.Exams;

namespace OfficerTraining.Reports.ItemAnalysis;

/// <summary>A session whose window has closed (and that was not cancelled), with its graded, not voided attempts.</summary>
public sealed record FinishedSession(
    Guid SessionId, string Title, ExamPurpose Purpose, int? Year, DateTimeOffset Opens, DateTimeOffset Closes, int Attempts,
    double Mean, double MaxScore);

/// <summary>
/// Item analysis of finished exam sessions, read from the attempt snapshots. A session is finished once its window has
/// closed; attempts still open then are closed and graded by the closer and count from the next read on.
/// </summary>
public sealed class ExamItemAnalysis(IDocumentStore store, TimeProvider clock)
{
    /// <summary>The finished sessions that have graded attempts, the most recently closed first.</summary>
    public async Task<IReadOnlyList<FinishedSession>> FinishedSessions(CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        var sessions = await Finished(session, ct);
        var ids = sessions.Select(s => s.Id).ToArray();
        // Only the results, not the papers: the list shows counts and means.
        var results = (await session.Query<ExamAttempt>()
                .Where(a => ids.Contains(a.SessionId) && a.Status != AttemptStatus.Voided && a.Status != AttemptStatus.InProgress)
                .Select(a => new GradedResult(a.SessionId, a.Result))
                .ToListAsync(ct))
            .Where(r => r.Result is not null).ToLookup(r => r.SessionId, r => r.Result!);
        return [.. sessions.Where(s => results[s.Id].Any()).Select(s =>
        {
            var graded = results[s.Id].ToList();
            return new FinishedSession(s.Id, s.Title, s.Purpose, s.Year, s.Opens, s.Closes, graded.Count,
                graded.Average(r => (double)r.Score), graded.Max(r => (double)r.MaxScore));
        })];
    }

    /// <summary>The analysis of one finished session; null when it is unknown, not finished or has no graded attempt.</summary>
    public async Task<SessionItemAnalysis?> ForSession(Guid sessionId, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        var exam = await session.LoadAsync<ExamSession>(sessionId, ct);
        if (exam is null || !IsFinished(exam)) return null;
        return SessionItemAnalysis.Of(exam, await Graded(session, [sessionId], ct));
    }

    /// <summary>Every finished session's analysis (the question bank's flags average them).</summary>
    public async Task<IReadOnlyList<SessionItemAnalysis>> AllFinished(CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        var sessions = await Finished(session, ct);
        var attempts = (await Graded(session, [.. sessions.Select(s => s.Id)], ct)).ToLookup(a => a.SessionId);
        return [.. sessions.Select(s => SessionItemAnalysis.Of(s, attempts[s.Id])).OfType<SessionItemAnalysis>()];
    }

    bool IsFinished(ExamSession s) => !s.Cancelled && s.Closes <= clock.GetUtcNow();

    async Task<IReadOnlyList<ExamSession>> Finished(IQuerySession session, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await session.Query<ExamSession>().Where(s => s.Closes <= now && !s.Cancelled)
            .OrderByDescending(s => s.Closes).ToListAsync(ct);
    }

    static async Task<IReadOnlyList<ExamAttempt>> Graded(IQuerySession session, Guid[] sessionIds, CancellationToken ct)
    {
        if (sessionIds.Length == 0) return [];
        var attempts = await session.Query<ExamAttempt>()
            .Where(a => sessionIds.Contains(a.SessionId) && a.Status != AttemptStatus.Voided && a.Status != AttemptStatus.InProgress)
            .ToListAsync(ct);
        return [.. attempts.Where(a => a.Result is not null)];
    }

    sealed record GradedResult(Guid SessionId, AttemptResult? Result);
}
