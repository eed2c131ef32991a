using System.Diagnostics;
using System.Net;
using Npgsql;
using OfficerTraining.Infrastructure;
using OfficerTraining.Shared;

namespace OfficerTraining.Benchmarks.Circuits;

public sealed record CircuitsOptions(IReadOnlyList<int> Officers, TimeSpan ThinkTime, TimeSpan Steady, int RampPerSecond,
    bool Compression, int PasswordHashIterations, int Browsers);

/// <summary>
/// `circuits`: a throwaway durable cluster, the exam morning arranged with a sign-in account per officer, the real app
/// started as a separate Production process on it, every officer signed in through the login form; then for each N:
/// open N circuits at the ramp rate, answer open-loop for the steady phase, read the app's memory after a full GC with
/// the N circuits open, leave, and check that the stored AnswerRecorded events are exactly the saves shown as saved.
/// </summary>
public static class CircuitsBenchmark
{
    const int WarmUpCircuits = 50;

    public static async Task<CircuitsReport> Run(CircuitsOptions options, TextWriter progress)
    {
        await using var cluster = await BenchCluster.Start(progress);
        var database = cluster.Database;

        var officers = Math.Max(options.Officers.Max() + options.Browsers, WarmUpCircuits);
        progress.WriteLine($"Arranging {officers} officers with accounts and open attempts (not measured) …");
        var arranged = Stopwatch.StartNew();
        List<Taker> takers;
        await using (var day = await ExamDay.Arrange(database, officers, passwordHashIterations: options.PasswordHashIterations))
            takers = [.. day.Takers];
        progress.WriteLine($"Arranged in {arranged.Elapsed.TotalSeconds:0} s.");

        var log = Path.Combine(Path.GetTempPath(), $"ot-bench-app-{Environment.ProcessId}.log");
        await using var app = await BenchApp.Start(database, ExamDay.Schema, log, new Dictionary<string, string>
        {
            ["Benchmarks:Diagnostics"] = "true",
            ["Identity:PasswordHashIterations"] = options.PasswordHashIterations.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Serilog:MinimumLevel:Default"] = "Warning",
        });
        progress.WriteLine($"App (pid {app.ProcessId}) listening on {app.BaseUri}, log in {app.LogFile}");
        using var http = Client(app.BaseUri);
        progress.WriteLine($"Signing {officers} officers in through /account/login …");
        var cookies = new string[takers.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, takers.Count), new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (i, ct) => cookies[i] = (await SignInForm.SignIn(http, takers[i].Actor.UserName, ExamDay.OfficerPassword, ct))
                [(SignInForm.AuthCookie.Length + 1)..]);

        progress.WriteLine($"Warming up: {WarmUpCircuits} circuits, a few answers each, then closed …");
        var warm = await Level(WarmUpCircuits, TimeSpan.FromSeconds(10), options with { ThinkTime = TimeSpan.FromSeconds(2) },
            takers, cookies, app, http, null, progress);
        await using var browsers = options.Browsers > 0 ? await BrowserOfficers.Launch() : null;

        var levels = new List<CircuitsLevel>();
        foreach (var n in options.Officers)
            levels.Add(await Level(n, options.Steady, options, takers, cookies, app, http, browsers, progress));
        var shown = new[] { warm }.Concat(levels).SelectMany(l => l.Stats.SavedByAttempt)
            .Concat(browsers?.SavedByAttempt ?? [])
            .GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value));
        var integrity = await Integrity.Check(database, ExamDay.Schema, shown);
        return new(options, officers, warm, levels, integrity, app.LogFile);
    }

    static async Task<CircuitsLevel> Level(int n, TimeSpan steady, CircuitsOptions options, IReadOnlyList<Taker> takers,
        IReadOnlyList<string> cookies, AppProcess app, HttpClient http, BrowserOfficers? browsers, TextWriter progress)
    {
        var stats = new CircuitStats();
        var before = await MemoryReading.Of(app, http);
        var officers = Enumerable.Range(0, n)
            .Select(i => new VirtualOfficer(app.BaseUri, cookies[i], takers[i].AttemptId, stats, options.Compression)
            {
                CaptureBatchesTo = i == 0 ? Environment.GetEnvironmentVariable("OT_BENCH_CAPTURE_BATCHES") : null,
            }).ToList();

        progress.WriteLine($"N = {n}: opening circuits at {options.RampPerSecond}/s …");
        var ramp = Stopwatch.StartNew();
        var starts = new List<Task<bool>>(n);
        for (var i = 0; i < n; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / options.RampPerSecond) - ramp.Elapsed;
            if (due > TimeSpan.Zero) await Task.Delay(due);
            starts.Add(officers[i].Start(http, CancellationToken.None));
        }
        var started = await Task.WhenAll(starts);
        var rampTook = ramp.Elapsed;
        progress.WriteLine($"N = {n}: {stats.Established} circuits open after {rampTook.TotalSeconds:0.0} s; answering for {steady.TotalSeconds:0} s " +
                           $"(think time {options.ThinkTime.TotalSeconds:0.#} s) …");

        var cpuBefore = app.CpuTime;
        var generatorBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var until = Stopwatch.GetTimestamp() + (long)(steady.TotalSeconds * Stopwatch.Frequency);
        // The browser tabs (if any) are the officers after the N headless ones, on the same timetable rule.
        var tabs = browsers?.Answer(app.BaseUri, [.. Enumerable.Range(n, options.Browsers).Select(i => (takers[i].AttemptId, cookies[i]))],
            options.ThinkTime, until) ?? Task.CompletedTask;
        await Task.WhenAll(officers.Where((_, i) => started[i]).Select((o, i) =>
            o.Answer(options.ThinkTime, until, new Random(n * 100_003 + i), CancellationToken.None)).Append(tabs));
        var browser = browsers?.Result();
        var elapsed = clock.Elapsed;
        var cpu = app.CpuTime - cpuBefore;
        var generatorCpu = Process.GetCurrentProcess().TotalProcessorTime - generatorBefore;
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

        var open = await MemoryReading.Of(app, http);
        progress.WriteLine($"N = {n}: {stats.Saved} answers saved; leaving …");
        await Parallel.ForEachAsync(officers, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (o, _) => await o.Leave(http));
        return new(n, stats, rampTook, elapsed, before, open, cpu, generatorCpu, load, browser);
    }

    /// <summary>One client for every officer's page loads, sign-ins and disconnects: no cookie jar (cookies are sent by
    /// hand), no redirects followed, enough connections for the ramp.</summary>
    static HttpClient Client(Uri baseUri) => new(new SocketsHttpHandler
    {
        UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = 256,
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30), AutomaticDecompression = DecompressionMethods.None,
    }) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(100) };
}
