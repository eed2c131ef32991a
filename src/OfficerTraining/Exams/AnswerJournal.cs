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
/// the page says "saved" only then. Saves from many officers at the same moment share commits: callers enqueue; one
/// writer drains what is waiting, fetches each attempt once, decides every save in order on an evolving copy, appends,
/// and commits once. A refusal refuses only its own save. If another node wrote one of the attempts meanwhile, the batch
/// is written again one attempt at a time. Every waiter is completed: with a result, the error, or cancelled on shutdown.
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
                await WriteBatch(batch);
            }
            catch (Exception e)
            {
                if (!_abort.IsCancellationRequested) LogSavesFailed(e, batch.Count);
                foreach (var save in batch) save.Fail(e);
            }
        }
    }

    async Task WriteBatch(List<PendingSave> batch)
    {
        var attempts = batch.GroupBy(s => s.Command.AttemptId).ToList();
        try
        {
            await Commit(attempts, _abort.Token);
        }
        catch (ConcurrencyException) when (!_abort.IsCancellationRequested)
        {
            // Another node wrote one of these attempts since the fetch: that must not cost the other officers their saves.
            Interlocked.Increment(ref _rewritten);
            LogConflict(batch.Count);
            foreach (var attempt in attempts) await WriteAlone(attempt);
        }
        // Anything else (the database is down or slow) fails the batch at once: the pages send their answers again,
        // rather than every attempt of the batch waiting out its own timeout in turn.
    }

    /// <summary>Writes one attempt's saves in a session of their own, deciding again on what the other node wrote. Any
    /// other failure ends the rewrite: the writer loop fails the saves not yet completed.</summary>
    async Task WriteAlone(IGrouping<Guid, PendingSave> attempt)
    {
        for (var tries = 1; ; tries++)
        {
            try
            {
                await Commit([attempt], _abort.Token);
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

    /// <summary>One session, one fetch of each attempt's answer sheet (one round trip for all), one commit; waiters complete
    /// after it.</summary>
    async Task Commit(IReadOnlyList<IGrouping<Guid, PendingSave>> attempts, CancellationToken ct)
    {
        await using var session = _store.LightweightSession();
        var streams = await session.Events.FetchManyForWriting<AnswerSheet>([.. attempts.Select(a => a.Key)], ct);
        var outcomes = new List<(PendingSave Save, AnswerSaveResult Result)>();
        var appended = 0;
        for (var i = 0; i < attempts.Count; i++) appended += Decide(streams[i], attempts[i], outcomes);
        if (appended > 0)
        {
            await session.SaveChangesAsync(ct);
            Interlocked.Increment(ref _commits);
        }
        foreach (var (save, result) in outcomes) save.Result.TrySetResult(result);
        Interlocked.Add(ref _saves, outcomes.Count);
    }

    /// <summary>Decides the saves for one attempt in the order they arrived, each on the state the previous ones left.</summary>
    static int Decide(IEventStream<AnswerSheet> stream, IEnumerable<PendingSave> saves, List<(PendingSave, AnswerSaveResult)> outcomes)
    {
        var state = stream.Aggregate;
        var version = stream.StartingVersion ?? 0;
        var appended = 0;
        foreach (var save in saves)
        {
            try
            {
                if (state is null) throw new DomainException("Exam.AttemptNotFound");
                if (state.OfficerId != save.Actor.OfficerId) throw new DomainException("Exam.NotYourAttempt");
                var events = AttemptDecider.Decide(save.Command, state, save.ReceivedAt);
                foreach (var e in events.Cast<AnswerRecorded>())
                {
                    var wrapped = e.AsEvent();
                    wrapped.UserName = save.Actor.UserName; // one session carries many officers' answers
                    stream.AppendOne(wrapped);
                    state = AnswerSheet.Apply(e, state);
                }
                version += events.Length;
                appended += events.Length;
                outcomes.Add((save, events.Length == 0 ? AnswerSaveResult.AlreadySaved(version) : AnswerSaveResult.Saved(version)));
            }
            catch (DomainException e)
            {
                outcomes.Add((save, AnswerSaveResult.Refused(e)));
            }
        }
        return appended;
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
