using OfficerTraining.Exams;

namespace OfficerTraining.Web.Features.Exams.Taking;

/// <summary>Saving: sent and not yet answered. Retrying: the database could not be reached, tried again shortly.</summary>
public enum SaveState { Saved, Saving, Retrying, Refused }

/// <summary>What the page shows for one item: the choice on screen (ORIGINAL option indexes) and whether it is stored.</summary>
public sealed record ItemAnswer(IReadOnlyList<int> Choice, SaveState State, string? Message);

/// <summary>
/// The answers of one exam page (one circuit) and their journey to the database. Every change gets the item's next
/// sequence number and is sent to <see cref="AnswerJournal"/>; "saved" is shown only once the journal says it is
/// committed. A save that throws (database unreachable) keeps the choice on screen as unsaved and is retried with
/// backoff until it is saved; a newer choice made meanwhile replaces it. One worker per item keeps an item's saves in
/// order. All of it runs on the circuit's synchronization context, so no locks are needed.
/// </summary>
public sealed class AnswerSaver(
    Guid attemptId,
    IEnumerable<string> items,
    AnswerSheet answers,
    Func<RecordAnswer, CancellationToken, Task<AnswerSaveResult>> save,
    Func<CancellationToken, Task<AnswerSheet?>> reload,
    Func<Task> changed,
    TimeProvider clock,
    ILogger logger) : IDisposable
{
    static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1), LongestRetry = TimeSpan.FromSeconds(8);

    sealed class Entry(IReadOnlyList<int> choice, long sequence)
    {
        public IReadOnlyList<int> Choice = choice;
        public long Sequence = sequence, Settled = sequence;
        public SaveState State = SaveState.Saved;
        public string? Message;
        public Task? Worker;
    }

    readonly Dictionary<string, Entry> _entries = items.ToDictionary(key => key,
        key => new Entry(answers.AnswerTo(key), answers.Sequences.GetValueOrDefault(key)));
    readonly CancellationTokenSource _stop = new();

    public ItemAnswer this[string key]
    {
        get
        {
            var e = _entries[key];
            return new(e.Choice, e.State, e.Message);
        }
    }

    /// <summary>Items shown as chosen but not (yet) stored.</summary>
    public IReadOnlyList<string> Unsaved => [.. _entries.Where(e => e.Value.State != SaveState.Saved).Select(e => e.Key)];

    public bool Pending => _entries.Values.Any(e => e.State is SaveState.Saving or SaveState.Retrying);

    /// <summary>The message key of a refusal saying the attempt is closed or voided: nothing more can be saved.</summary>
    public string? ClosedBecause { get; private set; }

    public void Choose(string key, IReadOnlyList<int> choice)
    {
        var e = _entries[key];
        (e.Choice, e.State, e.Message) = (choice, SaveState.Saving, null);
        e.Sequence++;
        if (e.Worker is null || e.Worker.IsCompleted) e.Worker = Work(key, e);
    }

    /// <summary>Waits (at most <paramref name="timeout"/>) until every change is stored or refused; false if some are not.</summary>
    public async Task<bool> Settle(TimeSpan timeout)
    {
        var workers = _entries.Values.Select(e => e.Worker).OfType<Task>().Where(t => !t.IsCompleted).ToList();
        if (workers.Count > 0) await Task.WhenAny(Task.WhenAll(workers), Task.Delay(timeout, clock, _stop.Token));
        return !Pending;
    }

    async Task Work(string key, Entry e)
    {
        var backoff = FirstRetry;
        while (e.Settled < e.Sequence && !_stop.IsCancellationRequested)
        {
            var (choice, sequence) = (e.Choice, e.Sequence);
            try
            {
                var result = await save(new RecordAnswer(attemptId, key, choice, sequence), _stop.Token);
                if (result.Status == AnswerSaveStatus.AlreadySaved && !await StoredAs(key, e, choice)) continue;
                e.Settled = sequence;
                backoff = FirstRetry;
                if (sequence == e.Sequence) Settled(e, result);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Answer {Item} of attempt {AttemptId} not saved; retrying in {Delay}", key, attemptId, backoff);
                e.State = SaveState.Retrying;
                await changed();
                if (!await Wait(backoff)) return;
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, LongestRetry.Ticks));
                continue;
            }
            await changed();
        }
    }

    void Settled(Entry e, AnswerSaveResult result)
    {
        if (result.Status != AnswerSaveStatus.Refused)
        {
            (e.State, e.Message) = (SaveState.Saved, null);
            return;
        }
        (e.State, e.Message) = (SaveState.Refused, result.Message);
        if (result.MessageKey is "Exam.AttemptClosed" or "Exam.AttemptVoided") ClosedBecause = result.MessageKey;
    }

    /// <summary>"Already saved" is a retry of a committed save, or this sequence number was used by the same attempt open
    /// on another device. Only the first is "saved": otherwise this page's choice, the officer's latest, goes again with
    /// a number past the stored one.</summary>
    async Task<bool> StoredAs(string key, Entry e, IReadOnlyList<int> choice)
    {
        var stored = await reload(_stop.Token);
        if (stored is null || !stored.IsOpen) return true; // the next save is refused with the reason
        if (stored.AnswerTo(key).Order().SequenceEqual(choice.Distinct().Order())) return true;
        e.Sequence = Math.Max(e.Sequence, stored.Sequences.GetValueOrDefault(key) + 1);
        return false;
    }

    async Task<bool> Wait(TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, clock, _stop.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Stops retrying (the circuit is gone). Nothing unsaved was ever shown as saved.</summary>
    public void Dispose() => _stop.Cancel();
}
