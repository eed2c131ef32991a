using System.Security.Cryptography;
using OfficerTraining.Infrastructure;
using OfficerTraining.Shared;

namespace OfficerTraining.Benchmarks;

/// <summary>
/// `verify`: a throwaway durable cluster with a department of certified officers (arranged through the app's own
/// commands), the real app in a process of its own, then wrk against <c>/bench/trivial</c> and the public verification
/// page <c>/verify/{token}</c>, interleaved trivial, verify × 3 after a warm-up of each.
/// </summary>
public static class VerifyBenchmark
{
    const int Rounds = 3;
    static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(5);

    public static async Task<VerifyReport> Run(int officers, int connections, TimeSpan duration, TextWriter progress)
    {
        Wrk.EnsureInstalled();
        await using var cluster = await BenchCluster.Start(progress);
        var (root, database, settings) = (cluster.Root, cluster.Database, cluster.Settings);

        progress.WriteLine($"Arranging {officers} certified officers through the app's commands (not measured) …");
        IReadOnlyList<string> tokens;
        await using (var day = await ExamDay.Open(database))
            tokens = await IssuedCertificates.Arrange(day, officers, progress);
        var tokensFile = Path.Combine(root, "tokens.txt");
        await File.WriteAllLinesAsync(tokensFile, Mix(tokens));
        var script = Path.Combine(root, "verify.lua");
        await File.WriteAllTextAsync(script, Wrk.TokenScript(tokensFile));

        progress.WriteLine("Starting the app (Release, Production) …");
        await using var app = await BenchApp.Start(database, ExamDay.Schema, Path.Combine(root, "app.log"));
        await Check(app, tokens[0]);
        (TimeSpan, TimeSpan) Cpu() => (ProcessCpu.Of(app.ProcessId), ProcessCpu.OfCluster(cluster.DataDirectory));
        var trivial = new Uri(app.BaseUri, "/bench/trivial");

        progress.WriteLine($"Warming up ({WarmUp.TotalSeconds:0} s each) …");
        await Wrk.Run("trivial", trivial, connections, WarmUp, null, Cpu);
        await Wrk.Run("verify", app.BaseUri, connections, WarmUp, script, Cpu);

        var rounds = new List<VerifyRound>();
        for (var r = 1; r <= Rounds; r++)
        {
            progress.WriteLine($"Round {r}/{Rounds}: trivial {duration.TotalSeconds:0} s, then verify {duration.TotalSeconds:0} s …");
            var t = await Wrk.Run("trivial", trivial, connections, duration, null, Cpu);
            var v = await Wrk.Run("verify", app.BaseUri, connections, duration, script, Cpu);
            rounds.Add(new(r, t, v));
        }
        return new(settings, tokens.Count, tokens.Count * 10 / 9 - tokens.Count, connections, duration, rounds);
    }

    /// <summary>The real tokens and one unknown token (same shape) for every nine real ones, shuffled with a fixed seed.</summary>
    static List<string> Mix(IReadOnlyList<string> tokens)
    {
        var unknown = Enumerable.Range(0, tokens.Count / 9).Select(_ =>
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(20)).TrimEnd('=').Replace('+', '-').Replace('/', '_'));
        var all = tokens.Concat(unknown).ToList();
        new Random(2026).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(all));
        return all;
    }

    /// <summary>Both targets answer what they should before anything is measured.</summary>
    static async Task Check(AppProcess app, string token)
    {
        using var http = new HttpClient { BaseAddress = app.BaseUri };
        var ok = await http.GetStringAsync("/bench/trivial");
        if (ok != "OK") throw new InvalidOperationException($"/bench/trivial answered '{ok}'");
        var page = await http.GetStringAsync($"/verify/{token}");
        if (!page.Contains("verdict-", StringComparison.Ordinal)) throw new InvalidOperationException("The verification page shows no verdict");
        var unknown = await http.GetStringAsync("/verify/no-such-token-0123456789abcdef");
        if (!unknown.Contains("verdict-notfound", StringComparison.Ordinal)) throw new InvalidOperationException("An unknown token is not answered as not found");
    }
}
