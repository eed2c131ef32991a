using System.Threading.Channels;
using JasperFx;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OfficerTraining.Infrastructure;

namespace OfficerTraining.Exams;

/// <summary>
/// The durable answer path. <see cref="Save"/> returns only once the answer is committed in PostgreSQL (or refused), so
/// the page says "saved" only then. Saves from many officers at the same moment share commits: callers enqueue; each
/// writer drains what is waiting, decides every save in order on an evolving copy of its attempt's answer sheet, appends,
/// and commits once. A writer keeps the sheets it committed (see <see cref="SheetCache"/>), so a batch reads from the
/// database only the attempts it has not seen; the append still names the version the sheet was decided on. A refusal
/// refuses only its own save. If anyone else wrote one of the attempts meanwhile (another node, a submit, the closer),
/// the commit fails as a whole and the batch is written again one attempt at a time, each decided on the attempt as
/// the database has it. Every waiter is completed: with a result, the error, or cancelled on shutdown.
/// </summary>
public sealed partial class AnswerJournal : IHostedService, IAsyncDisposable
{
    readonly IDocumentStore _store;
    readonly TimeProvider _clock;
    readonly ILogger<AnswerJournal> _logger;
    readonly AnswerJournalOptions _options;
    readonly Channel<PendingSave>[] _queues;
    readonly CancellationTokenSource _abort = new();
    readonly Task[] _writers;
    long _saves, _batches, _commits, _rewritten;
    int _largestBatch;

    public AnswerJournal(IDocumentStore store, TimeProvider clock, ILogger<AnswerJournal> logger, AnswerJournalOptions options)
    {
        (_store, _clock, _logger, _options) = (store, clock, logger, options);
        _queues = [.. Enumerable.Range(0, options.Writers).Select(_ => Channel.CreateBounded<PendingSave>(
            new BoundedChannelOptions(Math.Max(1, options.Capacity / options.Writers))
            {
                SingleReader = true, FullMode = BoundedChannelFullMode.Wait,
            }))];
        _writers = [.. _queues.Select(queue => Task.Run(() => WriteLoop(queue.Reader)))];
    }

    /// <summary>Each attempt has one writer, so its saves are decided in the order they arrived and two writers of this
    /// node never race each other for one stream.</summary>
    Channel<PendingSave> QueueOf(Guid attemptId) => _queues[(int)((uint)attemptId.GetHashCode() % (uint)_queues.Length)];

    public AnswerJournalStats Stats => new(Interlocked.Read(ref _saves), Interlocked.Read(ref _batches),
        Interlocked.Read(ref _commits), Volatile.Read(ref _largestBatch), Interlocked.Read(ref _rewritten));

    /// <summary>Records an officer's answer on their own attempt. Throws when it could not be written (database down,
    /// shutting down): the page keeps the answer and tries again; a retry of a saved answer is AlreadySaved. Cancelling
    /// <paramref name="ct"/> stops the wait, not the save.</summary>
    public async Task<AnswerSaveResult> Save(RecordAnswer command, Actor actor, CancellationToken ct = default)
    {
        try
        {
            actor.Require(Roles.Officer);
        }
        catch (DomainException e)
        {
            return AnswerSaveResult.Refused(e);
        }
        var pending = new PendingSave(command, actor, _clock.GetUtcNow()); // judged against the deadline as received
        try
        {
            await QueueOf(command.AttemptId).Writer.WriteAsync(pending, ct);
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException("The answer journal has stopped: the answer was not saved.");
        }
        return await pending.Result.Task.WaitAsync(ct);
    }

    async Task WriteLoop(ChannelReader<PendingSave> queue)
    {
        var batch = new List<PendingSave>(_options.MaxBatch);
        var sheets = new SheetCache(_options.CachedSheets / _options.Writers);
        await using var database = new AnswerBatch(_store);
        while (true)
        {
            try
            {
                // No token: the loop ends when StopAsync completes the queue and the writer has drained it.
                if (!await queue.WaitToReadAsync()) return;
                batch.Clear();
                while (batch.Count < _options.MaxBatch && queue.TryRead(out var save)) batch.Add(save);
                Interlocked.Increment(ref _batches);
                InterlockedMax(ref _largestBatch, batch.Count);
                await WriteBatch(batch, sheets, database);
            }
            catch (Exception e)
            {
                if (!_abort.IsCancellationRequested) LogSavesFailed(e, batch.Count);
                foreach (var save in batch)
                {
                    sheets.Forget(save.Command.AttemptId); // the commit may or may not have happened
                    save.Fail(e);
                }
            }
        }
    }

    async Task WriteBatch(List<PendingSave> batch, SheetCache sheets, AnswerBatch database)
    {
        var attempts = batch.GroupBy(s => s.Command.AttemptId).ToList();
        try
        {
            await Commit(attempts, sheets, database, _abort.Token);
        }
        catch (ConcurrencyException) when (!_abort.IsCancellationRequested)
        {
            // Another writer (another node, or a submit, close or void) wrote one of these attempts since this writer
            // last saw it: that must not cost the other officers their saves.
            Interlocked.Increment(ref _rewritten);
            LogConflict(batch.Count);
            foreach (var attempt in attempts) await WriteAlone(attempt, sheets, database);
        }
        // Anything else (the database is down or slow) fails the batch at once: the pages send their answers again,
        // rather than every attempt of the batch waiting out its own timeout in turn.
    }

    /// <summary>Writes one attempt's saves in a batch of their own, deciding again on the attempt as it is now in the
    /// database. Any other failure ends the rewrite: the writer loop fails the saves not yet completed.</summary>
    async Task WriteAlone(IGrouping<Guid, PendingSave> attempt, SheetCache sheets, AnswerBatch database)
    {
        for (var tries = 1; ; tries++)
        {
            sheets.Forget(attempt.Key);
            try
            {
                await Commit([attempt], sheets, database, _abort.Token);
                return;
            }
            catch (ConcurrencyException e) when (tries >= 3)
            {
                LogAttemptFailed(e, attempt.Key); // still racing another node: these pages send their answers again
                foreach (var save in attempt) save.Fail(e);
                return;
            }
            catch (ConcurrencyException) when (!_abort.IsCancellationRequested)
            {
            }
        }
    }

    static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
            if (Interlocked.CompareExchange(ref target, value, seen) == seen) return;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Takes no more saves and writes those already waiting; if the host stops waiting first, the rest are
    /// cancelled (their pages did not show "saved", and will send them again).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var queue in _queues) queue.Writer.TryComplete();
        try
        {
            await Task.WhenAll(_writers).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await _abort.CancelAsync(); // the writer's database calls end now, and every waiter left is cancelled
            try
            {
                await Task.WhenAll(_writers).WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (TimeoutException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        // _abort is not disposed: a writer still inside the database after the wait above must be able to read it.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await StopAsync(timeout.Token);
    }

    sealed record PendingSave(RecordAnswer Command, Actor Actor, DateTimeOffset ReceivedAt)
    {
        public TaskCompletionSource<AnswerSaveResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Fail(Exception e)
        {
            if (e is OperationCanceledException) Result.TrySetCanceled();
            else Result.TrySetException(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Another writer changed an attempt of a batch of {Count} answers; retrying one attempt at a time")]
    partial void LogConflict(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} answers could not be written")]
    partial void LogSavesFailed(Exception e, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answers to attempt {AttemptId} lost three races with another node")]
    partial void LogAttemptFailed(Exception e, Guid attemptId);
}
