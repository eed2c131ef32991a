using System.Text.RegularExpressions;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using OfficerTraining.Accounts;
using OfficerTraining.Agencies;
using OfficerTraining.Certificates;
using OfficerTraining.Demo;
using OfficerTraining.Infrastructure;
using OfficerTraining.Officers;
using OfficerTraining.Settings;
using OfficerTraining.Training;

namespace OfficerTraining.IntegrationTests.Demo;

/// <summary>The demo city's past, on the same seeded city as <see cref="DemoDataTests"/> (one seed for both).</summary>
public sealed partial class DemoDataTests
{
    static DateOnly Today => ChinaTime.Today(TimeProvider.System);
    static Guid DemoOfficer => Plan.Accounts.Single(a => a.UserName == "officer").OfficerId!.Value;

    async Task<List<Certificate>> CertificatesAsync()
    {
        await using var session = city.Store.QuerySession();
        return [.. await session.Query<Certificate>().ToListAsync(Ct)];
    }

    [Fact]
    public async Task The_demo_officer_is_eligible_for_an_enforcement_certificate_and_holds_none()
    {
        var check = await city.Services.GetRequiredService<CertificateCommands>().Check(DemoOfficer, CertificateKind.Enforcement, Ct);

        check.Eligible.Should().BeTrue(string.Join("; ", check.Missing.Select(r => r.Key)));
        (await city.Services.GetRequiredService<CertificateRegister>().OfOfficer(DemoOfficer, Ct)).Should().BeEmpty();
    }

    [Fact]
    public async Task The_demo_officer_met_last_years_hours_and_is_on_the_way_this_year()
    {
        var ledgers = city.Services.GetRequiredService<TrainingLedgers>();

        (await ledgers.For(DemoOfficer, Today.Year - 1, Ct)).Met.Should().BeTrue();
        (await ledgers.For(DemoOfficer, Today.Year, Ct)).Total.Should().BeGreaterThan(0).And.BeLessThan(60);
    }

    [Fact]
    public async Task About_one_officer_in_ten_fell_short_of_last_years_hours_and_none_by_much()
    {
        var ids = Plan.Officers.Select(o => o.OfficerId).ToArray();
        var ledgers = await city.Services.GetRequiredService<TrainingLedgers>().ForMany(ids, Today.Year - 1, Ct);

        var shortOnes = ledgers.Values.Where(l => !l.Met).ToList();
        shortOnes.Count.Should().BeInRange(ids.Length * 5 / 100, ids.Length * 15 / 100);
        shortOnes.Should().OnlyContain(l => l.Total >= 40 && l.Total < 60);
    }

    [Fact]
    public async Task Most_established_officers_hold_an_enforcement_certificate_in_force()
    {
        var certificates = await CertificatesAsync();
        var established = Plan.Officers.Where(o => o.EmploymentType == EmploymentType.Established).Select(o => o.OfficerId).ToHashSet();

        var holders = certificates.Where(c => c.Kind == CertificateKind.Enforcement && c.InForceOn(Today))
            .Select(c => c.Holder.OfficerId).ToHashSet();

        holders.Should().BeSubsetOf(established);
        ((double)holders.Count / established.Count).Should().BeInRange(0.7, 0.9);
    }

    [Fact]
    public async Task Numbers_are_unique_follow_the_pattern_and_the_serial_counters_continue_them()
    {
        var certificates = await CertificatesAsync();
        await using var session = city.Store.QuerySession();
        var agencies = (await session.Query<Agency>().ToListAsync(Ct)).ToDictionary(a => a.Id, a => a.Code);
        var serials = (await session.Query<CertificateSerial>().ToListAsync(Ct)).ToDictionary(s => s.Id, s => s.Last);

        certificates.Select(c => c.Number).Should().OnlyHaveUniqueItems();
        certificates.Select(c => c.Token).Should().OnlyHaveUniqueItems();
        foreach (var c in certificates)
        {
            var year = c.Number.Substring(1 + agencies[c.Holder.AgencyId].Length, 4);
            c.Number.Should().MatchRegex($"^豫{Regex.Escape(agencies[c.Holder.AgencyId])}20[0-9]{{2}}[0-9]{{5}}$");
            int.Parse(year, System.Globalization.CultureInfo.InvariantCulture).Should().BeInRange(Today.Year - 5, Today.Year - 1);
        }
        var lastByPrefix = certificates.GroupBy(c => CertificateNumbers.Prefix(Policy.Defaults.CertificateNumberPattern,
                agencies[c.Holder.AgencyId], int.Parse(c.Number[^9..^5], System.Globalization.CultureInfo.InvariantCulture)))
            .ToDictionary(g => g.Key, g => g.Max(c => int.Parse(c.Number[^5..], System.Globalization.CultureInfo.InvariantCulture)));
        serials.Should().BeEquivalentTo(lastByPrefix);
    }

    [Fact]
    public async Task The_certificates_have_a_little_history()
    {
        var statuses = (await CertificatesAsync()).Select(c => c.StatusOn(Today)).ToList();

        statuses.Count(s => s == CertificateStatus.Suspended).Should().Be(3);
        statuses.Count(s => s == CertificateStatus.Revoked).Should().Be(1);
        statuses.Count(s => s == CertificateStatus.Cancelled).Should().Be(2);
        statuses.Count(s => s == CertificateStatus.Replaced).Should().Be(1);
    }

    [Fact]
    public async Task A_dry_run_of_last_years_annual_review_passes_most_and_suspends_some()
    {
        var report = await city.Services.GetRequiredService<AnnualReviewRunner>().Run(Today.Year - 1, ReviewStage.Initial, dryRun: true,
            new Actor("certofficer", [Roles.CertificateOfficer]), ct: Ct);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{report.Decisions.Count} in scope: {report.Count(ReviewAction.Pass)} pass, {report.Count(ReviewAction.Suspend)} suspended");

        report.Count(ReviewAction.Pass).Should().BeGreaterThan(report.Decisions.Count * 7 / 10);
        report.Count(ReviewAction.Suspend).Should().BeGreaterThan(0);
        report.Decisions.Where(d => d.Action == ReviewAction.Suspend).Should().Contain(d => d.ExamPassed, "some only lack hours")
            .And.Contain(d => d.Hours >= d.Required, "and some only failed the exam");
    }

    [Fact]
    public async Task The_Justice_Bureau_has_its_supervisors_each_with_a_supervision_certificate_and_the_demo_supervisor_stays_unlinked()
    {
        await using var session = city.Store.QuerySession();
        var bureau = await session.Query<Agency>().SingleAsync(a => a.Code == JusticeBureau.Code, Ct);
        var supervisors = await session.Query<Officer>().Where(o => o.AgencyId == bureau.Id).ToListAsync(Ct);
        var certificates = await CertificatesAsync();

        bureau.Name.Should().Be("平顶山市司法局");
        supervisors.Count(o => o.EmploymentType == EmploymentType.InvitedSupervisor && o.Position == JusticeBureau.InvitedPosition)
            .Should().Be(5);
        supervisors.Count(o => o.EmploymentType == EmploymentType.Established).Should().Be(3);
        supervisors.Should().OnlyContain(o => certificates.Any(c =>
            c.Holder.OfficerId == o.Id && c.Kind == CertificateKind.Supervision && c.InForceOn(Today)));
        (await session.Query<Account>().SingleAsync(a => a.UserName == "supervisor", Ct)).OfficerId.Should().BeNull();
    }
}

public sealed partial class DemoDataTests
{
    [Fact]
    public async Task Last_years_annual_review_exam_has_a_realistic_spread_and_flags_its_badly_discriminating_questions()
    {
        var analysis = city.Services.GetRequiredService<OfficerTraining.Reports.ItemAnalysis.ExamItemAnalysis>();
        var review = (await analysis.FinishedSessions(Ct)).Single(s => s.Title.Contains("年审考试"));

        var result = (await analysis.ForSession(review.SessionId, Ct))!;

        // A flawed question nobody who failed happened to draw has no spread, hence no discrimination index.
        var flawed = result.Questions.Where(q => PastExams.IsFlawed(q.Code) && q.DiscriminationIndex is not null).ToList();
        flawed.Should().NotBeEmpty().And.OnlyContain(q => q.NeedsChecking == OfficerTraining.Reports.ItemAnalysis.NeedsChecking.VeryLikely,
            "the demo's flawed questions are answered right by those who fail");
        result.Quiz.Mean.Should().BeLessThan(0.9 * result.Quiz.MaxTotal, "those who pass miss some questions");
    }
}
