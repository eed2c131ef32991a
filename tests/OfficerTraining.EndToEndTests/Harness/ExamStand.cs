using JasperFx;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OfficerTraining.Accounts;
using OfficerTraining.Agencies;
using OfficerTraining.Exams;
using OfficerTraining.Infrastructure;
using OfficerTraining.IntegrationTests.Exams;
using OfficerTraining.Officers;
using OfficerTraining.QuestionBank.Import;
using OfficerTraining.Shared;

namespace OfficerTraining.EndToEndTests.Harness;

/// <summary>
/// An exam hall for the fault tests: a durable PostgreSQL cluster of its own (fsync and synchronous commits on, as
/// the app's own; a test may crash it) at a fixed port, a schema
/// arranged through the app's own commands (a city, <see cref="Officers"/> officers with accounts "officer1"…, a small
/// approved bank and a 30-minute session open now), and the app in an OS process of its own (a test may kill it).
/// </summary>
public sealed class ExamStand : IAsyncLifetime
{
    public const string Password = "Fault@2026";
    public const int Officers = 2;
    static readonly byte[] Secret = [.. Enumerable.Range(40, 32).Select(i => (byte)i)];
    readonly int _appPort = AppProcess.FreePort();
    readonly string _root = Path.Combine("/tmp", $"pgtest-{Environment.ProcessId}-faults"); // swept like the run's cluster
    ServiceProvider _services = null!;

    public string Schema { get; } = "ft_" + Guid.NewGuid().ToString("N")[..10];
    public PostgresCluster Cluster { get; private set; } = null!;
    public string ConnectionString { get; private set; } = "";
    public DocumentStore Store { get; private set; } = null!;
    public AppProcess App { get; private set; } = null!;
    public Guid SessionId { get; } = Guid.CreateVersion7();
    public string LogFile => Path.Combine(Folders.Traces, $"app-{Schema}.log");

    public async ValueTask InitializeAsync()
    {
        Cluster = new PostgresCluster(new PostgresClusterOptions(_root, Durable: true, Port: AppProcess.FreePort()));
        await Cluster.StopAsync(removeData: true);
        ConnectionString = await Cluster.StartAsync(CancellationToken.None);
        Store = DocumentStore.For(o =>
        {
            o.ConfigureOfficerTraining(ConnectionString, Schema);
            o.AutoCreateSchemaObjects = AutoCreate.All;
        });
        await Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var services = new ServiceCollection().AddLogging().AddSingleton<IDocumentStore>(Store).AddSingleton(TimeProvider.System)
            .AddOfficerTraining(_ => Secret);
        services.AddAccounts();
        _services = services.BuildServiceProvider();
        await Arrange();
        await StartApp();
    }

    async Task Arrange()
    {
        await using var scope = _services.CreateAsyncScope();
        var get = scope.ServiceProvider;
        var admin = new Actor("admin", [Roles.Administrator]);
        var city = new RegisterAgency(Guid.CreateVersion7(), "410400", "平顶山市", AgencyLevel.City, null, []);
        var department = new RegisterAgency(Guid.CreateVersion7(), "410400CG01", "平顶山市城市管理局", AgencyLevel.Department,
            city.AgencyId, [EnforcementDomain.UrbanManagement]);
        await get.GetRequiredService<AgencyCommands>().Handle(city, admin);
        await get.GetRequiredService<AgencyCommands>().Handle(department, admin);
        var accounts = get.GetRequiredService<AccountCommands>();
        for (var i = 1; i <= Officers; i++)
        {
            var officerId = Guid.CreateVersion7();
            await get.GetRequiredService<OfficerCommands>().Handle(new RegisterOfficer(officerId, $"执法员{i}", department.AgencyId, "执法队员",
                [EnforcementDomain.UrbanManagement], EmploymentType.Established, NationalId(i)), admin);
            await accounts.Handle(new CreateAccount(Guid.CreateVersion7(), $"officer{i}", $"执法员{i}", Password, [Roles.Officer], officerId), Actor.System);
        }
        await accounts.Handle(new CreateAccount(Guid.CreateVersion7(), "reviewer", "审题人", Password, [Roles.Reviewer], null), Actor.System);
        var report = await get.GetRequiredService<QuestionImport>().Run(SmallBank.Parsed("FT"), admin, approveAs: "reviewer");
        report.Approved.Should().Be(SmallBank.Size, string.Join("; ", report.Errors));
        var now = DateTimeOffset.UtcNow;
        await get.GetRequiredService<ExamSessionCommands>().Handle(new ScheduleExamSession(SessionId, "2026年度年审考试（故障演练）",
            SmallBank.Blueprint, ExamPurpose.AnnualReview, 2026, now.AddMinutes(-1), now.AddDays(1), Roster.All), new Actor("trainer", [Roles.Trainer]));
    }

    static NationalIdNumber NationalId(int i)
    {
        var first17 = $"41040219800101{i:D3}";
        return NationalIdNumber.TryParse(first17 + NationalIdNumber.CheckCharacter(first17), out _)!;
    }

    /// <summary>Starts the built app (again) on the stand's database, at the same address as before (the browser's
    /// pages reconnect there), in Development: static assets come from the build output's manifest and schema changes
    /// apply at start. No demo data.</summary>
    public async Task StartApp() => App = await AppProcess.Start(AppProcess.Built(), "Development", _appPort, LogFile,
        new Dictionary<string, string>
        {
            ["ConnectionStrings:Marten"] = ConnectionString,
            ["Marten:Schema"] = Schema,
            ["PersonalData:Secret"] = Convert.ToBase64String(Secret),
            ["DemoData:SeedOnFirstStart"] = "false",
        }, applyDatabaseFirst: false, startTimeout: TimeSpan.FromSeconds(120));

    /// <summary>A browser context at the app's address, signed in through the real form as <paramref name="user"/>.</summary>
    public async Task<IPage> SignedIn(IBrowser browser, string user)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "zh-CN", BaseURL = App.BaseUri.ToString().TrimEnd('/'),
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login"));
        return page;
    }

    public async Task<(AnswerSheet Sheet, ExamAttempt Attempt, IReadOnlyList<IEvent> Events)> Stored(Guid attemptId)
    {
        await using var session = Store.QuerySession();
        return ((await session.LoadAsync<AnswerSheet>(attemptId))!, (await session.LoadAsync<ExamAttempt>(attemptId))!,
            await session.Events.FetchStreamAsync(attemptId));
    }

    /// <summary>Stops PostgreSQL as a crash would (<c>pg_ctl stop -m immediate</c>): what it acknowledged must survive.</summary>
    public async Task CrashDatabase()
    {
        var result = await ProcessRunner.RunAsync(Path.Combine(PostgresCluster.FindBinDirectory()!, "pg_ctl"),
            ["stop", "-D", Path.Combine(_root, "data"), "-m", "immediate", "-w", "-t", "60"], asPostgresUser: true, workingDirectory: _root);
        result.Succeeded.Should().BeTrue(result.Output);
    }

    public async ValueTask DisposeAsync()
    {
        if (App is not null) await App.DisposeAsync();
        if (_services is not null) await _services.DisposeAsync();
        Store?.Dispose();
        await Cluster.StopAsync(removeData: true);
    }
}
