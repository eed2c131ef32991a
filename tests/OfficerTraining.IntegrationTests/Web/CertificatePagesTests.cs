using System.Net;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using OfficerTraining.Agencies;
using OfficerTraining.Certificates;
using OfficerTraining.Demo;
using OfficerTraining.Exams;
using OfficerTraining.Infrastructure;
using OfficerTraining.IntegrationTests.Harness;
using OfficerTraining.Officers;
using OfficerTraining.QuestionBank;
using OfficerTraining.QuestionBank.Import;
using OfficerTraining.Training;

namespace OfficerTraining.IntegrationTests.Web.CertificatePages;

/// <summary>An officer of the app's department who qualified (both exam parts, the year's hours) and was issued an
/// enforcement certificate: the register lists it, its page shows the timeline, and the pages keep to their roles.</summary>
[Collection(nameof(App))]
public class when_a_certificate_has_been_issued(AppFactory app)
{
    static readonly Actor Trainer = new("trainer", [Roles.Trainer]);
    static readonly Actor CertificateOfficer = new("certificateofficer", [Roles.CertificateOfficer]);

    Task<(Guid Id, string Number, string Holder)> Issued() => IssueOne(app);

    /// <summary>A new officer (not the app's shared one, whose record other tests change) qualifies and is issued one.</summary>
    internal static async Task<(Guid Id, string Number, string Holder)> IssueOne(AppFactory app)
    {
        var services = app.Services;
        Agency department;
        await using (var session = services.GetRequiredService<IDocumentStore>().QuerySession())
            department = await session.Query<Agency>().SingleAsync(a => a.Code == "410400CG01");
        var holder = "持证" + Guid.NewGuid().ToString("N")[..6];
        var registration = Arrange.Officer(department, name: holder);
        await services.GetRequiredService<OfficerCommands>().Handle(registration, Actor.System);

        // Idempotent: the shipped bank is imported (and recorded as approved) once, whichever test comes first.
        (await services.GetRequiredService<QuestionImport>().Run(ShippedBank.Read(), Actor.System, approveAs: "reviewer"))
            .Succeeded.Should().BeTrue();
        services.GetRequiredService<ApprovedPool>().Invalidate();
        var past = services.GetRequiredService<PastExams>();
        var opens = DateTimeOffset.UtcNow.AddDays(-30);
        foreach (var purpose in new[] { ExamPurpose.QualificationPublic, ExamPurpose.QualificationProfessional })
            await past.Record($"{purpose} {holder}", Blueprint.Default(), purpose, null, opens, [(registration.OfficerId, true)], Trainer);
        var today = ChinaTime.Today(services.GetRequiredService<TimeProvider>());
        for (var i = 0; i < 3; i++)
            await services.GetRequiredService<TrainingCommands>().Handle(new RecordInPersonSession(Guid.CreateVersion7(), today,
                "执法业务培训", 20, TrainingCategory.PublicLaw, [registration.OfficerId]), Trainer);

        var id = Guid.CreateVersion7();
        var number = await services.GetRequiredService<CertificateCommands>().Handle(new IssueCertificate(id, registration.OfficerId,
            CertificateKind.Enforcement, "首次申领", "《河南省行政执法条例》第二十一条"), CertificateOfficer);
        return (id, number, holder);
    }

    [Fact]
    public async Task the_register_lists_it_and_its_page_shows_the_timeline()
    {
        var (id, number, holder) = await Issued();

        var client = await app.SignedIn("certificateofficer");
        var register = await client.GetStringAsync("/certificates");
        register.Should().Contain(number).And.Contain(holder).And.Contain($"/certificates/{id}");

        var details = await client.GetStringAsync($"/certificates/{id}");
        details.Should().Contain(number).And.Contain("证件变更记录").And.Contain($"发证：{number}")
            .And.Contain("首次申领").And.Contain("《河南省行政执法条例》第二十一条").And.Contain("certificateofficer")
            .And.Contain($"/certificates/{id}/card").And.Contain("/certificates/officer/");

        (await (await app.SignedIn("supervisor")).GetStringAsync($"/certificates/{id}")).Should().Contain(number);
    }

    [Fact]
    public async Task the_officer_page_lists_the_holders_certificates()
    {
        var (id, number, _) = await Issued();
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var officerId = (await session.LoadAsync<Certificate>(id))!.Holder.OfficerId;

        var page = await (await app.SignedIn("supervisor")).GetStringAsync($"/certificates/officer/{officerId}");
        page.Should().Contain(number).And.Contain("有效");
    }

    [Theory]
    [InlineData("certificateofficer", "/certificates")]
    [InlineData("administrator", "/certificates")]
    [InlineData("supervisor", "/certificates")]
    [InlineData("certificateofficer", "/certificates/issue")]
    [InlineData("administrator", "/certificates/issue")]
    [InlineData("certificateofficer", "/certificates/annual-review")]
    public async Task the_pages_open_for_their_roles(string user, string path) =>
        (await (await app.SignedIn(user)).GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.OK);

    [Theory]
    [InlineData("officer", "/certificates")]
    [InlineData("officer", "/certificates/issue")]
    [InlineData("officer", "/certificates/annual-review")]
    [InlineData("trainer", "/certificates")]
    [InlineData("supervisor", "/certificates/issue")]
    [InlineData("supervisor", "/certificates/annual-review")]
    public async Task the_pages_refuse_other_roles(string user, string path) =>
        (await (await app.SignedIn(user)).GetAsync(path)).Headers.Location!.OriginalString.Should().Contain("/account/access-denied");

    [Fact]
    public async Task an_officer_cannot_open_a_certificates_page()
    {
        var (id, _, _) = await Issued();
        (await (await app.SignedIn("officer")).GetAsync($"/certificates/{id}")).Headers.Location!.OriginalString
            .Should().Contain("/account/access-denied");
    }
}
