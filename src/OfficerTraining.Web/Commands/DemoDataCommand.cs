using JasperFx.CommandLine;
using OfficerTraining.Demo;

namespace OfficerTraining.Web.Commands;

public sealed class DemoDataInput : NetCoreInput
{
    [Description("Seed of the generator: the same seed gives the same city")]
    public int SeedFlag { get; set; } = 2026;
}

[Description("Creates the demo city (agencies, officers, demo accounts) unless the database already has agencies", Name = "demo-data")]
public sealed class DemoDataCommand : JasperFxAsyncCommand<DemoDataInput>
{
    public override async Task<bool> Execute(DemoDataInput input)
    {
        using var host = input.BuildHost();
        await using var scope = host.Services.CreateAsyncScope();
        var summary = await scope.ServiceProvider.GetRequiredService<DemoData>().Seed(input.SeedFlag, CancellationToken.None);
        Console.WriteLine(summary);
        return true;
    }
}
