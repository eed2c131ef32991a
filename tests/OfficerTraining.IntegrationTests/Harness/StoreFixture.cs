using JasperFx;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using OfficerTraining.Accounts;
using OfficerTraining.Agencies;
using OfficerTraining.Audit;
using OfficerTraining.Certificates;
using OfficerTraining.Courses;
using OfficerTraining.Demo;
using OfficerTraining.Exams;
using OfficerTraining.Notifications;
using OfficerTraining.Infrastructure;
using OfficerTraining.Officers;
using OfficerTraining.QuestionBank;
using OfficerTraining.Reports;
using OfficerTraining.Settings;
using OfficerTraining.Training;

namespace OfficerTraining.IntegrationTests.Harness;

/// <summary>
/// A Marten store on its own schema of the run's PostgreSQL, configured exactly as the app configures it, and the
/// capability services on top of it. One per test class (IClassFixture), so classes run in parallel.
/// </summary>
public sealed class StoreFixture : IAsyncLifetime
{
    public static readonly byte[] PersonalDataSecret = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    public string Schema { get; } = "t_" + Guid.NewGuid().ToString("N")[..10];
    public DocumentStore Store { get; private set; } = null!;
    public ServiceProvider Services { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Store = DocumentStore.For(o =>
        {
            o.ConfigureOfficerTraining(TestPostgres.ConnectionString, Schema);
            o.AutoCreateSchemaObjects = AutoCreate.All;
        });
        await Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IDocumentStore>(Store)
            .AddSingleton(TimeProvider.System)
            .AddOfficerTraining(_ => PersonalDataSecret);
        services.AddAccounts();
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Store.Dispose();
        await TestPostgres.DropSchemaAsync(Schema);
    }
}

/// <summary>Arrange steps shared by the specifications: a small city with one department.</summary>
public static class Arrange
{
    public static readonly Actor Admin = new("admin", [Roles.Administrator]);

    public static async Task<(Agency City, Agency Department)> CityWithDepartment(StoreFixture f, string suffix)
    {
        var commands = f.Get<AgencyCommands>();
        var city = new RegisterAgency(Guid.CreateVersion7(), "C" + suffix, "平顶山市" + suffix, AgencyLevel.City, null, []);
        var department = new RegisterAgency(Guid.CreateVersion7(), "D" + suffix, "平顶山市城市管理局" + suffix,
            AgencyLevel.Department, city.AgencyId, [EnforcementDomain.UrbanManagement]);
        await commands.Handle(city, Admin);
        await commands.Handle(department, Admin);
        await using var session = f.Store.QuerySession();
        return ((await session.LoadAsync<Agency>(city.AgencyId))!, (await session.LoadAsync<Agency>(department.AgencyId))!);
    }

    /// <summary>A valid ID number that no other test uses: a random birth date and sequence, with its check character.</summary>
    public static NationalIdNumber UniqueNationalId()
    {
        var birth = new DateOnly(1970, 1, 1).AddDays(Random.Shared.Next(0, 365 * 30));
        var first17 = $"410402{birth:yyyyMMdd}{Random.Shared.Next(0, 1000):D3}";
        return NationalIdNumber.TryParse(first17 + NationalIdNumber.CheckCharacter(first17), out _)!;
    }

    public static RegisterOfficer Officer(Agency agency, NationalIdNumber? id = null, string name = "张伟") =>
        new(Guid.CreateVersion7(), name, agency.Id, "科员", [EnforcementDomain.UrbanManagement], EmploymentType.Established,
            id ?? UniqueNationalId());
}
