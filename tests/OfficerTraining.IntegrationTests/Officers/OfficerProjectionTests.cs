using Marten;
using OfficerTraining.Agencies;
using OfficerTraining.Infrastructure;
using OfficerTraining.IntegrationTests.Harness;
using OfficerTraining.Officers;

namespace OfficerTraining.IntegrationTests.Officers;

public class when_officers_are_registered_and_changed(StoreFixture f) : IClassFixture<StoreFixture>
{
    [Fact]
    public async Task the_officer_record_follows_its_events_and_each_event_says_who()
    {
        var (city, department) = await Arrange.CityWithDepartment(f, "P1");
        var officers = f.Get<OfficerCommands>();
        var register = Arrange.Officer(department, name: "李娜");
        await officers.Handle(register, Arrange.Admin);
        await officers.Handle(new EditOfficer(register.OfficerId, "李娜", "科长", [EnforcementDomain.UrbanManagement],
            EmploymentType.Established, "晋升"), Arrange.Admin, expectedVersion: 1);
        await officers.Handle(new TransferOfficer(register.OfficerId, city.Id, new DateOnly(2026, 5, 1), "调往市政府"), Arrange.Admin);

        await using var session = f.Store.QuerySession();
        var officer = await session.LoadAsync<Officer>(register.OfficerId);
        officer!.Position.Should().Be("科长");
        officer.AgencyId.Should().Be(city.Id);
        officer.Version.Should().Be(3);
        officer.NationalId.Masked.Should().Be(register.NationalId.Masked);

        var events = await session.Events.FetchStreamAsync(register.OfficerId);
        events.Select(e => e.Data.GetType()).Should().Equal(typeof(OfficerRegistered), typeof(OfficerDetailsEdited), typeof(OfficerTransferred));
        events.Should().OnlyContain(e => e.UserName == "admin");
    }

    [Fact]
    public async Task the_id_number_is_stored_only_in_protected_form_and_finds_the_officer()
    {
        var (_, department) = await Arrange.CityWithDepartment(f, "P2");
        var register = Arrange.Officer(department);
        var officers = f.Get<OfficerCommands>();
        await officers.Handle(register, Arrange.Admin);

        await using var session = f.Store.QuerySession();
        var clear = f.Get<NationalIdProtector>().Reveal(
            (await session.LoadAsync<Officer>(register.OfficerId))!.NationalId,
            (await session.LoadAsync<PersonalDataKey>(register.OfficerId))!);
        var rawEvents = await session.AdvancedSql.QueryAsync<string>(
            $"select data::text from {f.Schema}.mt_events where stream_id = ?", CancellationToken.None, register.OfficerId);
        var rawDoc = await session.AdvancedSql.QueryAsync<string>(
            $"select data::text from {f.Schema}.mt_doc_officer where id = ?", CancellationToken.None, register.OfficerId);
        rawEvents.Concat(rawDoc).Should().NotBeEmpty().And.OnlyContain(json => !json.Contains(clear));

        (await officers.FindByNationalId(session, register.NationalId, CancellationToken.None))!.Id.Should().Be(register.OfficerId);
    }

    [Fact]
    public async Task the_same_id_number_cannot_be_registered_twice()
    {
        var (_, department) = await Arrange.CityWithDepartment(f, "P3");
        var officers = f.Get<OfficerCommands>();
        var first = Arrange.Officer(department);
        await officers.Handle(first, Arrange.Admin);

        var again = () => officers.Handle(Arrange.Officer(department, first.NationalId, "另一人"), Arrange.Admin);
        (await again.Should().ThrowAsync<DomainException>()).Which.Key.Should().Be("Officer.NationalIdTaken");
    }

    [Fact]
    public async Task an_edit_made_from_a_stale_page_is_refused()
    {
        var (_, department) = await Arrange.CityWithDepartment(f, "P4");
        var officers = f.Get<OfficerCommands>();
        var register = Arrange.Officer(department);
        await officers.Handle(register, Arrange.Admin);
        var edit = new EditOfficer(register.OfficerId, "张伟", "副科长", [EnforcementDomain.UrbanManagement], EmploymentType.Established, "调整");
        await officers.Handle(edit, Arrange.Admin, expectedVersion: 1);

        var stale = () => officers.Handle(edit with { Position = "科长" }, Arrange.Admin, expectedVersion: 1);
        (await stale.Should().ThrowAsync<DomainException>()).Which.Key.Should().Be("Stream.Changed");
    }

    [Fact]
    public async Task only_an_administrator_may_register_and_nothing_is_written_otherwise()
    {
        var (_, department) = await Arrange.CityWithDepartment(f, "P5");
        var register = Arrange.Officer(department);
        var asOfficer = () => f.Get<OfficerCommands>().Handle(register, new Actor("zhangwei", [Roles.Officer, Roles.Supervisor]));
        (await asOfficer.Should().ThrowAsync<DomainException>()).Which.Key.Should().Be("NotAllowed");

        await using var session = f.Store.QuerySession();
        (await session.Events.FetchStreamStateAsync(register.OfficerId)).Should().BeNull();
    }
}

public class when_agencies_are_organised(StoreFixture f) : IClassFixture<StoreFixture>
{
    [Fact]
    public async Task an_agency_code_is_unique()
    {
        var (city, _) = await Arrange.CityWithDepartment(f, "A1");
        var duplicate = () => f.Get<AgencyCommands>().Handle(new RegisterAgency(Guid.CreateVersion7(), "DA1", "重复", AgencyLevel.Department,
            city.Id, [EnforcementDomain.Transport]), Arrange.Admin);
        (await duplicate.Should().ThrowAsync<DomainException>()).Which.Key.Should().Be("Agency.CodeTaken");
    }

    [Fact]
    public async Task an_agency_with_officers_stays_active_until_they_leave()
    {
        var (_, department) = await Arrange.CityWithDepartment(f, "A2");
        var officer = Arrange.Officer(department);
        await f.Get<OfficerCommands>().Handle(officer, Arrange.Admin);
        var agencies = f.Get<AgencyCommands>();

        var deactivate = () => agencies.Handle(new DeactivateAgency(department.Id, "撤并"), Arrange.Admin);
        (await deactivate.Should().ThrowAsync<DomainException>()).Which.Key.Should().Be("Agency.HasActiveOfficers");

        await f.Get<OfficerCommands>().Handle(new DeactivateOfficer(officer.OfficerId, new DateOnly(2026, 6, 30), "退休"), Arrange.Admin);
        await deactivate();
        await using var session = f.Store.QuerySession();
        (await session.LoadAsync<Agency>(department.Id))!.Active.Should().BeFalse();
    }

    [Fact]
    public async Task a_department_moves_between_parents_and_the_tree_follows()
    {
        var (city, department) = await Arrange.CityWithDepartment(f, "A3");
        var agencies = f.Get<AgencyCommands>();
        var county = new RegisterAgency(Guid.CreateVersion7(), "KA3", "宝丰县A3", AgencyLevel.County, city.Id, []);
        await agencies.Handle(county, Arrange.Admin);
        await agencies.Handle(new MoveAgency(department.Id, county.AgencyId, "下放"), Arrange.Admin);

        await using var session = f.Store.QuerySession();
        (await session.Query<Agency>().Where(a => a.ParentId == county.AgencyId).Select(a => a.Id).ToListAsync())
            .Should().Equal(department.Id);
    }
}
