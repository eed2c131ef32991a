using OfficerTraining.Agencies;
using OfficerTraining.Infrastructure;
using OfficerTraining.Officers;

namespace OfficerTraining.Tests.Officers;

public class when_registering_an_officer
{
    static readonly Agency Department = Given.Department(Given.City());

    static RegisterOfficer Command(string first17 = "41040219900307201") =>
        new(Guid.NewGuid(), " 张伟 ", Department.Id, "科员", [EnforcementDomain.UrbanManagement], EmploymentType.Established,
            Given.NationalId(first17));

    static object[] Decide(RegisterOfficer c, Agency? agency = null, bool taken = false) =>
        OfficerDecider.Decide(c, agency ?? Department, taken, Given.Protected(c.NationalId), Given.Today);

    [Fact]
    public void gender_and_birth_date_come_from_the_id_number_and_only_its_protected_form_is_recorded()
    {
        var c = Command("41040219851120462");
        var registered = Decide(c).Should().ContainSingle().Which.Should().BeOfType<OfficerRegistered>().Subject;
        registered.Should().BeEquivalentTo(new OfficerRegistered(c.OfficerId, "张伟", Gender.Female, new DateOnly(1985, 11, 20),
            Department.Id, "科员", [EnforcementDomain.UrbanManagement], EmploymentType.Established, Given.Protected(c.NationalId)));
    }

    [Fact]
    public void a_registered_id_number_is_refused() =>
        FluentActions.Invoking(() => Decide(Command(), taken: true))
            .Should().Throw<DomainException>().Which.Key.Should().Be("Officer.NationalIdTaken");

    [Fact]
    public void someone_under_eighteen_is_refused() =>
        FluentActions.Invoking(() => Decide(Command("41040220080401201")))
            .Should().Throw<DomainException>().Which.Key.Should().Be("Officer.TooYoung");

    [Fact]
    public void an_inactive_agency_is_refused() =>
        FluentActions.Invoking(() => Decide(Command(), Department with { Active = false }))
            .Should().Throw<DomainException>().Which.Key.Should().Be("Agency.Inactive");

    [Fact]
    public void an_officer_needs_a_domain() =>
        FluentActions.Invoking(() => Decide(Command() with { Domains = [] }))
            .Should().Throw<DomainException>().Which.Key.Should().Be("Officer.DomainRequired");
}

public class when_an_officers_record_changes
{
    static readonly Agency City = Given.City();
    static readonly Agency Department = Given.Department(City);
    static readonly Officer Officer = Given.Officer(Department);

    [Fact]
    public void only_established_serving_staff_may_hold_a_certificate()
    {
        Officer.MayHoldCertificate.Should().BeTrue();
        (Officer with { EmploymentType = EmploymentType.Contract }).MayHoldCertificate.Should().BeFalse();
        (Officer with { Active = false }).MayHoldCertificate.Should().BeFalse();
    }

    [Fact]
    public void an_edit_records_what_changed_with_the_reason() =>
        OfficerDecider.Decide(new EditOfficer(Officer.Id, Officer.Name, "科长", Officer.Domains, EmploymentType.Established, "晋升"), Officer)
            .Should().ContainSingle().Which.Should().BeOfType<OfficerDetailsEdited>().Which.Position.Should().Be("科长");

    [Fact]
    public void an_edit_that_changes_nothing_records_nothing() =>
        OfficerDecider.Decide(new EditOfficer(Officer.Id, Officer.Name, Officer.Position, Officer.Domains, Officer.EmploymentType, "无"), Officer)
            .Should().BeEmpty();

    [Fact]
    public void a_transfer_records_both_agencies_and_the_date()
    {
        var to = Given.Department(City) with { Id = Guid.NewGuid(), Code = "410400SC01" };
        var on = new DateOnly(2026, 4, 1);
        OfficerDecider.Decide(new TransferOfficer(Officer.Id, to.Id, on, "工作调动"), Officer, to)
            .Should().ContainSingle().Which.Should().Be(new OfficerTransferred(Officer.Id, Department.Id, to.Id, on, "工作调动"));
    }

    [Fact]
    public void a_transfer_to_the_same_agency_does_nothing() =>
        OfficerDecider.Decide(new TransferOfficer(Officer.Id, Department.Id, Given.Today, "x"), Officer, Department).Should().BeEmpty();

    [Fact]
    public void an_inactive_officer_cannot_be_transferred() =>
        FluentActions.Invoking(() => OfficerDecider.Decide(new TransferOfficer(Officer.Id, City.Id, Given.Today, "x"),
                Officer with { Active = false }, City))
            .Should().Throw<DomainException>().Which.Key.Should().Be("Officer.Inactive");

    [Fact]
    public void deactivating_and_reactivating_need_a_reason_and_are_idempotent()
    {
        OfficerDecider.Decide(new DeactivateOfficer(Officer.Id, Given.Today, "退休"), Officer)
            .Should().ContainSingle().Which.Should().Be(new OfficerDeactivated(Officer.Id, Given.Today, "退休"));
        OfficerDecider.Decide(new DeactivateOfficer(Officer.Id, Given.Today, "退休"), Officer with { Active = false }).Should().BeEmpty();
        OfficerDecider.Decide(new ReactivateOfficer(Officer.Id, Given.Today, "返聘"), Officer, Department).Should().BeEmpty();
        FluentActions.Invoking(() => OfficerDecider.Decide(new ReactivateOfficer(Officer.Id, Given.Today, ""), Officer with { Active = false }, Department))
            .Should().Throw<DomainException>().Which.Key.Should().Be("Field.Required");
    }
}
