using System.Diagnostics;
using System.Globalization;

namespace OfficerTraining.Benchmarks;

/// <summary>CPU time used so far by this process (the app's code and the load) and by the PostgreSQL cluster (the
/// postmaster, its live children, and the children it has reaped), read from /proc: the per-operation costs that a
/// shared 2-core box can still compare.</summary>
public sealed class CpuMeter(string clusterDataRoot)
{
    static readonly double MsPerTick = 1000.0 / ClockTicksPerSecond();

    public readonly record struct Sample(double ThisProcessMs, double PostgresMs)
    {
        public static Sample operator -(Sample a, Sample b) => new(a.ThisProcessMs - b.ThisProcessMs, a.PostgresMs - b.PostgresMs);
    }

    public Sample Read()
    {
        using var self = Process.GetCurrentProcess();
        return new(self.TotalProcessorTime.TotalMilliseconds, PostgresTicks() * MsPerTick);
    }

    long PostgresTicks()
    {
        var postmaster = int.Parse(File.ReadLines(Path.Combine(clusterDataRoot, "data", "postmaster.pid")).First(), CultureInfo.InvariantCulture);
        long ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), CultureInfo.InvariantCulture, out var pid)) continue;
            var stat = Stat(pid);
            if (stat is null) continue;
            // Fields after the command name: [1] ppid, [11] utime, [12] stime, [13] cutime, [14] cstime (proc(5), 0-based from state).
            if (pid == postmaster) ticks += stat[11] + stat[12] + stat[13] + stat[14];
            else if (stat[1] == postmaster) ticks += stat[11] + stat[12];
        }
        return ticks;
    }

    static long[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return [.. fields.Take(15).Select((f, i) => i == 0 ? 0 : long.Parse(f, CultureInfo.InvariantCulture))];
        }
        catch (IOException)
        {
            return null; // the process ended meanwhile
        }
    }

    static int ClockTicksPerSecond()
    {
        using var getconf = Process.Start(new ProcessStartInfo("getconf", "CLK_TCK") { RedirectStandardOutput = true })!;
        var output = getconf.StandardOutput.ReadToEnd().Trim();
        getconf.WaitForExit();
        return int.TryParse(output, CultureInfo.InvariantCulture, out var hz) ? hz : 100;
    }
}
