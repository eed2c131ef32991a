using OfficerTraining.Certificates;
using OfficerTraining.Infrastructure;
using OfficerTraining.IntegrationTests.Certificates;
using OfficerTraining.IntegrationTests.Exams;
using OfficerTraining.Notifications;

namespace OfficerTraining.IntegrationTests.Notifications;

public class when_a_certificate_holder_and_the_office_look_at_their_reminders(ExamFixture f) : IClassFixture<ExamFixture>
{
    static readonly Actor Office = new("certofficer", [Roles.CertificateOfficer]);

    [Fact]
    public async Task the_open_annual_review_shows_from_september_and_expiry_shows_within_the_period()
    {
        await CertificateArrange.Qualify(f, [30]);
        var number = await f.Get<CertificateCommands>().Handle(new IssueCertificate(Guid.CreateVersion7(), f.Officers[30],
            CertificateKind.Enforcement, "申领", "第二十一条"), Office);
        var center = f.Get<NotificationCenter>();
        (await center.For(f.Officer(30))).Should().NotContain(n => n.Kind == NotificationKind.ReviewRequirementsOpen, "June is too early");

        f.Clock.SetUtcNow(new DateTimeOffset(2026, 9, 15, 1, 0, 0, TimeSpan.Zero));
        (await center.For(f.Officer(30))).Should().ContainSingle(n => n.Kind == NotificationKind.ReviewRequirementsOpen)
            .Which.Args.Should().Equal("2026", "60", "60", "0");
        (await center.For(Office)).Should().ContainSingle(n => n.Kind == NotificationKind.HoldersWithOpenReview)
            .Which.Args[1].Should().Be("2026");

        var validUntil = (await f.Get<CertificateRegister>().ByNumber(number))!.ValidUntil;
        f.Clock.SetUtcNow(new DateTimeOffset(validUntil.AddDays(-60).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        (await center.For(f.Officer(30))).Should().ContainSingle(n => n.Kind == NotificationKind.CertificateExpiring)
            .Which.Args.Should().Equal(number, validUntil.ToString("yyyy-MM-dd"), "60");
        (await center.For(Office)).Should().ContainSingle(n => n.Kind == NotificationKind.CertificatesExpiringSoon)
            .Which.Args.Should().Equal("1", "90");

        await center.MarkRead([.. (await center.For(Office)).Select(n => n.Key)], Office);
        (await center.For(Office)).Should().OnlyContain(n => n.Read, "the office's reading is its own");
        (await center.For(f.Officer(30))).Should().Contain(n => !n.Read);
    }
}
