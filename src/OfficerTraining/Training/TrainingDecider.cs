using OfficerTraining.Infrastructure;
using OfficerTraining.Officers;

namespace OfficerTraining.Training;

public sealed record RecordInPersonSession(
    Guid SessionId, DateOnly HeldOn, string Topic, decimal Hours, TrainingCategory Category, IReadOnlyList<Guid> Attendees);

public sealed record ProposeClassHoursAdjustment(
    Guid AdjustmentId, Guid OfficerId, DateOnly StudiedOn, decimal Hours, TrainingCategory Category, string Reason);

public sealed record ApproveClassHoursAdjustment(Guid AdjustmentId);

public sealed record RejectClassHoursAdjustment(Guid AdjustmentId, string Comment);

/// <summary>The events a recorded session writes: the session itself, and one credit per attendee.</summary>
public sealed record SessionDecision(InPersonSessionRecorded Session, IReadOnlyList<ClassHoursCredited> Credits);

/// <summary>Pure decisions for in-person sessions and adjustments; handlers load the state and save what comes back.</summary>
public static class TrainingDecider
{
    public const decimal MinSessionHours = 0.5m;
    public const decimal MaxSessionHours = 24m;

    /// <param name="officers">The attendees found in the store, by id (missing ones are simply absent).</param>
    public static SessionDecision Decide(RecordInPersonSession c, IReadOnlyDictionary<Guid, Officer> officers, string trainer)
    {
        CheckSession(c);
        if (c.Attendees.Count == 0) throw new DomainException("Training.NoAttendees");
        var duplicate = c.Attendees.GroupBy(a => a).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new DomainException("Training.DuplicateAttendee", officers.TryGetValue(duplicate.Key, out var d) ? d.Name : duplicate.Key);
        foreach (var id in c.Attendees)
        {
            if (!officers.TryGetValue(id, out var officer)) throw new DomainException("Officer.NotFound", id);
            if (!officer.Active) throw new DomainException("Training.AttendeeInactive", officer.Name);
        }
        var topic = c.Topic.Trim();
        return new(
            new InPersonSessionRecorded(c.SessionId, c.HeldOn, topic, c.Hours, c.Category, c.Attendees.ToList(), trainer),
            c.Attendees.Select(a => new ClassHoursCredited(a, TrainingRecord.CreditIdFor(c.SessionId, a), c.HeldOn, c.Hours,
                c.Category, CreditSource.InPerson, c.SessionId, topic)).ToList());
    }

    /// <summary>The rules on the session itself, checked before an attendance list is read.</summary>
    public static void CheckSession(RecordInPersonSession c)
    {
        if (string.IsNullOrWhiteSpace(c.Topic)) throw new DomainException("Training.TopicRequired");
        if (c.Hours < MinSessionHours || c.Hours > MaxSessionHours)
            throw new DomainException("Training.SessionHours", c.Hours, MinSessionHours, MaxSessionHours);
    }

    public static ClassHoursAdjustmentProposed Decide(ProposeClassHoursAdjustment c, Officer? officer, string proposer)
    {
        if (officer is null) throw new DomainException("Officer.NotFound", c.OfficerId);
        if (string.IsNullOrWhiteSpace(c.Reason)) throw new DomainException("Training.ReasonRequired");
        if (c.Hours == 0) throw new DomainException("Training.AdjustmentZero");
        return new(c.AdjustmentId, c.OfficerId, c.StudiedOn, c.Hours, c.Category, c.Reason.Trim(), proposer);
    }

    /// <summary>Approval needs a second person, and credits the officer (a negative adjustment as a negative credit).</summary>
    public static (ClassHoursAdjustmentApproved Approved, ClassHoursCredited Credit) Decide(
        ApproveClassHoursAdjustment c, ClassHoursAdjustment adjustment, string approver)
    {
        CheckDecidable(adjustment, approver);
        return (new ClassHoursAdjustmentApproved(c.AdjustmentId, approver),
            new ClassHoursCredited(adjustment.OfficerId, TrainingRecord.CreditIdFor(adjustment.Id, adjustment.OfficerId),
                adjustment.StudiedOn, adjustment.Hours, adjustment.Category, CreditSource.Adjustment, adjustment.Id,
                adjustment.Reason));
    }

    public static ClassHoursAdjustmentRejected Decide(RejectClassHoursAdjustment c, ClassHoursAdjustment adjustment, string by)
    {
        CheckDecidable(adjustment, by);
        if (string.IsNullOrWhiteSpace(c.Comment)) throw new DomainException("Training.CommentRequired");
        return new(c.AdjustmentId, by, c.Comment.Trim());
    }

    static void CheckDecidable(ClassHoursAdjustment adjustment, string by)
    {
        if (adjustment.Status != AdjustmentStatus.Proposed) throw new DomainException("Training.AdjustmentDecided");
        if (string.Equals(adjustment.ProposedBy, by, StringComparison.Ordinal)) throw new DomainException("Training.OwnAdjustment");
    }
}
