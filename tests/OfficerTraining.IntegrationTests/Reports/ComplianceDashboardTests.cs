using Marten;
using Marten.Events;
using OfficerTraining.Certificates;
using OfficerTraining.Exams;
using OfficerTraining.IntegrationTests.Certificates;
using OfficerTraining.IntegrationTests.Exams;
using OfficerTraining.Reports.Compliance;

namespace OfficerTraining.IntegrationTests.Reports;

public class when_the_compliance_dashboard_is_read(ExamFixture f) : IClassFixture<ExamFixture>
{
    [Fact]
    public async Task the_async_projection_counts_hours_exams_and_certificates_and_lists_the_officers_behind_each_figure()
    {
        await CertificateArrange.Qualify(f, [.. Enumerable.Range(0, 10)]);
        await CertificateArrange.Exam(f, [.. Enumerable.Range(0, 7).Select(i => (i, i < 5))], ExamPurpose.AnnualReview, 2026,
            f.Clock.GetUtcNow().AddDays(-2));
        var commands = f.Get<CertificateCommands>();
        var numbers = new List<string>();
        foreach (var i in new[] { 0, 1, 2 })
            numbers.Add(await commands.Handle(new IssueCertificate(Guid.CreateVersion7(), f.Officers[i], CertificateKind.Enforcement,
                "申领", "第二十一条"), CertificateArrange.CertificateOfficer));
        var suspended = (await f.Get<CertificateRegister>().ByNumber(numbers[2]))!;
        await commands.Handle(new SuspendCertificate(suspended.Id, "调查", "第四十二条第（六）项", null), CertificateArrange.CertificateOfficer);
        var dashboard = f.Get<ComplianceDashboard>();
        (await dashboard.Lag()).EventsBehind.Should().BeGreaterThan(0, "nothing has been projected yet");

        using (var daemon = await f.Store.BuildProjectionDaemonAsync())
        {
            await daemon.StartAllAsync();
            await f.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        }

        var filter = new DashboardFilter(2026, [f.Department.Id]);
        var figures = await dashboard.For(filter);
        figures.Total.Should().BeEquivalentTo(new { Officers = 50, MeetingHours = 10, ExamSitters = 7, ExamPassed = 5 });
        figures.Total.CertificatesByStatus[CertificateStatus.Valid].Should().Be(2);
        figures.Total.CertificatesByStatus[CertificateStatus.Suspended].Should().Be(1);
        figures.ByAgency.Keys.Should().Equal(f.Department.Id);
        figures.Lag.EventsBehind.Should().Be(0);

        (await dashboard.Officers(filter, DrillDown.ExamFailed)).Select(o => o.Id).Should().BeEquivalentTo([f.Officers[5], f.Officers[6]]);
        (await dashboard.Officers(filter, DrillDown.CertificateStatus, CertificateStatus.Suspended)).Should().ContainSingle()
            .Which.Id.Should().Be(f.Officers[2]);
        (await dashboard.Officers(filter, DrillDown.BelowHours)).Should().HaveCount(40);
    }
}
