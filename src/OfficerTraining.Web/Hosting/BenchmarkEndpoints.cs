namespace OfficerTraining.Web.Hosting;

/// <summary>The reference the capacity benchmarks compare pages with (tests/OfficerTraining.Benchmarks, `verify`):
/// <c>GET /bench/trivial</c> answers "OK" through the same middleware as every page. Mapped only when
/// <c>Benchmarks:Endpoints</c> is true, which no deployed configuration sets.</summary>
public static class BenchmarkEndpoints
{
    public const string Setting = "Benchmarks:Endpoints";

    public static void MapBenchmarkEndpoints(this WebApplication app)
    {
        if (!app.Configuration.GetValue(Setting, false)) return;
        app.MapGet("/bench/trivial", () => "OK").AllowAnonymous();
    }
}
