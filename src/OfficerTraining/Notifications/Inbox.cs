using JasperFx.Events;
using OfficerTraining.Infrastructure;

namespace OfficerTraining.Notifications;

public enum NotificationKind
{
    /// <summary>The officer's hours are behind the even pace to the year's requirement (repeated weekly while behind).</summary>
    BehindPace,
    /// <summary>An exam session the officer is on the roster of has opened and they have not started it.</summary>
    ExamOpen,
}

/// <summary>A reminder, worked out from the officer's ledger and the exam sessions when the officer looks; only having
/// read it is recorded.</summary>
/// <param name="Key">Stable for the same reminder ("exam/{session}", "pace/2026-W48"), so read stays read.</param>
/// <param name="Args">What the message names: for BehindPace the hours expected by now, earned and still needed; for
/// ExamOpen the session's title and when it closes.</param>
public sealed record Notification(string Key, NotificationKind Kind, IReadOnlyList<string> Args, DateTimeOffset At, string Link, bool Read);

public sealed record NotificationsRead(Guid OfficerId, IReadOnlyList<string> Keys);

/// <summary>Which reminders an officer has read: an inline snapshot of the officer's inbox stream.</summary>
public sealed record Inbox(Guid Id, Guid OfficerId, IReadOnlyList<string> ReadKeys)
{
    public long Version { get; init; }

    public static Guid StreamIdFor(Guid officerId) => NameBasedId.For($"officer-training/inbox/{officerId:N}");

    public static Inbox Create(IEvent<NotificationsRead> e) => new(e.StreamId, e.Data.OfficerId, [.. e.Data.Keys.Distinct()]);

    public static Inbox Apply(NotificationsRead e, Inbox inbox) => inbox with { ReadKeys = [.. inbox.ReadKeys.Union(e.Keys)] };
}
