using System.Diagnostics;

namespace OfficerTraining.Benchmarks;

/// <summary>What one workload did at one concurrency: acknowledged operations, failures, and every acknowledged
/// operation's latency.</summary>
public sealed record LoadResult(long Acknowledged, long Failed, TimeSpan Elapsed, double[] LatenciesMs)
{
    public double PerSecond => Acknowledged / Elapsed.TotalSeconds;
    public double P50 => Percentile(0.50);
    public double P99 => Percentile(0.99);

    double Percentile(double p) =>
        LatenciesMs.Length == 0 ? double.NaN : LatenciesMs[Math.Min(LatenciesMs.Length - 1, (int)Math.Ceiling(p * LatenciesMs.Length) - 1)];
}

/// <summary>
/// A closed loop: <c>workers</c> callers, each sending its next operation as soon as the previous one is acknowledged,
/// until the duration is up. An operation returns true when acknowledged, false when refused; an exception counts as a
/// failure. Throughput is acknowledged operations over the time until the last caller finished.
/// </summary>
public static class ClosedLoop
{
    public static async Task<LoadResult> Run(int workers, TimeSpan duration, Func<int, Task<bool>> operation)
    {
        var latencies = new List<double>[workers];
        long acknowledged = 0, failed = 0;
        var started = Stopwatch.GetTimestamp();
        var end = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var mine = latencies[w] = new List<double>(4096);
            while (Stopwatch.GetTimestamp() < end)
            {
                var sent = Stopwatch.GetTimestamp();
                bool ok;
                try { ok = await operation(w); }
                catch (Exception) { ok = false; }
                if (!ok) { Interlocked.Increment(ref failed); continue; }
                mine.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                Interlocked.Increment(ref acknowledged);
            }
        })));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var all = latencies.SelectMany(l => l).ToArray();
        Array.Sort(all);
        return new(acknowledged, failed, elapsed, all);
    }
}
