using OfficerTraining.Agencies;
using OfficerTraining.Infrastructure;

namespace OfficerTraining.Tests.Agencies;

public class when_registering_an_agency
{
    static readonly Agency City = Given.City();

    static RegisterAgency Department(string code = "410400CG01", Guid? parent = null, params EnforcementDomain[] domains) =>
        new(Guid.NewGuid(), code, " 平顶山市城市管理局 ", AgencyLevel.Department, parent ?? City.Id,
            domains.Length == 0 ? [EnforcementDomain.UrbanManagement] : domains);

    [Fact]
    public void a_department_under_the_city_is_registered_with_trimmed_name()
    {
        var c = Department();
        AgencyDecider.Decide(c, City, codeTaken: false).Should().ContainSingle().Which.Should()
            .BeEquivalentTo(new AgencyRegistered(c.AgencyId, "410400CG01", "平顶山市城市管理局", AgencyLevel.Department,
                City.Id, [EnforcementDomain.UrbanManagement]));
    }

    [Fact]
    public void a_city_needs_no_parent() =>
        AgencyDecider.Decide(new RegisterAgency(Guid.NewGuid(), "410400", "平顶山市", AgencyLevel.City, null, []), null, false)
            .Should().ContainSingle().Which.Should().BeOfType<AgencyRegistered>();

    [Theory]
    [InlineData("4104 00", "Agency.CodeFormat")]
    [InlineData("豫A01", "Agency.CodeFormat")]
    [InlineData("", "Field.Required")]
    public void a_bad_code_is_refused(string code, string key) =>
        FluentActions.Invoking(() => AgencyDecider.Decide(Department(code), City, false))
            .Should().Throw<DomainException>().Which.Key.Should().Be(key);

    [Fact]
    public void a_code_in_use_is_refused() =>
        FluentActions.Invoking(() => AgencyDecider.Decide(Department(), City, codeTaken: true))
            .Should().Throw<DomainException>().Which.Key.Should().Be("Agency.CodeTaken");

    [Fact]
    public void a_department_needs_a_domain() =>
        FluentActions.Invoking(() => AgencyDecider.Decide(Department() with { Domains = [] }, City, false))
            .Should().Throw<DomainException>().Which.Key.Should().Be("Agency.DomainRequired");

    [Fact]
    public void a_county_cannot_sit_under_a_department()
    {
        var department = Given.Department(City);
        var county = new RegisterAgency(Guid.NewGuid(), "410421", "宝丰县", AgencyLevel.County, department.Id, []);
        FluentActions.Invoking(() => AgencyDecider.Decide(county, department, false))
            .Should().Throw<DomainException>().Which.Key.Should().Be("Agency.WrongParentLevel");
    }

    [Fact]
    public void a_city_with_a_parent_is_refused() =>
        FluentActions.Invoking(() => AgencyDecider.Decide(
                new RegisterAgency(Guid.NewGuid(), "410500", "安阳市", AgencyLevel.City, City.Id, []), City, false))
            .Should().Throw<DomainException>().Which.Key.Should().Be("Agency.CityHasNoParent");

    [Fact]
    public void nothing_can_be_registered_under_an_inactive_parent() =>
        FluentActions.Invoking(() => AgencyDecider.Decide(Department(), City with { Active = false }, false))
            .Should().Throw<DomainException>().Which.Key.Should().Be("Agency.ParentInactive");
}

public class when_changing_an_agency
{
    static readonly Agency City = Given.City();
    static readonly Agency County = Given.County(City);
    static readonly Agency Department = Given.Department(County);

    [Fact]
    public void an_edit_that_changes_nothing_records_nothing() =>
        AgencyDecider.Decide(new EditAgency(Department.Id, Department.Name, Department.Domains, "无"), Department)
            .Should().BeEmpty();

    [Fact]
    public void an_edit_records_the_new_details_and_the_reason() =>
        AgencyDecider.Decide(new EditAgency(Department.Id, "宝丰县城市管理局", [EnforcementDomain.UrbanManagement], "更名"), Department)
            .Should().ContainSingle().Which.Should().BeEquivalentTo(new AgencyDetailsEdited(Department.Id, "宝丰县城市管理局",
                [EnforcementDomain.UrbanManagement], "更名"));

    [Fact]
    public void a_move_records_where_from_and_where_to() =>
        AgencyDecider.Decide(new MoveAgency(Department.Id, City.Id, "机构改革"), Department, [City])
            .Should().ContainSingle().Which.Should().Be(new AgencyMoved(Department.Id, County.Id, City.Id, "机构改革"));

    [Fact]
    public void a_move_that_would_close_a_loop_is_refused_even_if_the_levels_fit()
    {
        // The level rules already rule loops out; this guards against a lineage that is corrupt anyway.
        var otherCity = Given.City() with { Id = Guid.NewGuid(), Code = "410500" };
        FluentActions.Invoking(() => AgencyDecider.Decide(new MoveAgency(County.Id, otherCity.Id, "x"), County, [otherCity, County]))
            .Should().Throw<DomainException>().Which.Key.Should().Be("Agency.Cycle");
    }

    [Fact]
    public void an_agency_with_active_officers_is_not_deactivated() =>
        FluentActions.Invoking(() => AgencyDecider.Decide(new DeactivateAgency(Department.Id, "撤销"), Department, 0, 3))
            .Should().Throw<DomainException>().Which.Key.Should().Be("Agency.HasActiveOfficers");

    [Fact]
    public void an_agency_with_active_sub_agencies_is_not_deactivated() =>
        FluentActions.Invoking(() => AgencyDecider.Decide(new DeactivateAgency(County.Id, "撤销"), County, 1, 0))
            .Should().Throw<DomainException>().Which.Key.Should().Be("Agency.HasActiveChildren");

    [Fact]
    public void deactivating_needs_a_reason_and_deactivating_twice_does_nothing()
    {
        FluentActions.Invoking(() => AgencyDecider.Decide(new DeactivateAgency(Department.Id, " "), Department, 0, 0))
            .Should().Throw<DomainException>().Which.Key.Should().Be("Field.Required");
        AgencyDecider.Decide(new DeactivateAgency(Department.Id, "撤销"), Department with { Active = false }, 0, 0)
            .Should().BeEmpty();
    }

    [Fact]
    public void reactivating_under_an_inactive_parent_is_refused() =>
        FluentActions.Invoking(() => AgencyDecider.Decide(new ReactivateAgency(Department.Id, "恢复"),
                Department with { Active = false }, County with { Active = false }))
            .Should().Throw<DomainException>().Which.Key.Should().Be("Agency.ParentInactive");
}
