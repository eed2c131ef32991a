using OfficerTraining.Certificates;
using OfficerTraining.Exams;
using OfficerTraining.Officers;

namespace OfficerTraining.Tests.Certificates;

public class when_eligibility_is_checked
{
    static IEnumerable<string> Missing(EligibilityCheck c) => c.Missing.Select(r => r.Key);

    [Fact]
    public void an_established_adult_with_both_exams_and_the_hours_is_eligible() =>
        Eligibility.Check(CertificateKind.Enforcement, Cards.Standing(), Cards.Policy, Cards.Today).Eligible.Should().BeTrue();

    [Fact]
    public void contract_staff_are_not_eligible_whatever_else_they_have() =>
        Missing(Eligibility.Check(CertificateKind.Enforcement, Cards.Standing(Given.Officer(Cards.Department, type: EmploymentType.Contract)),
            Cards.Policy, Cards.Today)).Should().Equal("Eligibility.EstablishedPost");

    [Fact]
    public void everything_missing_is_reported_at_once()
    {
        var minor = Given.Officer(Cards.Department) with { BirthDate = Cards.Today.AddYears(-17) };
        var check = Eligibility.Check(CertificateKind.Enforcement, Cards.Standing(minor, exams: [], hoursThisYear: 20),
            Cards.Policy, Cards.Today);
        Missing(check).Should().Equal("Eligibility.Adult", "Eligibility.QualificationPublic", "Eligibility.QualificationProfessional",
            "Eligibility.TrainingHours");
        check.Requirements.Single(r => r.Key == "Eligibility.TrainingHours").Args.Should().Equal("2026", "20", "60");
    }

    [Fact]
    public void a_qualification_exam_passed_longer_ago_than_its_validity_no_longer_counts()
    {
        var old = Cards.Standing(exams: [Cards.Passed(ExamPurpose.QualificationPublic, Cards.Today.AddYears(-4)),
            Cards.Passed(ExamPurpose.QualificationProfessional, Cards.Today.AddMonths(-2))]);
        Missing(Eligibility.Check(CertificateKind.Enforcement, old, Cards.Policy, Cards.Today)).Should().Equal("Eligibility.QualificationPublic");
    }

    [Fact]
    public void last_year_s_hours_count_when_this_year_has_just_begun() =>
        Eligibility.Check(CertificateKind.Enforcement, Cards.Standing(hoursThisYear: 0, hoursLastYear: 60), Cards.Policy, Cards.Today)
            .Eligible.Should().BeTrue();

    [Fact]
    public void a_certificate_in_force_or_a_revocation_ban_stands_in_the_way()
    {
        var officer = Given.Officer(Cards.Department);
        var held = Cards.Fold(Cards.Issued(Cards.Today.AddYears(-1), officer));
        Missing(Eligibility.Check(CertificateKind.Enforcement, Cards.Standing(officer, certificates: [held]), Cards.Policy, Cards.Today))
            .Should().Equal("Eligibility.NoneInForce");

        var revoked = Certificate.Apply(new CertificateRevoked(held.Id, "吊销", "依据", Cards.Today.AddYears(2)), held);
        Missing(Eligibility.Check(CertificateKind.Enforcement, Cards.Standing(officer, certificates: [revoked]), Cards.Policy, Cards.Today))
            .Should().Equal("Eligibility.NotBanned");
        Eligibility.Check(CertificateKind.Enforcement, Cards.Standing(officer, certificates: [revoked]), Cards.Policy, Cards.Today.AddYears(2).AddDays(1))
            .Missing.Should().NotContain(r => r.Key == "Eligibility.NotBanned");
    }

    [Fact]
    public void a_supervision_certificate_needs_the_public_part_only()
    {
        var check = Eligibility.Check(CertificateKind.Supervision,
            Cards.Standing(exams: [Cards.Passed(ExamPurpose.QualificationPublic, Cards.Today.AddMonths(-1))]), Cards.Policy, Cards.Today);
        check.Eligible.Should().BeTrue();
        check.Requirements.Select(r => r.Key).Should().Contain("Eligibility.SupervisorPost").And.NotContain("Eligibility.QualificationProfessional");
    }
}

public class when_a_number_is_made_from_the_pattern
{
    [Fact]
    public void placeholders_take_the_agency_code_the_year_and_the_padded_serial()
    {
        CertificateNumbers.Format("豫{agency}{year}{serial:D5}", "410400", 2026, 42).Should().Be("豫410400202600042");
        CertificateNumbers.Format("PDS-{year}-{serial:D3}", "410400", 2026, 7).Should().Be("PDS-2026-007");
        CertificateNumbers.Prefix("豫{agency}{year}{serial:D5}", "410400", 2026).Should().Be("豫4104002026#");
    }

    [Fact]
    public void an_unknown_placeholder_is_refused()
    {
        var act = () => CertificateNumbers.Format("豫{city}{serial}", "410400", 2026, 1);
        act.Should().Throw<OfficerTraining.Infrastructure.DomainException>().Which.Key.Should().Be("Certificate.PatternPlaceholder");
    }

    [Fact]
    public void tokens_do_not_repeat() =>
        Enumerable.Range(0, 1000).Select(_ => CertificateNumbers.NewToken()).Should().OnlyHaveUniqueItems();
}
