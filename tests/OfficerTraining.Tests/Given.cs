using OfficerTraining.Agencies;
using OfficerTraining.Officers;

namespace OfficerTraining.Tests;

/// <summary>Small, valid starting states for decider specifications.</summary>
public static class Given
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
    public static readonly DateOnly Today = DateOnly.FromDateTime(Now.Date);

    public static Agency City(bool active = true) =>
        new(Guid.NewGuid(), "410400", "平顶山市", AgencyLevel.City, null, [], active, Now);

    public static Agency County(Agency city) =>
        new(Guid.NewGuid(), "410421", "宝丰县", AgencyLevel.County, city.Id, [], true, Now);

    public static Agency Department(Agency parent, bool active = true) =>
        new(Guid.NewGuid(), "410400CG01", "平顶山市城市管理局", AgencyLevel.Department, parent.Id,
            [EnforcementDomain.UrbanManagement], active, Now);

    /// <summary>A valid ID number: the 17 given digits and their check character.</summary>
    public static NationalIdNumber NationalId(string first17 = "41040219900307201")
    {
        var id = NationalIdNumber.TryParse(first17 + NationalIdNumber.CheckCharacter(first17), out var error);
        return id ?? throw new InvalidOperationException(error);
    }

    public static ProtectedNationalId Protected(NationalIdNumber id) => new("hash", id.Last4, "cipher");

    public static Officer Officer(Agency agency, bool active = true, EmploymentType type = EmploymentType.Established) =>
        new(Guid.NewGuid(), "张伟", Gender.Male, new DateOnly(1990, 3, 7), agency.Id, "科员",
            [EnforcementDomain.UrbanManagement], type, Protected(NationalId()), active, Now);
}
