using JasperFx.CommandLine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OfficerTraining.IntegrationTests.Harness;

[assembly: AssemblyFixture(typeof(OfficerTraining.EndToEndTests.Harness.E2EApp))]
// One journey at a time: they share one app and one browser on a 2-core machine, next to the other test assemblies.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace OfficerTraining.EndToEndTests.Harness;

/// <summary>
/// The real app on Kestrel at a free port, in Development, on its own schema of the run's PostgreSQL cluster, with the
/// demo city seeded on first start (as a new user gets it), and one headless Chromium — Debian's, at
/// <c>/usr/bin/chromium</c> — for every journey. Shared by the whole run: seeding and browser start happen once.
/// </summary>
public sealed class E2EApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Demo@2026";
    public const string ChromiumPath = "/usr/bin/chromium";

    public string Schema { get; } = "e2e_" + Guid.NewGuid().ToString("N")[..10];
    public string BaseUrl { get; private set; } = "";
    IPlaywright? _playwright;
    public IBrowser Browser { get; private set; } = null!;

    public E2EApp() => UseKestrel(0);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        JasperFxEnvironment.AutoStartHost = true; // Program ends with RunJasperFxCommands
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Marten", TestPostgres.ConnectionString);
        builder.UseSetting("Marten:Schema", Schema);
        builder.UseSetting("PersonalData:Secret", Convert.ToBase64String(Enumerable.Range(7, 32).Select(i => (byte)i).ToArray()));
        builder.UseSetting("DemoData:SeedOnFirstStart", "true");
        builder.UseSetting("Verification:PermitPerMinute", "10000");
    }

    public async ValueTask InitializeAsync()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "localhost").Replace("0.0.0.0", "localhost").Replace("127.0.0.1", "localhost").TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--disable-dev-shm-usage"],
        });
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
        await TestPostgres.DropSchemaAsync(Schema);
    }
}
