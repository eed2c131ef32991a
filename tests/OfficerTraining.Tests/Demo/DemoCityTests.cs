using OfficerTraining.Agencies;
using OfficerTraining.Demo;
using OfficerTraining.Infrastructure;
using OfficerTraining.Officers;

namespace OfficerTraining.Tests.Demo;

public sealed class DemoCityTests
{
    static readonly DemoCityPlan Plan = DemoCity.Generate();
    static readonly DateOnly Today = new(2026, 6, 1);

    static object Snapshot(DemoCityPlan plan) => new
    {
        Agencies = plan.Agencies.Select(a => $"{a.AgencyId}|{a.Code}|{a.Name}|{a.Level}|{a.ParentId}|{string.Join(",", a.Domains)}").ToList(),
        Officers = plan.Officers.Select(o => $"{o.OfficerId}|{o.Name}|{o.AgencyId}|{o.Position}|{string.Join(",", o.Domains)}|" +
                                             $"{o.EmploymentType}|{o.NationalId.Value}|{o.NationalId.Masked}").ToList(),
        Accounts = plan.Accounts.Select(a => a.ToString()).ToList(),
    };

    [Fact]
    public void The_same_seed_gives_the_same_city()
    {
        Snapshot(DemoCity.Generate(2026)).Should().BeEquivalentTo(Snapshot(Plan), o => o.WithStrictOrdering());
        Snapshot(DemoCity.Generate(7)).Should().BeEquivalentTo(Snapshot(DemoCity.Generate(7)), o => o.WithStrictOrdering());
    }

    [Fact]
    public void Another_seed_gives_other_people_in_the_same_agencies()
    {
        var other = DemoCity.Generate(7);

        other.Agencies.Select(a => (a.Code, a.Name)).Should().Equal(Plan.Agencies.Select(a => (a.Code, a.Name)));
        other.Agencies.Select(a => a.AgencyId).Should().NotIntersectWith(Plan.Agencies.Select(a => a.AgencyId));
        other.Officers.Select(o => o.OfficerId).Should().NotIntersectWith(Plan.Officers.Select(o => o.OfficerId));
        other.Officers.Select(o => o.Name).Should().NotEqual(Plan.Officers.Select(o => o.Name));
        other.Officers.Select(o => o.NationalId.Value).Should().NotIntersectWith(Plan.Officers.Select(o => o.NationalId.Value));
    }

    [Fact]
    public void About_twenty_agencies_in_a_tree_under_the_city_cover_all_seven_domains()
    {
        Plan.Agencies.Should().HaveCountGreaterThanOrEqualTo(18).And.HaveCountLessThanOrEqualTo(24);
        Plan.Agencies[0].Should().Match<RegisterAgency>(a => a.Level == AgencyLevel.City && a.ParentId == null && a.Name == "平顶山市");
        Plan.Agencies.Count(a => a.Level == AgencyLevel.City).Should().Be(1);
        Plan.Agencies.Count(a => a.Level == AgencyLevel.County).Should().BeInRange(3, 5);
        Plan.Agencies.Where(a => a.Level == AgencyLevel.Department).SelectMany(a => a.Domains).Distinct()
            .Should().BeEquivalentTo(Enum.GetValues<EnforcementDomain>());
        Plan.Agencies.Select(a => a.Code).Should().OnlyHaveUniqueItems()
            .And.OnlyContain(c => c.Length <= 20 && c.All(char.IsAsciiLetterOrDigit));
        Plan.Agencies.Select(a => a.AgencyId).Should().OnlyHaveUniqueItems();
        for (var i = 1; i < Plan.Agencies.Count; i++)
            Plan.Agencies.Take(i).Select(a => (Guid?)a.AgencyId).Should().Contain(Plan.Agencies[i].ParentId, Plan.Agencies[i].Name);
    }

    [Fact]
    public void About_five_hundred_officers_work_in_departments_of_the_plan_in_their_department_domains()
    {
        var agencies = Plan.Agencies.ToDictionary(a => a.AgencyId);

        Plan.Officers.Should().HaveCountGreaterThanOrEqualTo(450).And.HaveCountLessThanOrEqualTo(550);
        Plan.Officers.Select(o => o.OfficerId).Should().OnlyHaveUniqueItems();
        Plan.Officers.Select(o => o.Name).Should().OnlyHaveUniqueItems()
            .And.OnlyContain(n => n.Length >= 2 && n.Length <= 4 && !n.Any(char.IsWhiteSpace) && !n.Any(char.IsAscii));
        foreach (var officer in Plan.Officers)
        {
            agencies.Should().ContainKey(officer.AgencyId);
            var agency = agencies[officer.AgencyId];
            agency.Level.Should().Be(AgencyLevel.Department);
            officer.Domains.Should().NotBeEmpty().And.OnlyHaveUniqueItems().And.BeSubsetOf(agency.Domains);
        }
        Plan.Officers.GroupBy(o => o.AgencyId).Should().HaveCount(Plan.Agencies.Count(a => a.Level == AgencyLevel.Department));
        var largest = Plan.Officers.GroupBy(o => agencies[o.AgencyId].Domains[0]).OrderByDescending(g => g.Count()).Take(3).Select(g => g.Key);
        largest.Should().BeEquivalentTo([EnforcementDomain.PublicSecurity, EnforcementDomain.MarketRegulation, EnforcementDomain.UrbanManagement]);
    }

    [Fact]
    public void Every_ID_number_is_valid_unique_from_pingdingshan_and_of_working_age()
    {
        Plan.Officers.Select(o => o.NationalId.Value).Should().OnlyHaveUniqueItems();
        foreach (var id in Plan.Officers.Select(o => o.NationalId))
        {
            NationalIdNumber.TryParse(id.Value, out var error).Should().NotBeNull(error);
            id.Value.Should().StartWith("4104");
            var age = 2026 - id.BirthDate.Year - (id.BirthDate > new DateOnly(id.BirthDate.Year, 1, 1) ? 1 : 0);
            age.Should().BeInRange(23, 58, id.Value);
        }
        Plan.Officers.Count(o => o.NationalId.Gender == Gender.Female).Should().BeInRange(50, 250);
    }

    [Fact]
    public void Most_officers_are_established_staff_and_leading_posts_go_to_them()
    {
        var share = (double)Plan.Officers.Count(o => o.EmploymentType == EmploymentType.Established) / Plan.Officers.Count;

        share.Should().BeInRange(0.78, 0.92);
        // Invited supervisors are not department staff: the demo history adds them to the Justice Bureau.
        Plan.Officers.Select(o => o.EmploymentType).Distinct().Should()
            .BeEquivalentTo(Enum.GetValues<EmploymentType>().Except([EmploymentType.InvitedSupervisor]));
        Plan.Officers.Where(o => o.Position is "副局长" or "大队长" or "科长" or "所长")
            .Should().NotBeEmpty().And.OnlyContain(o => o.EmploymentType == EmploymentType.Established);
        Plan.Officers.GroupBy(o => o.AgencyId).Should().OnlyContain(g => g.Count(o => o.Position == "副局长") >= 1);
    }

    [Fact]
    public void Six_demo_accounts_one_per_role_and_the_officer_is_an_established_officer_of_the_city_urban_management()
    {
        Plan.Accounts.Select(a => a.UserName).Should().Equal("admin", "trainer", "reviewer", "certofficer", "supervisor", "officer");
        Plan.Accounts.Select(a => a.Role).Should().BeEquivalentTo(Roles.All);
        Plan.Accounts.Where(a => a.Role != Roles.Officer).Should().OnlyContain(a => a.OfficerId == null);

        var account = Plan.Accounts.Single(a => a.Role == Roles.Officer);
        var officer = Plan.Officers.Single(o => o.OfficerId == account.OfficerId);
        officer.EmploymentType.Should().Be(EmploymentType.Established);
        Plan.Agencies.Single(a => a.AgencyId == officer.AgencyId).Name.Should().Be("平顶山市城市管理局");
        account.DisplayName.Should().Be(officer.Name);
        DemoCity.Password.Should().Be("Demo@2026");
    }

    [Fact]
    public void Every_command_passes_the_real_deciders()
    {
        var registered = new Dictionary<Guid, Agency>();
        foreach (var c in Plan.Agencies)
        {
            var parent = c.ParentId is { } p ? registered.GetValueOrDefault(p) : null;
            var codeTaken = registered.Values.Any(a => a.Code == c.Code);
            var e = AgencyDecider.Decide(c, parent, codeTaken).Should().ContainSingle().Which.Should().BeOfType<AgencyRegistered>().Subject;
            registered[e.AgencyId] = new Agency(e.AgencyId, e.Code, e.Name, e.Level, e.ParentId, e.Domains, true, DateTimeOffset.UnixEpoch);
        }

        var protector = new NationalIdProtector(Enumerable.Repeat((byte)7, 32).ToArray());
        foreach (var c in Plan.Officers)
        {
            var (protectedId, _) = protector.Protect(c.OfficerId, c.NationalId);
            OfficerDecider.Decide(c, registered.GetValueOrDefault(c.AgencyId), false, protectedId, Today)
                .Should().ContainSingle().Which.Should().BeOfType<OfficerRegistered>();
        }
    }
}
