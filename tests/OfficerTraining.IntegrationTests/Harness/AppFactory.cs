using System.Net;
using System.Text.RegularExpressions;
using JasperFx.CommandLine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OfficerTraining.Accounts;
using OfficerTraining.Agencies;
using OfficerTraining.Infrastructure;
using OfficerTraining.Officers;

namespace OfficerTraining.IntegrationTests.Harness;

/// <summary>The real app (Program) on its own schema of the run's PostgreSQL, without demo data, with a small city and
/// one account per role: "officer", "trainer", ... all with <see cref="Password"/>. A second node on the same database is
/// another factory with the first one's <see cref="Schema"/> that is not initialized (the city is there already).</summary>
public sealed class AppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Test@2026";
    public string Schema { get; init; } = "w_" + Guid.NewGuid().ToString("N")[..10];
    public string Environment { get; init; } = "Development";
    /// <summary>Settings over the defaults below, e.g. low rate limits or trusted proxies.</summary>
    public Dictionary<string, string> Settings { get; init; } = [];
    public Guid OfficerId { get; } = Guid.CreateVersion7();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        JasperFxEnvironment.AutoStartHost = true; // Program ends with RunJasperFxCommands
        builder.UseEnvironment(Environment);
        builder.UseSetting("ConnectionStrings:Marten", TestPostgres.ConnectionString);
        builder.UseSetting("Marten:Schema", Schema);
        builder.UseSetting("PersonalData:Secret", Convert.ToBase64String(StoreFixture.PersonalDataSecret));
        builder.UseSetting("DemoData:SeedOnFirstStart", "false");
        // Every test signs in from the same (unknown) address, many times as "officer": only SignInRateLimitTests limit.
        builder.UseSetting("SignIn:PermitPerMinutePerAddress", "100000");
        builder.UseSetting("SignIn:PermitPerMinutePerUser", "100000");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    public async ValueTask InitializeAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var city = new RegisterAgency(Guid.CreateVersion7(), "410400", "平顶山市", AgencyLevel.City, null, []);
        var department = new RegisterAgency(Guid.CreateVersion7(), "410400CG01", "平顶山市城市管理局", AgencyLevel.Department,
            city.AgencyId, [EnforcementDomain.UrbanManagement]);
        await services.GetRequiredService<AgencyCommands>().Handle(city, Actor.System);
        await services.GetRequiredService<AgencyCommands>().Handle(department, Actor.System);
        await services.GetRequiredService<OfficerCommands>().Handle(new RegisterOfficer(OfficerId, "张伟", department.AgencyId,
            "执法队员", [EnforcementDomain.UrbanManagement], EmploymentType.Established, Arrange.UniqueNationalId()), Actor.System);
        foreach (var role in Roles.All)
            await services.GetRequiredService<AccountCommands>().Handle(new CreateAccount(Guid.CreateVersion7(), role.ToLowerInvariant(),
                role == Roles.Officer ? "张伟" : role, Password, [role], role == Roles.Officer ? OfficerId : null), Actor.System);
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests can see where they point.</summary>
    public HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the real form (antiforgery token included); returns the response to the post.</summary>
    public async Task<HttpResponseMessage> SignIn(HttpClient client, string userName, string password = Password)
    {
        var page = await client.GetStringAsync("/account/login");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = userName, ["Input.Password"] = password,
        }));
    }

    public async Task<HttpClient> SignedIn(string userName)
    {
        var client = Client();
        var response = await SignIn(client, userName);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "the sign-in of {0} should succeed", userName);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await TestPostgres.DropSchemaAsync(Schema);
    }
}
