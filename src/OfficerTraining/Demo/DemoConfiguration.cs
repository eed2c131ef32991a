using Microsoft.Extensions.DependencyInjection;

namespace OfficerTraining.Demo;

public static class DemoConfiguration
{
    /// <summary>The demo city's seeding (scoped: account commands go through Identity), its history and past exams.</summary>
    public static IServiceCollection AddDemoData(this IServiceCollection services) =>
        services.AddScoped<DemoData>().AddSingleton<DemoHistory>().AddSingleton<PastExams>();
}
