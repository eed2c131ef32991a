using JasperFx.Events;
using OfficerTraining.Agencies;
using OfficerTraining.Officers.Photos;

namespace OfficerTraining.Officers;

public enum Gender { Male, Female }

/// <summary>Employment type. Only established, serving staff (在编在职) may hold a certificate: 河南省行政执法条例 Art. 20.</summary>
public enum EmploymentType
{
    Established, // 在编在职
    Contract,    // 合同制
    Auxiliary,   // 辅助执法人员
    Temporary,   // 临时聘用
    InvitedSupervisor, // 特邀行政执法监督员: from outside government, may hold a supervision certificate only
}

public sealed record OfficerRegistered(
    Guid OfficerId, string Name, Gender Gender, DateOnly BirthDate, Guid AgencyId, string Position,
    IReadOnlyList<EnforcementDomain> Domains, EmploymentType EmploymentType, ProtectedNationalId NationalId);

public sealed record OfficerDetailsEdited(
    Guid OfficerId, string Name, string Position, IReadOnlyList<EnforcementDomain> Domains,
    EmploymentType EmploymentType, string Reason);

public sealed record OfficerTransferred(Guid OfficerId, Guid FromAgencyId, Guid ToAgencyId, DateOnly EffectiveOn, string Reason);

public sealed record OfficerDeactivated(Guid OfficerId, DateOnly EffectiveOn, string Reason);

public sealed record OfficerReactivated(Guid OfficerId, DateOnly EffectiveOn, string Reason);

/// <summary>An officer (执法人员) as decisions and the officer pages need it; an inline snapshot of the officer stream.</summary>
public sealed record Officer(
    Guid Id, string Name, Gender Gender, DateOnly BirthDate, Guid AgencyId, string Position,
    IReadOnlyList<EnforcementDomain> Domains, EmploymentType EmploymentType, ProtectedNationalId NationalId,
    bool Active, DateTimeOffset RegisteredAt)
{
    public long Version { get; init; }

    /// <summary>The hash of the current photo (<see cref="OfficerPhoto"/>); null when there is none.</summary>
    public string? PhotoSha256 { get; init; }

    /// <summary>Art. 20: only established, serving staff may hold an enforcement certificate.</summary>
    public bool MayHoldCertificate => Active && EmploymentType == EmploymentType.Established;

    public static Officer Create(IEvent<OfficerRegistered> e) => new(
        e.Data.OfficerId, e.Data.Name, e.Data.Gender, e.Data.BirthDate, e.Data.AgencyId, e.Data.Position,
        e.Data.Domains, e.Data.EmploymentType, e.Data.NationalId, true, e.Timestamp);

    public static Officer Apply(OfficerDetailsEdited e, Officer o) => o with
    {
        Name = e.Name, Position = e.Position, Domains = e.Domains, EmploymentType = e.EmploymentType,
    };

    public static Officer Apply(OfficerTransferred e, Officer o) => o with { AgencyId = e.ToAgencyId };

    public static Officer Apply(OfficerDeactivated e, Officer o) => o with { Active = false };

    public static Officer Apply(OfficerReactivated e, Officer o) => o with { Active = true };

    public static Officer Apply(OfficerPhotoChanged e, Officer o) => o with { PhotoSha256 = e.Sha256 };

    public static Officer Apply(OfficerPhotoRemoved e, Officer o) => o with { PhotoSha256 = null };
}
