using OfficerTraining.Agencies;
using OfficerTraining.Certificates;
using OfficerTraining.Exams;
using OfficerTraining.Officers;
using OfficerTraining.Settings;
using OfficerTraining.Training;

namespace OfficerTraining.Tests.Certificates;

/// <summary>Certificates and officers' standings for the certificate specifications; today is <see cref="Given.Today"/>.</summary>
static class Cards
{
    public static readonly Policy Policy = Policy.Defaults;
    public static readonly Agency Department = Given.Department(Given.City());
    public static DateOnly Today => Given.Today;

    public static NewCard Card(string number = "豫410400CG01202600001", Officer? officer = null)
    {
        var o = officer ?? Given.Officer(Department);
        return new(number, CertificateNumbers.NewToken(), new CertificateHolder(o.Id, o.Name, Department.Id, Department.Name, o.Domains),
            "平顶山市司法局");
    }

    public static Certificate Fold(params object[] events)
    {
        Certificate? c = null;
        foreach (var e in events)
            c = e switch
            {
                CertificateIssued i => Certificate.Create(i),
                CertificateSuspended x => Certificate.Apply(x, c!),
                CertificateReinstated x => Certificate.Apply(x, c!),
                CertificateRevoked x => Certificate.Apply(x, c!),
                CertificateCancelled x => Certificate.Apply(x, c!),
                CertificateReplaced x => Certificate.Apply(x, c!),
                CertificateRenewed x => Certificate.Apply(x, c!),
                AnnualReviewPassed x => Certificate.Apply(x, c!),
                AnnualReviewFailed x => Certificate.Apply(x, c!),
                _ => throw new InvalidOperationException(e.GetType().Name),
            };
        return c!;
    }

    public static CertificateIssued Issued(DateOnly? on = null, Officer? officer = null) => CertificateDecider.Issue(
        new IssueCertificate(Guid.NewGuid(), Guid.NewGuid(), CertificateKind.Enforcement, "首次申领", "《河南省行政执法条例》第二十一条"),
        Eligible, Card(officer: officer), Policy, on ?? Today);

    public static Certificate Valid(DateOnly? on = null) => Fold(Issued(on));

    public static readonly EligibilityCheck Eligible = new(CertificateKind.Enforcement, [new("Eligibility.Active", true, [])]);

    public static ExamResult Passed(ExamPurpose purpose, DateOnly on, int? year = null) => new(Guid.NewGuid(), Guid.NewGuid(), purpose, year,
        new DateTimeOffset(on.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)), 80, 100, true);

    public static AnnualLedger Ledger(Guid officer, int year, decimal hours) => AnnualLedger.Fold(officer, year, 60,
        hours == 0 ? [] : [new ClassHoursCredited(officer, Guid.NewGuid(), new DateOnly(year, 3, 1), hours, TrainingCategory.PublicLaw,
            CreditSource.InPerson, Guid.NewGuid(), "面授")]);

    /// <summary>An established officer who passed both qualification parts last year and has 60 hours this year.</summary>
    public static OfficerStanding Standing(Officer? officer = null, IReadOnlyList<ExamResult>? exams = null, decimal hoursThisYear = 60,
        decimal hoursLastYear = 0, IReadOnlyList<Certificate>? certificates = null)
    {
        var o = officer ?? Given.Officer(Department);
        return new(o, exams ?? [Passed(ExamPurpose.QualificationPublic, Today.AddYears(-1)), Passed(ExamPurpose.QualificationProfessional, Today.AddYears(-1))],
            Ledger(o.Id, Today.Year, hoursThisYear), Ledger(o.Id, Today.Year - 1, hoursLastYear), certificates ?? []);
    }
}
