using OfficerTraining.Demo;
using OfficerTraining.Infrastructure;

namespace OfficerTraining.Web.Hosting;

/// <summary>Creates the demo city on the first start in Development (DemoData:SeedOnFirstStart, on by default there);
/// never elsewhere unless asked with `-- demo-data`.</summary>
public sealed class DemoDataOnFirstStart(
    IServiceScopeFactory scopes, IHostEnvironment environment, IConfiguration configuration, ILogger<DemoDataOnFirstStart> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        if (!environment.IsDevelopment() || !configuration.GetValue("DemoData:SeedOnFirstStart", true)) return;
        await using var scope = scopes.CreateAsyncScope();
        var demo = scope.ServiceProvider.GetRequiredService<DemoData>();
        if (await demo.IsSeeded(ct))
        {
            // A city seeded before the starter courses shipped gets them now; a city with courses is left alone.
            var courses = await demo.PublishStarterCourses(new Actor(DemoCity.TrainerUserName, [Roles.Trainer]), ct);
            if (courses > 0) logger.LogInformation("Starter courses published: {Count}", courses);
            return;
        }
        var summary = await demo.Seed(configuration.GetValue("DemoData:Seed", 2026), ct);
        logger.LogInformation("Demo data created: {Summary}", summary);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
