using JasperFx;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OfficerTraining.Accounts;
using OfficerTraining.Agencies;
using OfficerTraining.Audit;
using OfficerTraining.Certificates;
using OfficerTraining.Courses;
using OfficerTraining.Demo;
using OfficerTraining.Exams;
using OfficerTraining.Notifications;
using OfficerTraining.Infrastructure;
using OfficerTraining.IntegrationTests.Harness;
using OfficerTraining.Officers;
using OfficerTraining.QuestionBank;
using OfficerTraining.Reports;
using OfficerTraining.QuestionBank.Import;
using OfficerTraining.Settings;
using OfficerTraining.Training;

namespace OfficerTraining.IntegrationTests.Exams;

/// <summary>
/// A schema configured as the app configures it, on a fake clock, with a city, <see cref="OfficerCount"/> officers in one
/// department, a reviewer and a small approved bank. <see cref="StartHost"/> gives the services of one app node; call it
/// again (with <see cref="NewStore"/>) for a second node or for a host started afresh on the same database.
/// </summary>
public class ExamFixture : IAsyncLifetime
{
    public const int OfficerCount = 50;

    /// <summary>How many officers the department has: <see cref="OfficerCount"/> unless a derived fixture wants more.</summary>
    protected virtual int DepartmentSize => OfficerCount;
    public static readonly Actor Trainer = new("trainer", [Roles.Trainer]);

    public string Schema { get; } = "x_" + Guid.NewGuid().ToString("N")[..10];
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 6, 1, 1, 0, 0, TimeSpan.Zero)); // 09:00 in Henan
    public DocumentStore Store { get; private set; } = null!;
    public ServiceProvider Services { get; private set; } = null!;
    public Agency Department { get; private set; } = null!;
    public IReadOnlyList<Guid> Officers { get; private set; } = [];
    readonly List<IAsyncDisposable> _hosts = [];
    readonly List<DocumentStore> _stores = [];

    /// <summary><see cref="SmallBank.Blueprint"/>: ten items, 30 minutes, 2 attempts.</summary>
    public static Blueprint Blueprint => SmallBank.Blueprint;

    public async ValueTask InitializeAsync()
    {
        Store = NewStore();
        await Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        Services = StartHost(Store);
        var admin = new Actor("admin", [Roles.Administrator]);
        var city = new RegisterAgency(Guid.CreateVersion7(), "XC" + Schema[2..], "平顶山市", AgencyLevel.City, null, []);
        var department = new RegisterAgency(Guid.CreateVersion7(), "XD" + Schema[2..], "平顶山市城市管理局", AgencyLevel.Department,
            city.AgencyId, [EnforcementDomain.UrbanManagement]);
        await Get<AgencyCommands>().Handle(city, admin);
        await Get<AgencyCommands>().Handle(department, admin);
        await using (var session = Store.OpenSession(admin))
        {
            Department = (await session.LoadAsync<Agency>(department.AgencyId))!;
            var registrations = Enumerable.Range(0, DepartmentSize).Select(i => Arrange.Officer(Department, name: $"执法员{i}")).ToList();
            foreach (var r in registrations) Get<OfficerCommands>().Register(session, r, new(Department, NationalIdTaken: false));
            await session.SaveChangesAsync();
            Officers = [.. registrations.Select(r => r.OfficerId)];
        }
        await using (var scope = Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<AccountCommands>().Handle(
                new CreateAccount(Guid.CreateVersion7(), "reviewer", "审题人", "Test@2026", [Roles.Reviewer], null), Actor.System);
        var report = await Get<QuestionImport>().Run(Bank(), admin, approveAs: "reviewer");
        report.Approved.Should().Be(SmallBank.Size, "the bank is imported and approved: {0}", string.Join("; ", report.Errors));
    }

    internal static ParsedBank Bank() => SmallBank.Parsed("EX");

    /// <summary>Another store on the same schema: what a second app node, or the same node after a restart, has.</summary>
    public DocumentStore NewStore()
    {
        var store = DocumentStore.For(o =>
        {
            o.ConfigureOfficerTraining(TestPostgres.ConnectionString, Schema);
            o.AutoCreateSchemaObjects = AutoCreate.All;
            o.Events.TimeProvider = Clock;
        });
        _stores.Add(store);
        return store;
    }

    /// <summary>The services of one app node on <paramref name="store"/>; disposed (journal stopped) with the fixture.</summary>
    public ServiceProvider StartHost(IDocumentStore store)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(store)
            .AddSingleton<TimeProvider>(Clock)
            .AddOfficerTraining(_ => StoreFixture.PersonalDataSecret);
        services.AddAccounts();
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        _hosts.Add(provider);
        return provider;
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public Actor Officer(int i) => new($"officer{i}", [Roles.Officer], Officers[i]);

    /// <summary>A session open from a minute ago for a day (unless told otherwise), scheduled by the trainer.</summary>
    public async Task<Guid> Schedule(Roster? roster = null, TimeSpan? opensIn = null, TimeSpan? openFor = null)
    {
        var id = Guid.CreateVersion7();
        var opens = Clock.GetUtcNow() + (opensIn ?? TimeSpan.FromMinutes(-1));
        await Get<ExamSessionCommands>().Handle(new ScheduleExamSession(id, "2026年度年审考试", Blueprint, ExamPurpose.AnnualReview, 2026,
            opens, opens + (openFor ?? TimeSpan.FromDays(1)), roster ?? Roster.All), Trainer);
        return id;
    }

    public Task<Guid> Start(Guid sessionId, int officer, IServiceProvider? host = null) =>
        (host ?? Services).GetRequiredService<AttemptCommands>().Start(sessionId, Officers[officer], false, Officer(officer));

    public async Task<ExamAttempt> Attempt(Guid attemptId)
    {
        await using var session = Store.QuerySession();
        return (await session.LoadAsync<ExamAttempt>(attemptId))!;
    }

    public async Task<AnswerSheet> Answers(Guid attemptId)
    {
        await using var session = Store.QuerySession();
        return (await session.LoadAsync<AnswerSheet>(attemptId))!;
    }

    public async Task<IReadOnlyList<IEvent>> Events(Guid streamId)
    {
        await using var session = Store.QuerySession();
        return await session.Events.FetchStreamAsync(streamId);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts) await host.DisposeAsync();
        foreach (var store in _stores) store.Dispose();
        await TestPostgres.DropSchemaAsync(Schema);
    }
}
