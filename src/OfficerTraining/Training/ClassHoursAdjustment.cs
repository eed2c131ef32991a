using JasperFx.Events;

namespace OfficerTraining.Training;

/// <param name="Hours">Positive adds hours; negative withdraws that amount, recorded as a negative credit.</param>
public sealed record ClassHoursAdjustmentProposed(
    Guid AdjustmentId, Guid OfficerId, DateOnly StudiedOn, decimal Hours, TrainingCategory Category, string Reason,
    string ProposedBy);

public sealed record ClassHoursAdjustmentApproved(Guid AdjustmentId, string ApprovedBy);

public sealed record ClassHoursAdjustmentRejected(Guid AdjustmentId, string By, string Comment);

public enum AdjustmentStatus { Proposed, Approved, Rejected }

/// <summary>A manual adjustment of an officer's class hours, waiting for (or past) a second person's decision.</summary>
public sealed record ClassHoursAdjustment(
    Guid Id, Guid OfficerId, DateOnly StudiedOn, decimal Hours, TrainingCategory Category, string Reason, string ProposedBy,
    AdjustmentStatus Status, string? DecidedBy, DateTimeOffset ProposedAt)
{
    public long Version { get; init; }

    public static ClassHoursAdjustment Create(IEvent<ClassHoursAdjustmentProposed> e) => new(
        e.Data.AdjustmentId, e.Data.OfficerId, e.Data.StudiedOn, e.Data.Hours, e.Data.Category, e.Data.Reason,
        e.Data.ProposedBy, AdjustmentStatus.Proposed, null, e.Timestamp);

    public static ClassHoursAdjustment Apply(ClassHoursAdjustmentApproved e, ClassHoursAdjustment a) =>
        a with { Status = AdjustmentStatus.Approved, DecidedBy = e.ApprovedBy };

    public static ClassHoursAdjustment Apply(ClassHoursAdjustmentRejected e, ClassHoursAdjustment a) =>
        a with { Status = AdjustmentStatus.Rejected, DecidedBy = e.By };
}
