using Marten;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OfficerTraining.Accounts;
using OfficerTraining.Agencies;
using OfficerTraining.Courses;
using OfficerTraining.Exams;
using OfficerTraining.Demo;
using OfficerTraining.Infrastructure;
using OfficerTraining.IntegrationTests.Harness;
using OfficerTraining.Officers;
using OfficerTraining.QuestionBank;

namespace OfficerTraining.IntegrationTests.Demo;

/// <summary>The store fixture with the demo city seeded once.</summary>
public sealed class SeededDemoCity : IAsyncLifetime
{
    readonly StoreFixture fixture = new();

    public IDocumentStore Store => fixture.Store;
    public IServiceProvider Services => fixture.Services;
    public DemoDataSummary FirstSeed { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await fixture.InitializeAsync();
        FirstSeed = await SeedAsync();
    }

    public async Task<DemoDataSummary> SeedAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DemoData>().Seed(DemoCity.DefaultSeed, TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => fixture.DisposeAsync();
}

public sealed partial class DemoDataTests(SeededDemoCity city) : IClassFixture<SeededDemoCity>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    static readonly DemoCityPlan Plan = DemoCity.Generate();

    async Task<(int Agencies, int Officers, int Keys, int Accounts, long Events)> CountsAsync()
    {
        await using var session = city.Store.QuerySession();
        return (await session.Query<Agency>().CountAsync(Ct), await session.Query<Officer>().CountAsync(Ct),
            await session.Query<PersonalDataKey>().CountAsync(Ct), await session.Query<Account>().CountAsync(Ct),
            await session.Events.QueryAllRawEvents().CountAsync(Ct));
    }

    [Fact]
    public async Task Seeding_writes_the_whole_city_and_its_six_accounts()
    {
        TestContext.Current.TestOutputHelper?.WriteLine($"Seeding: {city.FirstSeed}");

        var (agencies, officers, keys, accounts, _) = await CountsAsync();

        city.FirstSeed.AlreadySeeded.Should().BeFalse();
        agencies.Should().Be(Plan.Agencies.Count + 1, "the history adds the Justice Bureau").And.BeInRange(18, 25);
        officers.Should().Be(Plan.Officers.Count + 8, "and its eight supervisors").And.BeInRange(450, 560);
        keys.Should().Be(officers);
        accounts.Should().Be(6);
        city.FirstSeed.Accounts.Should().Equal("admin", "trainer", "reviewer", "certofficer", "supervisor", "officer");
        // How long it took is printed above, not asserted: speed is for the benchmarks, not for a test on a shared box.
    }

    [Fact]
    public async Task The_starter_courses_are_published_by_the_demo_trainer_each_with_its_quiz()
    {
        await using var session = city.Store.QuerySession();
        var courses = await session.Query<Course>().ToListAsync(Ct);

        city.FirstSeed.Courses.Should().Be(ShippedCourses.Read().Count);
        courses.Should().HaveCount(city.FirstSeed.Courses).And.OnlyContain(c => c.Status == CourseStatus.Published);
        (await session.LoadManyAsync<ExamSession>(Ct, courses.Select(c => c.Current!.QuizSessionId)))
            .Should().HaveCount(courses.Count).And.OnlyContain(s => s.Purpose == ExamPurpose.CourseQuiz);
        (await session.Events.FetchStreamAsync(courses[0].Id, token: Ct)).Should().OnlyContain(e => e.UserName == DemoCity.TrainerUserName);
    }

    [Fact]
    public async Task The_stored_city_is_the_generated_one()
    {
        await using var session = city.Store.QuerySession();
        var bureau = await session.Query<Agency>().SingleAsync(a => a.Code == JusticeBureau.Code, Ct);
        var stored = (await session.Query<Officer>().ToListAsync(Ct)).Where(o => o.AgencyId != bureau.Id);
        var agencies = (await session.Query<Agency>().ToListAsync(Ct)).Where(a => a.Id != bureau.Id);

        stored.Select(o => (o.Id, o.Name, o.AgencyId, o.Position, o.EmploymentType, o.NationalId.Masked))
            .Should().BeEquivalentTo(Plan.Officers.Select(o => (o.OfficerId, o.Name, o.AgencyId, o.Position, o.EmploymentType, o.NationalId.Masked)));
        agencies.Select(a => (a.Id, a.Code, a.Name, a.ParentId))
            .Should().BeEquivalentTo(Plan.Agencies.Select(a => (a.AgencyId, a.Code, a.Name, a.ParentId)));
    }

    [Fact]
    public async Task Seeding_again_changes_nothing_and_says_so()
    {
        var before = await CountsAsync();

        var again = await city.SeedAsync();

        again.AlreadySeeded.Should().BeTrue();
        again.ToString().Should().Contain("Already seeded");
        (await CountsAsync()).Should().Be(before);
        await using var scope = city.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<DemoData>().IsSeeded(Ct)).Should().BeTrue();
    }

    [Fact]
    public async Task The_officer_account_belongs_to_an_existing_established_officer()
    {
        await using var session = city.Store.QuerySession();
        var account = await session.Query<Account>().SingleAsync(a => a.UserName == "officer", Ct);
        var officer = await session.LoadAsync<Officer>(account.OfficerId!.Value, Ct);

        officer.Should().NotBeNull();
        officer!.MayHoldCertificate.Should().BeTrue();
        account.DisplayName.Should().Be(officer.Name);
        account.Roles.Should().Equal(Roles.Officer);
    }

    [Fact]
    public async Task The_admin_signs_in_with_the_demo_password()
    {
        await using var scope = city.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();

        var admin = await users.FindByNameAsync("admin");

        admin.Should().NotBeNull();
        admin!.Roles.Should().Equal(Roles.Administrator);
        (await users.CheckPasswordAsync(admin, DemoCity.Password)).Should().BeTrue();
        (await users.CheckPasswordAsync(admin, "wrong-password")).Should().BeFalse();
    }

    [Fact]
    public async Task The_shipped_bank_is_there_approved_by_the_demo_reviewer()
    {
        city.FirstSeed.ApprovedQuestions.Should().BeGreaterThanOrEqualTo(300);
        await using var session = city.Store.QuerySession();
        var approved = await session.Query<Question>().Where(q => q.Status == QuestionStatus.Approved).ToListAsync(Ct);
        approved.Should().HaveCount(city.FirstSeed.ApprovedQuestions);
        var events = await session.Events.FetchStreamAsync(approved[0].Id, token: Ct);
        events.Select(e => e.Data).OfType<QuestionApproved>().Should().ContainSingle().Which.Reviewer.Should().Be("reviewer");
    }
}
