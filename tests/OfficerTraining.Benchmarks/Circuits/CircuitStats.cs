using System.Collections.Concurrent;
using HdrHistogram;

namespace OfficerTraining.Benchmarks.Circuits;

/// <summary>What the virtual officers of one level saw, shared by all of them: latencies in microseconds (HdrHistogram,
/// 3 significant digits, up to 10 minutes) and the counts the integrity check needs.</summary>
public sealed class CircuitStats
{
    const long Highest = 600_000_000;
    readonly LongHistogram _ack = new(Highest, 3), _saved = new(Highest, 3), _start = new(Highest, 3);
    long _established, _failedStarts, _clicks, _acked, _saved_, _refused, _timeouts, _jsErrors, _unexpectedCloses, _dispatchErrors, _savingNotShown;

    public ConcurrentDictionary<string, int> JsCalls { get; } = new();
    /// <summary>Answers shown saved, per attempt, for the integrity check's per-attempt comparison.</summary>
    public ConcurrentDictionary<Guid, long> SavedByAttempt { get; } = new();
    public ConcurrentQueue<string> Problems { get; } = new();


    public long Established => Interlocked.Read(ref _established);
    public long FailedStarts => Interlocked.Read(ref _failedStarts);
    public long Clicks => Interlocked.Read(ref _clicks);
    public long Acked => Interlocked.Read(ref _acked);
    public long Saved => Interlocked.Read(ref _saved_);
    public long Refused => Interlocked.Read(ref _refused);
    public long Timeouts => Interlocked.Read(ref _timeouts);
    public long JsErrors => Interlocked.Read(ref _jsErrors);
    public long UnexpectedCloses => Interlocked.Read(ref _unexpectedCloses);
    public long DispatchErrors => Interlocked.Read(ref _dispatchErrors);
    /// <summary>Clicks whose "saving" state was never rendered: the server folded it into the "saved" render.</summary>
    public long SavingNotShown => Interlocked.Read(ref _savingNotShown);
    public long Errors => FailedStarts + Refused + Timeouts + JsErrors + UnexpectedCloses + DispatchErrors;

    public void CircuitStarted(TimeSpan took)
    {
        Interlocked.Increment(ref _established);
        Record(_start, took);
    }

    public void StartFailed(string why) { Interlocked.Increment(ref _failedStarts); Problem(why); }
    public void Clicked() => Interlocked.Increment(ref _clicks);
    public void Acknowledged(TimeSpan latency) { Interlocked.Increment(ref _acked); Record(_ack, latency); }
    public void ShownSaved(Guid attempt, TimeSpan latency)
    {
        Interlocked.Increment(ref _saved_);
        SavedByAttempt.AddOrUpdate(attempt, 1, (_, n) => n + 1);
        Record(_saved, latency);
    }
    public void FoldedSaving() => Interlocked.Increment(ref _savingNotShown);
    public void ShownRefused(string why) { Interlocked.Increment(ref _refused); Problem(why); }
    public void TimedOut(string why) { Interlocked.Increment(ref _timeouts); Problem(why); }
    public void JsError(string message) { Interlocked.Increment(ref _jsErrors); Problem($"JS.Error: {message}"); }
    public void ClosedUnexpectedly(string why) { Interlocked.Increment(ref _unexpectedCloses); Problem($"closed: {why}"); }
    public void DispatchFailed(string why) { Interlocked.Increment(ref _dispatchErrors); Problem($"dispatch failed: {why}"); }

    void Problem(string why)
    {
        if (Problems.Count < 20) Problems.Enqueue(why);
    }

    static void Record(LongHistogram histogram, TimeSpan latency)
    {
        var micros = Math.Clamp((long)latency.TotalMicroseconds, 1, Highest);
        lock (histogram) histogram.RecordValue(micros);
    }

    public Percentiles AckLatency => Of(_ack);
    public Percentiles SavedLatency => Of(_saved);
    public Percentiles StartLatency => Of(_start);

    static Percentiles Of(LongHistogram h)
    {
        lock (h)
            return h.TotalCount == 0 ? new(0, 0, 0, 0)
                : new(h.GetValueAtPercentile(50) / 1000.0, h.GetValueAtPercentile(99) / 1000.0, h.GetMaxValue() / 1000.0, h.TotalCount);
    }
}

/// <summary>Milliseconds.</summary>
public sealed record Percentiles(double P50, double P99, double Max, long Count);
