using JasperFx.Events;
using OfficerTraining.Infrastructure;

namespace OfficerTraining.Notifications;

public enum NotificationKind
{
    /// <summary>The officer's hours are behind the even pace to the year's requirement (repeated weekly while behind).</summary>
    BehindPace,
    /// <summary>An exam session the officer is on the roster of has opened and they have not started it.</summary>
    ExamOpen,
    /// <summary>The officer's certificate in force expires within the set period.</summary>
    CertificateExpiring,
    /// <summary>From the set month on, a certificate holder who has not yet met this year's annual review (hours, exam).</summary>
    ReviewRequirementsOpen,
    /// <summary>For the certificate office: how many certificates expire within the set period (weekly).</summary>
    CertificatesExpiringSoon,
    /// <summary>For the certificate office: how many holders have not yet met this year's annual review (monthly).</summary>
    HoldersWithOpenReview,
}

/// <summary>A reminder, worked out from the officer's ledger and the exam sessions when the officer looks; only having
/// read it is recorded.</summary>
/// <param name="Key">Stable for the same reminder ("exam/{session}", "pace/2026-W48"), so read stays read.</param>
/// <param name="Args">What the message names (see <see cref="NotificationCenter"/> for each kind).</param>
public sealed record Notification(string Key, NotificationKind Kind, IReadOnlyList<string> Args, DateTimeOffset At, string Link, bool Read);

public sealed record NotificationsRead(string UserName, IReadOnlyList<string> Keys);

/// <summary>Which reminders a user has read: an inline snapshot of the user's inbox stream.</summary>
public sealed record Inbox(Guid Id, string UserName, IReadOnlyList<string> ReadKeys)
{
    public long Version { get; init; }

    public static Guid StreamIdFor(string userName) => NameBasedId.For($"officer-training/inbox/{userName.ToUpperInvariant()}");

    public static Inbox Create(IEvent<NotificationsRead> e) => new(e.StreamId, e.Data.UserName, [.. e.Data.Keys.Distinct()]);

    public static Inbox Apply(NotificationsRead e, Inbox inbox) => inbox with { ReadKeys = [.. inbox.ReadKeys.Union(e.Keys)] };
}
