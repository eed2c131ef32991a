using Microsoft.Extensions.Localization;
using OfficerTraining.Agencies;
using OfficerTraining.Certificates;
using OfficerTraining.Exams;
using OfficerTraining.Reports.Compliance;
using OfficerTraining.Web.Features.Agencies;
using OfficerTraining.Web.Components.Shared.Exports;
using OfficerTraining.Web.Features.Reports.Compliance;

namespace OfficerTraining.Tests.Web.ComplianceSheet_;

/// <summary>The compliance dashboard's list of officers as text: what the page shows and the CSV and XLSX hold.</summary>
public class when_the_officers_behind_a_figure_are_listed
{
    static readonly DateOnly Today = new(2026, 11, 28);
    static readonly Guid AgencyId = Guid.CreateVersion7();

    static OfficerCompliance Officer(params ComplianceAttempt[] attempts)
    {
        var o = new OfficerCompliance { Id = Guid.CreateVersion7(), Name = "张伟", AgencyId = AgencyId, Active = true };
        o.Credits[Guid.CreateVersion7()] = new(2026, 30m);
        o.Credits[Guid.CreateVersion7()] = new(2026, 12.5m);
        o.Credits[Guid.CreateVersion7()] = new(2025, 40m);
        foreach (var a in attempts) o.Attempts[Guid.CreateVersion7()] = a;
        o.Certificates[Guid.CreateVersion7()] = new("豫0401-2026-0007", CertificateKind.Enforcement, new(2031, 2, 28), CertificateStatus.Valid, null);
        o.Certificates[Guid.CreateVersion7()] = new("豫0401-2021-0001", CertificateKind.Enforcement, new(2026, 2, 28), CertificateStatus.Valid, null);
        return o;
    }

    static ComplianceAttempt Review(bool? passed, int year = 2026, ExamPurpose purpose = ExamPurpose.AnnualReview) =>
        new(purpose, year, new(year, 6, 1), passed);

    [Fact]
    public void a_row_holds_name_agency_hours_of_the_year_exam_result_and_certificates()
    {
        var cells = ComplianceSheet.Cells([Officer(Review(true))], 2026, Today, new Dictionary<Guid, string> { [AgencyId] = "平顶山市城市管理局" },
            new KeyLocalizer());

        cells.Should().ContainSingle().Which.Should().Equal("张伟", "平顶山市城市管理局", "42.5", "Dash.Exam.Passed",
            "Dash.CertificateItem:豫0401-2021-0001,Cert.Status.Expired,2026-02-28Common.ListSeparator"
            + "Dash.CertificateItem:豫0401-2026-0007,Cert.Status.Valid,2031-02-28");
        ComplianceSheet.Headers(new KeyLocalizer(), 2026).Should().HaveCount(5).And.Contain("Dash.Col.Hours:2026");
    }

    [Fact]
    public void the_exam_result_counts_the_review_and_its_make_up_of_that_year_only()
    {
        ComplianceSheet.ExamResult(Officer(), 2026).Should().Be(ReviewExamResult.NotSat);
        ComplianceSheet.ExamResult(Officer(Review(true, 2025), Review(null, 2026, ExamPurpose.QualificationPublic)), 2026)
            .Should().Be(ReviewExamResult.NotSat);
        ComplianceSheet.ExamResult(Officer(Review(null)), 2026).Should().Be(ReviewExamResult.Pending);
        ComplianceSheet.ExamResult(Officer(Review(false)), 2026).Should().Be(ReviewExamResult.Failed);
        ComplianceSheet.ExamResult(Officer(Review(false), Review(true, purpose: ExamPurpose.MakeUp)), 2026).Should().Be(ReviewExamResult.Passed);
    }

    [Fact]
    public void an_agency_no_longer_known_is_left_blank() =>
        ComplianceSheet.Cells([Officer()], 2026, Today, new Dictionary<Guid, string>(), new KeyLocalizer())[0][1].Should().BeEmpty();

    [Fact]
    public void the_csv_opens_in_excel_as_utf8_with_a_byte_order_mark()
    {
        var url = TableCsv.DataUrl(TableCsv.Of(ComplianceSheet.Headers(new KeyLocalizer(), 2026),
            ComplianceSheet.Cells([Officer()], 2026, Today, new Dictionary<Guid, string> { [AgencyId] = "城管局" }, new KeyLocalizer())));

        url.Should().StartWith("data:text/csv;charset=utf-8,%EF%BB%BF");
        Uri.UnescapeDataString(url[(url.IndexOf(',') + 1)..]).Should().Contain("张伟,城管局,42.5");
    }

    [Theory]
    [InlineData(0, "0%")]
    [InlineData(0.8571, "85.7%")]
    [InlineData(1, "100%")]
    public void shares_read_as_percentages(double share, string text) => ComplianceSheet.Percent(share).Should().Be(text);

    [Fact]
    public void the_file_name_holds_no_character_windows_refuses() =>
        ComplianceSheet.FileName(new FigurePick(DrillDown.CertificateStatus, CertificateStatus.Revoked), 2026, new KeyLocalizer())
            .Should().Be("Dash.FileName-Dash.Fig.CertificateStatus-Cert.Status.Revoked,2026");

    /// <summary>Answers every key with itself, so a test sees which label went where.</summary>
    sealed class KeyLocalizer : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);
        public LocalizedString this[string name, params object[] arguments] => new(name, name + ":" + string.Join(",", arguments));
        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}

/// <summary>The agency filter: one agency, or it and everything under it.</summary>
public class when_the_dashboard_is_filtered_by_agency
{
    static readonly Agency City = A("4104", AgencyLevel.City, null);
    static readonly Agency County = A("410402", AgencyLevel.County, City.Id);
    static readonly Agency Department = A("410402CG", AgencyLevel.Department, County.Id);
    static readonly IReadOnlyList<AgencyNode> Tree = AgencyTree.Order([City, County, Department]);

    static Agency A(string code, AgencyLevel level, Guid? parent) =>
        new(Guid.CreateVersion7(), code, code, level, parent, [EnforcementDomain.UrbanManagement], true, DateTimeOffset.UnixEpoch);

    [Fact]
    public void with_sub_agencies_it_takes_the_subtree() =>
        new ComplianceQuery(2026, County.Id).ToFilter(Tree).AgencyIds.Should().BeEquivalentTo([County.Id, Department.Id]);

    [Fact]
    public void without_them_only_the_agency() =>
        new ComplianceQuery(2026, County.Id, WithSubAgencies: false).ToFilter(Tree).AgencyIds.Should().Equal(County.Id);

    [Fact]
    public void no_agency_means_all_and_the_rest_passes_through() =>
        new ComplianceQuery(2026, Domain: EnforcementDomain.Transport, ExpiringWithinDays: 30).ToFilter(Tree)
            .Should().Be(new DashboardFilter(2026, null, EnforcementDomain.Transport, 30));
}
