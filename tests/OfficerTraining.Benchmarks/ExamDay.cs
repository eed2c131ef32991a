using JasperFx;
using Marten;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OfficerTraining.Accounts;
using OfficerTraining.Agencies;
using OfficerTraining.Audit;
using OfficerTraining.Certificates;
using OfficerTraining.Courses;
using OfficerTraining.Demo;
using OfficerTraining.Exams;
using OfficerTraining.Infrastructure;
using OfficerTraining.Notifications;
using OfficerTraining.Officers;
using OfficerTraining.QuestionBank;
using OfficerTraining.QuestionBank.Import;
using OfficerTraining.Reports;
using OfficerTraining.Settings;
using OfficerTraining.Training;

namespace OfficerTraining.Benchmarks;

/// <summary>One officer sitting the exam: their attempt, who they are, and the items of their paper.</summary>
public sealed record Taker(Guid AttemptId, Actor Actor, IReadOnlyList<string> Items);

/// <summary>
/// The exam morning, arranged through the app's own commands (setup is not measured): a schema configured as the app
/// configures it, a department of officers, an approved bank, an annual review session open now, and one open attempt
/// per officer (the real <see cref="AttemptCommands.Start"/>). The services are those of one app node, on the real clock.
/// </summary>
public sealed class ExamDay : IAsyncDisposable
{
    public const string Schema = "bench";
    /// <summary>The password of every officer's account, when the exam day has accounts.</summary>
    public const string OfficerPassword = "Bench@2026";
    static readonly Actor Admin = new("admin", [Roles.Administrator]);
    /// <summary>The key of officers' personal data; an app process started on this schema must be given the same.</summary>
    public static readonly byte[] PersonalDataSecret = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];
    public static readonly Actor Trainer = new("trainer", [Roles.Trainer]);

    public required DocumentStore Store { get; init; }
    public required ServiceProvider Services { get; init; }
    public IReadOnlyList<Taker> Takers { get; private set; } = [];

    /// <summary>With <paramref name="passwordHashIterations"/>, each officer also gets a sign-in account (user name as
    /// in <see cref="Taker.Actor"/>, password <see cref="OfficerPassword"/>), hashed with that many PBKDF2 rounds.</summary>
    public static async Task<ExamDay> Arrange(string connectionString, int officers, AnswerJournalOptions? journal = null,
        int? passwordHashIterations = null)
    {
        var day = await Open(connectionString, journal, passwordHashIterations);
        var department = await day.Department();
        var officerIds = await day.Register(department, officers);
        await day.ApproveBank();
        var session = await day.Schedule();
        day.Takers = await day.StartAttempts(session, officerIds);
        if (passwordHashIterations is not null) await day.CreateAccounts();
        return day;
    }

    /// <summary>The schema created as the app configures it, and one app node's services over it; nothing arranged yet.</summary>
    public static async Task<ExamDay> Open(string connectionString, AnswerJournalOptions? journal = null, int? passwordHashIterations = null)
    {
        var store = DocumentStore.For(o =>
        {
            o.ConfigureOfficerTraining(connectionString, Schema);
            o.AutoCreateSchemaObjects = AutoCreate.All;
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        return new ExamDay { Store = store, Services = Host(store, journal ?? AnswerJournalOptions.Default, passwordHashIterations) };
    }

    static ServiceProvider Host(IDocumentStore store, AnswerJournalOptions journal, int? passwordHashIterations)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(store)
            .AddSingleton(journal)
            .AddSingleton(TimeProvider.System)
            .AddOfficerTraining(_ => PersonalDataSecret);
        services.AddAccounts();
        if (passwordHashIterations is { } iterations) services.Configure<PasswordHasherOptions>(o => o.IterationCount = iterations);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public async Task<Guid> Department()
    {
        var city = new RegisterAgency(Guid.CreateVersion7(), "BC0001", "平顶山市", AgencyLevel.City, null, []);
        var department = new RegisterAgency(Guid.CreateVersion7(), "BD0001", "平顶山市城市管理局", AgencyLevel.Department,
            city.AgencyId, [EnforcementDomain.UrbanManagement]);
        await Get<AgencyCommands>().Handle(city, Admin);
        await Get<AgencyCommands>().Handle(department, Admin);
        return department.AgencyId;
    }

    /// <summary>Registers the officers through the real command, 32 at a time; each gets a distinct valid ID number.</summary>
    public async Task<IReadOnlyList<Guid>> Register(Guid department, int count)
    {
        var registrations = Enumerable.Range(0, count).Select(i =>
        {
            var first17 = $"410402{new DateOnly(1970, 1, 1).AddDays(i):yyyyMMdd}001";
            var id = NationalIdNumber.TryParse(first17 + NationalIdNumber.CheckCharacter(first17), out _)!;
            return new RegisterOfficer(Guid.CreateVersion7(), $"执法员{i}", department, "科员", [EnforcementDomain.UrbanManagement],
                EmploymentType.Established, id);
        }).ToList();
        await Parallel.ForEachAsync(registrations, new ParallelOptions { MaxDegreeOfParallelism = 32 },
            async (r, ct) => await Get<OfficerCommands>().Handle(r, Admin, ct));
        return [.. registrations.Select(r => r.OfficerId)];
    }

    public async Task ApproveBank()
    {
        await using (var scope = Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<AccountCommands>().Handle(
                new CreateAccount(Guid.CreateVersion7(), "reviewer", "审题人", "Bench@2026", [Roles.Reviewer], null), Actor.System);
        var report = await Get<QuestionImport>().Run(BenchBank.Parsed(), Admin, approveAs: "reviewer");
        if (report.Approved != BenchBank.Size)
            throw new InvalidOperationException($"The bench bank was not approved: {string.Join("; ", report.Errors)}");
    }

    async Task<Guid> Schedule()
    {
        var id = Guid.CreateVersion7();
        var opens = DateTimeOffset.UtcNow - TimeSpan.FromMinutes(1);
        await Get<ExamSessionCommands>().Handle(new ScheduleExamSession(id, "2026年度年审考试（容量测试）", BenchBank.Blueprint,
            ExamPurpose.AnnualReview, 2026, opens, opens + TimeSpan.FromDays(1), Roster.All), Trainer);
        return id;
    }

    async Task<IReadOnlyList<Taker>> StartAttempts(Guid session, IReadOnlyList<Guid> officerIds)
    {
        var actors = officerIds.Select((id, i) => new Actor($"officer{i}", [Roles.Officer], id)).ToList();
        var attempts = new Guid[actors.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, actors.Count), new ParallelOptions { MaxDegreeOfParallelism = 32 },
            async (i, ct) => attempts[i] = await Get<AttemptCommands>().Start(session, officerIds[i], false, actors[i], ct));
        await using var query = Store.QuerySession();
        var loaded = (await query.LoadManyAsync<ExamAttempt>(attempts)).ToDictionary(a => a.Id);
        return [.. attempts.Select((id, i) => new Taker(id, actors[i], [.. loaded[id].Paper.Items.Select(item => item.Key)]))];
    }

    /// <summary>One officer account per taker, through the real command (Identity's UserManager and hasher).</summary>
    async Task CreateAccounts() =>
        await Parallel.ForEachAsync(Takers, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (t, ct) =>
        {
            await using var scope = Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AccountCommands>().Handle(new CreateAccount(Guid.CreateVersion7(),
                t.Actor.UserName, $"执法员{t.Actor.UserName}", OfficerPassword, [Roles.Officer], t.Actor.OfficerId), Admin, ct);
        });

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync(); // stops the answer journal after it has written what was waiting
        Store.Dispose();
    }
}
