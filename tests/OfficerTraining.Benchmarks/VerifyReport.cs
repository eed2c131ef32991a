using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OfficerTraining.Benchmarks;

public sealed record VerifyRound(int Round, WrkResult Trivial, WrkResult Verify)
{
    public double Ratio => Verify.PerSecond / Trivial.PerSecond;
}

public sealed record VerifyReport(IReadOnlyDictionary<string, string> Settings, int Certificates, int UnknownTokens, int Connections,
    TimeSpan Duration, IReadOnlyList<VerifyRound> Rounds)
{
    public double MedianRatio => Median(Rounds.Select(r => r.Ratio));

    public string ToTable()
    {
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"PostgreSQL: {string.Join(", ", Settings.Select(kv => $"{kv.Key}={kv.Value}"))}");
        s.AppendLine(CultureInfo.InvariantCulture,
            $"{Certificates} certificates, {UnknownTokens} unknown tokens; wrk -t1 -c{Connections} -d{Duration.TotalSeconds:0}s --latency, trivial then verify, ×{Rounds.Count}");
        s.AppendLine();
        s.AppendLine("round | trivial rps | verify rps | verify/trivial | trivial p50/p99 ms | verify p50/p99 ms | non-2xx t/v | app CPU ms/req t/v | pg CPU ms/req v");
        s.AppendLine("------|-------------|------------|----------------|--------------------|-------------------|-------------|--------------------|----------------");
        foreach (var r in Rounds)
            s.AppendLine(CultureInfo.InvariantCulture,
                $"{r.Round,5} | {r.Trivial.PerSecond,11:0} | {r.Verify.PerSecond,10:0} | {r.Ratio,13:0.000}× | {r.Trivial.P50Ms,8:0.00} / {r.Trivial.P99Ms,7:0.00} | " +
                $"{r.Verify.P50Ms,7:0.00} / {r.Verify.P99Ms,7:0.00} | {r.Trivial.Non2xx + r.Trivial.SocketErrors,5}/{r.Verify.Non2xx + r.Verify.SocketErrors,-5} | " +
                $"{r.Trivial.AppCpuMsPerRequest,8:0.000} / {r.Verify.AppCpuMsPerRequest,7:0.000} | {r.Verify.PostgresCpuMsPerRequest,8:0.000}");
        s.AppendLine(CultureInfo.InvariantCulture,
            $"median| {Median(Rounds.Select(r => r.Trivial.PerSecond)),11:0} | {Median(Rounds.Select(r => r.Verify.PerSecond)),10:0} | {MedianRatio,13:0.000}× | " +
            $"{Median(Rounds.Select(r => r.Trivial.P50Ms)),8:0.00} / {Median(Rounds.Select(r => r.Trivial.P99Ms)),7:0.00} | " +
            $"{Median(Rounds.Select(r => r.Verify.P50Ms)),7:0.00} / {Median(Rounds.Select(r => r.Verify.P99Ms)),7:0.00} |");
        s.AppendLine();
        s.Append(CultureInfo.InvariantCulture, $"Goal verify/trivial ≥ 0.5×: {(MedianRatio >= 0.5 ? "met" : "not met")} " +
            $"(min {Rounds.Min(r => r.Ratio):0.000}×, max {Rounds.Max(r => r.Ratio):0.000}×). Non-2xx counts wrk's non-2xx/3xx answers plus socket errors.");
        return s.ToString();
    }

    public string ToJson() => JsonSerializer.Serialize(new
    {
        settings = Settings, certificates = Certificates, unknownTokens = UnknownTokens, connections = Connections, seconds = Duration.TotalSeconds,
        rounds = Rounds.Select(r => new { round = r.Round, trivial = Summary(r.Trivial), verify = Summary(r.Verify), ratio = Math.Round(r.Ratio, 4) }),
        median = new
        {
            ratio = Math.Round(MedianRatio, 4),
            trivialRps = Math.Round(Median(Rounds.Select(r => r.Trivial.PerSecond)), 1), verifyRps = Math.Round(Median(Rounds.Select(r => r.Verify.PerSecond)), 1),
            trivialP99Ms = Median(Rounds.Select(r => r.Trivial.P99Ms)), verifyP99Ms = Median(Rounds.Select(r => r.Verify.P99Ms)),
        },
    }, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    static object Summary(WrkResult r) => new
    {
        requests = r.Requests, perSecond = r.PerSecond, p50Ms = r.P50Ms, p99Ms = r.P99Ms, non2xx = r.Non2xx, socketErrors = r.SocketErrors,
        appCpuMsPerRequest = Math.Round(r.AppCpuMsPerRequest, 4), postgresCpuMsPerRequest = Math.Round(r.PostgresCpuMsPerRequest, 4),
    };

    static double Median(IEnumerable<double> values)
    {
        var v = values.OrderBy(x => x).ToArray();
        return v.Length == 0 ? double.NaN : v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
    }
}
