using System.Globalization;
using Bogus;
using OfficerTraining.Agencies;
using OfficerTraining.Infrastructure;
using OfficerTraining.Officers;
using static OfficerTraining.Demo.DemoCityData;

namespace OfficerTraining.Demo;

/// <summary>What the demo city consists of, as the commands that create it: agencies with parents first, then officers.</summary>
public sealed record DemoCityPlan(
    IReadOnlyList<RegisterAgency> Agencies, IReadOnlyList<RegisterOfficer> Officers, IReadOnlyList<DemoAccount> Accounts);

/// <summary>A demo sign-in account; all of them use <see cref="DemoCity.Password"/>.</summary>
public sealed record DemoAccount(string UserName, string DisplayName, string Role, Guid? OfficerId);

/// <summary>
/// A fictional 平顶山市 for demos and tests: the city, four counties and districts, fourteen departments covering all
/// seven enforcement domains, and 500 officers with Chinese names (Bogus, zh_CN) and valid ID numbers. Pure and
/// deterministic: the same seed gives the same agencies, officers and ids, on any day (ages are taken on a fixed date).
/// </summary>
public static class DemoCity
{
    public const int DefaultSeed = 2026;

    /// <summary>The password of every demo account (user names: admin, trainer, reviewer, certofficer, supervisor,
    /// officer). Demo data only: never seed it into a database people really use.</summary>
    public const string Password = "Demo@2026";

    /// <summary>The demo trainer, who publishes the starter courses.</summary>
    public const string TrainerUserName = "trainer";

    public static DemoCityPlan Generate(int seed = DefaultSeed)
    {
        var faker = new Faker("zh_CN") { Random = new Randomizer(seed) };
        var ids = new Dictionary<string, Guid>();
        var agencies = new List<RegisterAgency>();
        foreach (var row in DemoCityData.Agencies)
        {
            ids[row.Code] = faker.Random.Guid();
            agencies.Add(new RegisterAgency(ids[row.Code], row.Code, row.Name, row.Level,
                row.ParentCode is { } parent ? ids[parent] : null, row.Domains));
        }

        var people = new People(faker);
        var officers = new List<RegisterOfficer>();
        foreach (var row in DemoCityData.Agencies.Where(a => a.Headcount > 0))
            officers.AddRange(Department(faker, people, row, ids[row.Code]));

        var officerAgency = ids[OfficerAccountAgencyCode];
        var officer = officers.First(o => o.AgencyId == officerAgency && o.EmploymentType == EmploymentType.Established
                                          && Staff.Contains(o.Position));
        DemoAccount[] accounts =
        [
            new("admin", "系统管理员", Roles.Administrator, null),
            new(TrainerUserName, "培训管理员", Roles.Trainer, null),
            new("reviewer", "审题人", Roles.Reviewer, null),
            new("certofficer", "证件管理员", Roles.CertificateOfficer, null),
            new("supervisor", "执法监督员", Roles.Supervisor, null),
            new("officer", officer.Name, Roles.Officer, officer.OfficerId),
        ];
        return new DemoCityPlan(agencies, officers, accounts);
    }

    static List<RegisterOfficer> Department(Faker faker, People people, AgencyRow row, Guid agencyId)
    {
        var types = Enumerable.Range(0, row.Headcount)
            .Select(_ => faker.Random.WeightedRandom(EmploymentTypes, EmploymentWeights)).ToList();
        var posts = EstablishedPosts(faker, row, types.Count(t => t == EmploymentType.Established));
        var officers = new List<RegisterOfficer>();
        foreach (var type in types)
        {
            var leader = type == EmploymentType.Established && posts.Peek().Leader;
            var position = type == EmploymentType.Established ? posts.Dequeue().Title : NonEstablishedPosition(type, row.IsPolice);
            var (name, nationalId) = people.Next(row.AreaCode, minAge: leader ? 35 : MinAge);
            officers.Add(new RegisterOfficer(faker.Random.Guid(), name, agencyId, position, Domains(faker, row.Domains),
                type, nationalId));
        }
        return officers;
    }

    /// <summary>The leading posts the department's size calls for, then staff posts for the other established officers.</summary>
    static Queue<(string Title, bool Leader)> EstablishedPosts(Faker faker, AgencyRow row, int established)
    {
        var leaders = row.IsPolice ? PoliceLeaders : Leaders;
        var staff = row.IsPolice ? PoliceStaff : Staff;
        var posts = leaders.SelectMany(l => Enumerable.Repeat((l.Title, Leader: true), Math.Max(l.Min, row.Headcount / l.Per)))
            .Take(established).ToList();
        while (posts.Count < established) posts.Add((faker.PickRandom(staff), false));
        return new Queue<(string, bool)>(posts);
    }

    /// <summary>The department's only domain, or one or two of a multi-domain department's.</summary>
    static EnforcementDomain[] Domains(Faker faker, EnforcementDomain[] all) => all.Length == 1
        ? all
        : [.. faker.Random.ListItems(all, faker.Random.Bool(0.3f) ? 2 : 1).Order()];

    /// <summary>Draws people with names and ID numbers that are unique within the city.</summary>
    internal sealed class People(Faker faker)
    {
        readonly HashSet<string> names = [];
        readonly HashSet<string> numbers = [];

        /// <summary>Someone drawn before (e.g. by another <see cref="People"/>): nobody drawn later shares the name or number.</summary>
        public void Reserve(string name, NationalIdNumber id)
        {
            names.Add(name);
            numbers.Add(id.Value);
        }

        public (string Name, NationalIdNumber Id) Next(string workArea, int minAge)
        {
            var male = faker.Random.Bool(MaleShare);
            string name;
            do name = faker.Name.LastName() + (male ? faker.Name.FirstName() : faker.PickRandom(FemaleGivenNames));
            while (!names.Add(name));
            NationalIdNumber id;
            do id = NewNationalId(workArea, male, minAge);
            while (!numbers.Add(id.Value));
            return (name, id);
        }

        /// <summary>Born in the county they work in more often than not (city staff anywhere in the city); aged
        /// <paramref name="minAge"/>–58 on <see cref="DemoCityData.ReferenceDate"/>; odd sequence digit for men.</summary>
        NationalIdNumber NewNationalId(string workArea, bool male, int minAge)
        {
            var area = AreaCodes.Contains(workArea) && faker.Random.Bool(0.6f) ? workArea : faker.PickRandom(AreaCodes);
            var earliest = ReferenceDate.AddYears(-(MaxAge + 1)).AddDays(1);
            var latest = ReferenceDate.AddYears(-minAge);
            var birth = earliest.AddDays(faker.Random.Int(0, latest.DayNumber - earliest.DayNumber));
            var sequence = faker.Random.Int(0, 99) * 10 + faker.Random.Int(0, 4) * 2 + (male ? 1 : 0);
            var first17 = area + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("D3", CultureInfo.InvariantCulture);
            return NationalIdNumber.TryParse(first17 + NationalIdNumber.CheckCharacter(first17), out var error)
                ?? throw new InvalidOperationException($"Demo ID number not valid: {error}");
        }
    }
}
