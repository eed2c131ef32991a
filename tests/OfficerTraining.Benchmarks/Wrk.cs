using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace OfficerTraining.Benchmarks;

/// <summary>One wrk run: requests per second, latency percentiles, and the answers that were not 2xx/3xx.</summary>
public sealed record WrkResult(string Target, long Requests, double PerSecond, double P50Ms, double P99Ms, long Non2xx, long SocketErrors,
    TimeSpan AppCpu, TimeSpan PostgresCpu)
{
    public double AppCpuMsPerRequest => Requests == 0 ? double.NaN : AppCpu.TotalMilliseconds / Requests;
    public double PostgresCpuMsPerRequest => Requests == 0 ? double.NaN : PostgresCpu.TotalMilliseconds / Requests;
}

/// <summary>Runs <c>wrk -t1 -cN -dS --latency</c> and reads its report.</summary>
public static partial class Wrk
{
    public const string Missing = "wrk is not installed. Install it with `apt-get install -y wrk` (Debian/Ubuntu) and run again.";

    public static void EnsureInstalled()
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("wrk", "--version") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            p.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException(Missing);
        }
    }

    public static async Task<WrkResult> Run(string target, Uri url, int connections, TimeSpan duration, string? script,
        Func<(TimeSpan App, TimeSpan Postgres)> cpu)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-t1", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", "--latency" }) start.ArgumentList.Add(a);
        if (script is not null) { start.ArgumentList.Add("-s"); start.ArgumentList.Add(script); }
        start.ArgumentList.Add(url.ToString());
        var before = cpu();
        using var wrk = Process.Start(start)!;
        var output = await wrk.StandardOutput.ReadToEndAsync();
        var errors = await wrk.StandardError.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        var after = cpu();
        if (wrk.ExitCode != 0) throw new InvalidOperationException($"wrk failed ({wrk.ExitCode}): {errors}\n{output}");
        return Parse(target, output, after.App - before.App, after.Postgres - before.Postgres);
    }

    static WrkResult Parse(string target, string output, TimeSpan appCpu, TimeSpan postgresCpu)
    {
        var requests = long.Parse(Requests().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var rps = double.Parse(Rps().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var non2xx = Non2xx().Match(output) is { Success: true } n ? long.Parse(n.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var socket = SocketErrors().Match(output) is { Success: true } s
            ? s.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture)) : 0;
        return new(target, requests, rps, Percentile(output, "50"), Percentile(output, "99"), non2xx, socket, appCpu, postgresCpu);
    }

    static double Percentile(string output, string p)
    {
        var m = Regex.Match(output, $@"^\s+{p}%\s+([\d.]+)(us|ms|s|m)\s*$", RegexOptions.Multiline);
        if (!m.Success) throw new InvalidOperationException($"wrk printed no {p}% latency:\n{output}");
        var value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return m.Groups[2].Value switch { "us" => value / 1000, "ms" => value, "s" => value * 1000, _ => value * 60_000 };
    }

    [GeneratedRegex(@"(\d+) requests in")] private static partial Regex Requests();
    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")] private static partial Regex Rps();
    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")] private static partial Regex Non2xx();
    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")] private static partial Regex SocketErrors();

    /// <summary>A script that cycles through the tokens in <paramref name="tokensFile"/>, one per line.</summary>
    public static string TokenScript(string tokensFile) => $$"""
        -- Cycles through the benchmark's tokens (real ones and about 10 % unknown ones), one GET /verify/{token} each.
        local tokens = {}
        for line in io.lines("{{tokensFile}}") do tokens[#tokens + 1] = line end
        local i = 0
        request = function()
          i = i % #tokens + 1
          return wrk.format("GET", "/verify/" .. tokens[i])
        end
        """;
}
