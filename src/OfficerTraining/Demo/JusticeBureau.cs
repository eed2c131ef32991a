using Bogus;
using OfficerTraining.Agencies;
using OfficerTraining.Officers;

namespace OfficerTraining.Demo;

/// <summary>
/// The city Justice Bureau (市司法局), which supervises enforcement and issues the certificates: its staff of the
/// supervision section and the invited supervisors (特邀行政执法监督员) from the press, law firms, companies and
/// universities. Not part of <see cref="DemoCity"/>'s plan (whose departments enforce): the demo history adds it.
/// </summary>
public static class JusticeBureau
{
    public const string Code = "410400SF01";
    public const string Name = "平顶山市司法局";
    public const string InvitedPosition = "特邀行政执法监督员";

    static readonly string[] StaffPositions = ["行政执法协调监督科科长", "行政执法协调监督科副科长", "行政执法协调监督科科员"];
    const int InvitedSupervisors = 5;

    /// <summary>The bureau (under the city, supervising every domain) and its eight supervisors, drawn with
    /// <paramref name="faker"/> so that nobody shares a name or ID number with the city's officers.</summary>
    public static (RegisterAgency Agency, IReadOnlyList<RegisterOfficer> Supervisors) Plan(DemoCityPlan city, Faker faker)
    {
        var cityId = city.Agencies.Single(a => a.Code == DemoCityData.CityCode).AgencyId;
        EnforcementDomain[] all = Enum.GetValues<EnforcementDomain>();
        var agency = new RegisterAgency(faker.Random.Guid(), Code, Name, AgencyLevel.Department, cityId, all);
        var people = new DemoCity.People(faker);
        foreach (var officer in city.Officers) people.Reserve(officer.Name, officer.NationalId);
        var posts = StaffPositions.Select(p => (Position: p, Type: EmploymentType.Established))
            .Concat(Enumerable.Repeat((Position: InvitedPosition, Type: EmploymentType.InvitedSupervisor), InvitedSupervisors));
        var supervisors = posts.Select(post =>
        {
            var (name, id) = people.Next(DemoCityData.CityCode, minAge: 30);
            return new RegisterOfficer(faker.Random.Guid(), name, agency.AgencyId, post.Position, all, post.Type, id);
        }).ToList();
        return (agency, supervisors);
    }
}
