using OfficerTraining.Shared;

namespace OfficerTraining.Benchmarks;

/// <summary>
/// The real app as the benchmarks run it (<see cref="AppProcess"/>, shared with the fault journeys): published in this
/// program's configuration, its <c>db-apply</c> first, then in Production on the benchmark's schema, with no demo data.
/// Some settings differ from a deployment, all for the benchmark only: the verification and sign-in rate limits are
/// raised so the load generator (one client address) is never refused, cookies are not marked Secure (the loopback is
/// plain HTTP), and <c>/bench/trivial</c> is mapped; the caller may add more (see the benchmarks' README).
/// </summary>
public static class BenchApp
{
    public static async Task<AppProcess> Start(string connectionString, string schema, string logFile,
        IReadOnlyDictionary<string, string>? extraSettings = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Marten"] = connectionString,
            ["Marten:Schema"] = schema,
            ["PersonalData:Secret"] = Convert.ToBase64String(ExamDay.PersonalDataSecret),
            ["DemoData:SeedOnFirstStart"] = "false",
            ["Verification:PermitPerMinute"] = "1000000000", // the bench's one address would otherwise get 429 after 30
            ["SignIn:PermitPerMinutePerAddress"] = "1000000000",
            ["Security:SecureCookies"] = "false",
            ["Benchmarks:Endpoints"] = "true",
        };
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string>()) settings[key] = value;
        return await AppProcess.Start(await AppProcess.Published(), "Production", AppProcess.FreePort(), logFile, settings,
            applyDatabaseFirst: true, startTimeout: TimeSpan.FromSeconds(90));
    }
}
