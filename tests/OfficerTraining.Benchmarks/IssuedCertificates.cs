using Marten;
using OfficerTraining.Certificates;
using OfficerTraining.Demo;
using OfficerTraining.Exams;
using OfficerTraining.Infrastructure;
using OfficerTraining.IntegrationTests.Exams;
using OfficerTraining.Training;

namespace OfficerTraining.Benchmarks;

/// <summary>
/// A department whose officers all hold an enforcement certificate, arranged through the app's own commands as the
/// integration tests do (<c>CertificateArrange</c>): both qualification exams passed a month ago, the year's 60 class
/// hours in three in-person sessions, then one batch issue to the agency. A few certificates are then suspended,
/// revoked or cancelled, so the page shows every tone. Returns the tokens of the cards' QR codes.
/// </summary>
public static class IssuedCertificates
{
    static readonly Actor CertificateOfficer = new("certofficer", [Roles.CertificateOfficer]);
    const string Basis = "《河南省行政执法条例》第二十一条";

    public static async Task<IReadOnlyList<string>> Arrange(ExamDay day, int officers, TextWriter progress)
    {
        var department = await day.Department();
        var ids = await day.Register(department, officers);
        await day.ApproveBank();
        var at = DateTimeOffset.UtcNow.AddDays(-30);
        var sitters = ids.Select(id => (id, true)).ToList();
        progress.WriteLine($"  {officers} officers registered; qualification exams …");
        await day.Get<PastExams>().Record("公共法律知识考试", SmallBank.Blueprint, ExamPurpose.QualificationPublic, null, at, sitters, ExamDay.Trainer);
        await day.Get<PastExams>().Record("专业法律知识考试", SmallBank.Blueprint, ExamPurpose.QualificationProfessional, null, at.AddDays(1),
            sitters, ExamDay.Trainer);
        progress.WriteLine("  class hours …");
        for (var i = 0; i < 3; i++)
            await day.Get<TrainingCommands>().Handle(new RecordInPersonSession(Guid.CreateVersion7(), ChinaTime.DateOf(at), "执法业务培训", 20,
                TrainingCategory.PublicLaw, ids), ExamDay.Trainer);
        progress.WriteLine("  issuing to the department …");
        var lines = await day.Get<CertificateCommands>().IssueToAgency(department, CertificateKind.Enforcement, "首次申领", Basis, false,
            CertificateOfficer);
        var refused = lines.Count(l => l.Number is null);
        if (refused > 0) throw new InvalidOperationException($"{refused} officers were not eligible: {lines.First(l => l.Number is null).Check}");

        List<Certificate> issued;
        await using (var query = day.Store.QuerySession())
            issued = [.. (await query.Query<Certificate>().ToListAsync()).OrderBy(c => c.Number, StringComparer.Ordinal)];
        // One in 33 suspended, one in 100 revoked, one in 100 cancelled: the changes a verifier must see at once.
        var commands = day.Get<CertificateCommands>();
        for (var i = 0; i < issued.Count; i++)
        {
            var id = issued[i].Id;
            if (i % 33 == 1) await commands.Handle(new SuspendCertificate(id, "群众投诉，暂扣调查", "第四十二条", null), CertificateOfficer);
            else if (i % 100 == 2) await commands.Handle(new RevokeCertificate(id, "调查属实", "第四十五条"), CertificateOfficer);
            else if (i % 100 == 3) await commands.Handle(new CancelCertificate(id, CancellationCause.Retired, "退休", "第四十六条"), CertificateOfficer);
        }
        return [.. issued.Select(c => c.Token)];
    }
}
