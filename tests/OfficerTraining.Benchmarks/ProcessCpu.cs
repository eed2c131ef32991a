using System.Globalization;

namespace OfficerTraining.Benchmarks;

/// <summary>CPU time (user + system) of processes, from /proc/&lt;pid&gt;/stat: the app's own, and the benchmark cluster's
/// postmaster and its backends (found by parent pid, so other clusters on the machine do not count).</summary>
public static class ProcessCpu
{
    static readonly double TicksPerSecond = 100; // USER_HZ; 100 on every Linux build we run on

    public static TimeSpan Of(int pid) => Stat(pid) is { } s ? s.Cpu : TimeSpan.Zero;

    /// <summary>The postmaster named in <c>{dataDir}/postmaster.pid</c> and all its children (backends, walwriter …),
    /// including the children that have ended (their time is added to the postmaster's when it reaps them).</summary>
    public static TimeSpan OfCluster(string dataDir)
    {
        var postmaster = int.Parse(File.ReadLines(Path.Combine(dataDir, "postmaster.pid")).First(), CultureInfo.InvariantCulture);
        var total = TimeSpan.Zero;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
            if (int.TryParse(Path.GetFileName(dir), out var pid) && Stat(pid) is { } s && (pid == postmaster || s.ParentPid == postmaster))
                total += s.Cpu + (pid == postmaster ? s.EndedChildrenCpu : TimeSpan.Zero);
        return total;
    }

    static (int ParentPid, TimeSpan Cpu, TimeSpan EndedChildrenCpu)? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) is in parentheses and may hold spaces: split after its closing one.
            var f = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            long Ticks(int field) => long.Parse(f[field], CultureInfo.InvariantCulture);
            return (int.Parse(f[1], CultureInfo.InvariantCulture), TimeSpan.FromSeconds((Ticks(11) + Ticks(12)) / TicksPerSecond),
                TimeSpan.FromSeconds((Ticks(13) + Ticks(14)) / TicksPerSecond));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null; // the process ended meanwhile
        }
    }
}
