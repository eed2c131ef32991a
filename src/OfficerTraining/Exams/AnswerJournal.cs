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
                await WriteBatch(batch, sheets);
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

    async Task WriteBatch(List<PendingSave> batch, SheetCache sheets)
    {
        var attempts = batch.GroupBy(s => s.Command.AttemptId).ToList();
        try
        {
            await Commit(attempts, sheets, _abort.Token);
        }
        catch (ConcurrencyException) when (!_abort.IsCancellationRequested)
        {
            // Another writer (another node, or a submit, close or void) wrote one of these attempts since this writer
            // last saw it: that must not cost the other officers their saves.
            Interlocked.Increment(ref _rewritten);
            LogConflict(batch.Count);
            foreach (var attempt in attempts) await WriteAlone(attempt, sheets);
        }
        // Anything else (the database is down or slow) fails the batch at once: the pages send their answers again,
        // rather than every attempt of the batch waiting out its own timeout in turn.
    }

    /// <summary>Writes one attempt's saves in a session of their own, deciding again on the attempt as it is now in the
    /// database. Any other failure ends the rewrite: the writer loop fails the saves not yet completed.</summary>
    async Task WriteAlone(IGrouping<Guid, PendingSave> attempt, SheetCache sheets)
    {
        for (var tries = 1; ; tries++)
        {
            sheets.Forget(attempt.Key);
            try
            {
                await Commit([attempt], sheets, _abort.Token);
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

    /// <summary>One session, one commit; waiters complete after it. Each attempt is decided on the sheet this writer last
    /// committed or read (read, with the paper's shape, only when it has none), and its events are appended at the version
    /// that sheet had: if anyone else wrote the attempt since, the commit fails with a concurrency error and nothing of
    /// the batch is written.</summary>
    async Task Commit(IReadOnlyList<IGrouping<Guid, PendingSave>> attempts, SheetCache sheets, CancellationToken ct)
    {
        await using var session = _store.LightweightSession();
        Seed(session, [.. attempts.Select(a => sheets.Get(a.Key)?.Sheet).OfType<AnswerSheet>()]);
        var missing = attempts.Where(a => sheets.Get(a.Key) is null).Select(a => a.Key).ToList();
        var read = missing.Count == 0 ? [] : await Read(session, missing, ct);
        var outcomes = new List<(PendingSave Save, AnswerSaveResult Result)>();
        var decided = new List<KeptSheet>(attempts.Count);
        var writes = 0;
        foreach (var attempt in attempts)
        {
            var stream = read.GetValueOrDefault(attempt.Key).Stream;
            var kept = stream is null ? sheets.Get(attempt.Key) : read[attempt.Key].Kept;
            var events = new List<IEvent>();
            var sheet = Decide(kept, attempt, outcomes, events);
            if (sheet is not null) decided.Add(kept! with { Sheet = sheet });
            if (stream is not null)
            {
                if (events.Count == 0) continue; // decided on the attempt as just read: nothing to check
                stream.AppendMany(events);
            }
            else
            {
                // Decided on the kept sheet: the commit checks its version, also when nothing is appended (a retry, a
                // refusal), so every outcome stands on the attempt as committed, or is decided again.
                var action = session.Events.Append(attempt.Key, events);
                (action.ExpectedVersionOnServer, action.AlwaysEnforceConsistency) = (kept!.Sheet.Version, true);
            }
            writes++;
        }
        if (writes > 0)
        {
            await session.SaveChangesAsync(ct);
            Interlocked.Increment(ref _commits);
        }
        foreach (var kept in decided) sheets.Keep(kept);
        foreach (var (save, result) in outcomes) save.Result.TrySetResult(result);
        Interlocked.Add(ref _saves, outcomes.Count);
    }

    /// <summary>Puts the kept sheets in the session's identity map, where the inline projection looks first for the
    /// sheets it applies the new answers to, so it does not read them from the database. Store puts them there and
    /// queues their writes; ejecting the pending changes takes the writes back and leaves the identity map. A kept sheet
    /// that is stale does no harm: the append at its version fails the whole commit.</summary>
    static void Seed(IDocumentSession session, AnswerSheet[] kept)
    {
        if (kept.Length == 0) return;
        session.UseIdentityMapFor<AnswerSheet>();
        session.Store(kept);
        session.EjectAllPendingChanges();
    }

    /// <summary>The attempts' sheets for writing (the stream version from the streams table) and their papers' shapes.</summary>
    static async Task<Dictionary<Guid, (IEventStream<AnswerSheet> Stream, KeptSheet? Kept)>> Read(IDocumentSession session,
        List<Guid> attemptIds, CancellationToken ct)
    {
        var streams = await session.Events.FetchManyForWriting<AnswerSheet>(attemptIds, ct);
        var papers = (await session.LoadManyAsync<ExamAttempt>(ct, attemptIds)).ToDictionary(a => a.Id, a => PaperShape.Of(a.Paper));
        return streams.ToDictionary(s => s.Id, s => (s, s.Aggregate is { } sheet && papers.TryGetValue(s.Id, out var paper)
            ? new KeptSheet(sheet with { Version = s.StartingVersion ?? 0 }, paper) : null));
    }

    /// <summary>Decides the saves for one attempt in the order they arrived, each on the sheet the previous ones left;
    /// returns the sheet after them (its <see cref="AnswerSheet.Version"/> the stream's version), null when there is none.</summary>
    static AnswerSheet? Decide(KeptSheet? kept, IEnumerable<PendingSave> saves, List<(PendingSave, AnswerSaveResult)> outcomes,
        List<IEvent> appended)
    {
        var sheet = kept?.Sheet;
        foreach (var save in saves)
        {
            try
            {
                if (sheet is null) throw new DomainException("Exam.AttemptNotFound");
                if (sheet.OfficerId != save.Actor.OfficerId) throw new DomainException("Exam.NotYourAttempt");
                var events = AttemptDecider.Decide(save.Command, sheet, kept!.Paper, save.ReceivedAt);
                foreach (var e in events.Cast<AnswerRecorded>())
                {
                    var wrapped = e.AsEvent();
                    wrapped.UserName = save.Actor.UserName; // one session carries many officers' answers
                    appended.Add(wrapped);
                    sheet = AnswerSheet.Apply(e, sheet) with { Version = sheet.Version + 1 };
                }
                outcomes.Add((save, events.Length == 0 ? AnswerSaveResult.AlreadySaved(sheet.Version) : AnswerSaveResult.Saved(sheet.Version)));
            }
            catch (DomainException e)
            {
                outcomes.Add((save, AnswerSaveResult.Refused(e)));
            }
        }
        return sheet;
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
