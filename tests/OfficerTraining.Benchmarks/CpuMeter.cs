using System.Diagnostics;

namespace OfficerTraining.Benchmarks;

/// <summary>CPU time used so far by this process (the app's code and the load) and by the benchmark's PostgreSQL
/// cluster (<see cref="ProcessCpu.OfCluster"/>): the per-operation costs a shared 2-core box can still compare.</summary>
public sealed class CpuMeter(string clusterDataDirectory)
{
    public readonly record struct Sample(double ThisProcessMs, double PostgresMs)
    {
        public static Sample operator -(Sample a, Sample b) => new(a.ThisProcessMs - b.ThisProcessMs, a.PostgresMs - b.PostgresMs);
    }

    public Sample Read()
    {
        using var self = Process.GetCurrentProcess();
        return new(self.TotalProcessorTime.TotalMilliseconds, ProcessCpu.OfCluster(clusterDataDirectory).TotalMilliseconds);
    }
}
