using OfficerTraining.Audit;
using OfficerTraining.Certificates;
using OfficerTraining.Infrastructure;
using OfficerTraining.IntegrationTests.Certificates;
using OfficerTraining.IntegrationTests.Exams;
using OfficerTraining.Officers;
using OfficerTraining.Training;

namespace OfficerTraining.IntegrationTests.Audit;

public class when_the_audit_trail_is_searched(ExamFixture f) : IClassFixture<ExamFixture>
{
    static readonly Actor Office = new("zhang.certs", [Roles.CertificateOfficer]);

    [Fact]
    public async Task it_finds_who_suspended_a_certificate_and_everything_about_an_officer()
    {
        await CertificateArrange.Qualify(f, [5]);
        var number = await f.Get<CertificateCommands>().Handle(new IssueCertificate(Guid.CreateVersion7(), f.Officers[5],
            CertificateKind.Enforcement, "首次申领", "第二十一条"), Office);
        var certificate = (await f.Get<CertificateRegister>().ByNumber(number))!;
        var before = f.Clock.GetUtcNow();
        f.Clock.Advance(TimeSpan.FromHours(1));
        await f.Get<CertificateCommands>().Handle(new SuspendCertificate(certificate.Id, "群众投诉", "第四十二条第（六）项", null), Office);
        var trail = f.Get<AuditTrail>();

        var byNumber = await trail.Search(new AuditQuery(CertificateNumber: number));
        byNumber.Select(e => e.Data.GetType()).Should().Equal(typeof(CertificateSuspended), typeof(CertificateIssued));
        byNumber[0].Should().BeEquivalentTo(new { UserName = "zhang.certs", StreamId = certificate.Id });
        byNumber[0].CorrelationId.Should().NotBeNullOrEmpty();

        var byActorAfter = await trail.Search(new AuditQuery(Actor: "zhang.certs", From: before.AddMinutes(30)));
        byActorAfter.Should().ContainSingle().Which.Data.Should().BeOfType<CertificateSuspended>();

        var aboutOfficer = await trail.Search(new AuditQuery(OfficerId: f.Officers[5]));
        aboutOfficer.Select(e => e.Data.GetType()).Should().Contain([typeof(OfficerRegistered), typeof(ClassHoursCredited),
            typeof(CertificateIssued), typeof(CertificateSuspended)]);
        (await trail.Search(new AuditQuery(OfficerId: f.Officers[5], CertificateNumber: number)))
            .Should().HaveCount(2, "filters narrow each other");
    }

    [Fact]
    public async Task the_events_of_one_command_share_a_correlation_id()
    {
        await CertificateArrange.Hours(f, [7, 8, 9], 4, new DateOnly(2026, 5, 20));
        var credit = (await f.Get<AuditTrail>().Search(new AuditQuery(OfficerId: f.Officers[7])))
            .First(e => e.Data is ClassHoursCredited);

        var together = await f.Get<AuditTrail>().Correlated(credit.CorrelationId!);

        together.Select(e => e.Data.GetType()).Should().Equal(typeof(InPersonSessionRecorded), typeof(ClassHoursCredited),
            typeof(ClassHoursCredited), typeof(ClassHoursCredited));
    }
}
