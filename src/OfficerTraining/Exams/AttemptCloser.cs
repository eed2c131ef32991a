using JasperFx;
using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OfficerTraining.Exams;

/// <param name="Interval">Time between scans.</param>
/// <param name="MaxPerScan">The most attempts one query returns; a full page is followed by another at once.</param>
public sealed record AttemptCloserOptions(TimeSpan Interval, int MaxPerScan)
{
    public static readonly AttemptCloserOptions Default = new(TimeSpan.FromSeconds(15), 500);
}

/// <summary>
/// Closes and grades attempts nobody submitted, once their deadline and the grace have passed. It runs on every node and
/// keeps no state of its own: each scan reads the open attempts from the database (so a restart or a crashed node loses
/// nothing), and each close is an optimistic write, so when two nodes (or a late submit) race, one wins and the others
/// skip.
/// </summary>
public sealed partial class AttemptCloser(
    IDocumentStore store, TimeProvider clock, AttemptCloserOptions options, ILogger<AttemptCloser> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var closed = await CloseExpired(stoppingToken);
                if (closed > 0) LogClosed(closed);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogScanFailed(e); // the database may be back next time; the attempts are still there
            }
            try
            {
                await Task.Delay(options.Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One scan: closes every attempt open past its deadline plus <see cref="AttemptDecider.Grace"/>; returns how
    /// many this node closed (attempts another writer closed first are not counted).</summary>
    public async Task<int> CloseExpired(CancellationToken ct = default)
    {
        var closed = 0;
        while (true)
        {
            var now = clock.GetUtcNow();
            var cutoff = now - AttemptDecider.Grace;
            IReadOnlyList<Guid> expired;
            await using (var query = store.QuerySession())
                expired = await query.Query<ExamAttempt>()
                    .Where(a => a.Status == AttemptStatus.InProgress && a.Deadline < cutoff)
                    .OrderBy(a => a.Deadline).Select(a => a.Id).Take(options.MaxPerScan).ToListAsync(ct);
            var closedNow = 0;
            foreach (var id in expired)
                if (await Close(id, now, ct)) closedNow++;
            closed += closedNow;
            if (expired.Count < options.MaxPerScan || closedNow == 0) return closed;
        }
    }

    async Task<bool> Close(Guid attemptId, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            await using var session = store.LightweightSession();
            session.LastModifiedBy = "attempt-closer";
            var stream = await session.Events.FetchForWriting<ExamAttempt>(attemptId, ct);
            if (stream.Aggregate is not { } attempt) return false;
            var events = AttemptDecider.Decide(new CloseExpiredAttempt(attemptId), attempt, await AttemptAnswers.AnswersAfter(session, stream, ct), now);
            if (events.Length == 0) return false;
            stream.AppendMany(events);
            await session.SaveChangesAsync(ct);
            return true;
        }
        catch (ConcurrencyException)
        {
            return false; // another node, the officer's submit or an answer in the grace got there first: next scan decides
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogCloseFailed(e, attemptId);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed and graded {Count} expired exam attempts")]
    partial void LogClosed(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scanning for expired exam attempts failed")]
    partial void LogScanFailed(Exception e);

    [LoggerMessage(Level = LogLevel.Error, Message = "Closing exam attempt {AttemptId} failed")]
    partial void LogCloseFailed(Exception e, Guid attemptId);
}
