using JasperFx.Events;

namespace OfficerTraining.Training;

/// <summary>An in-person session (面授): who attended, for how long, recorded by the trainer who held it.</summary>
public sealed record InPersonSessionRecorded(
    Guid SessionId, DateOnly HeldOn, string Topic, decimal Hours, TrainingCategory Category, IReadOnlyList<Guid> Attendees,
    string Trainer);

public sealed record InPersonSession(
    Guid Id, DateOnly HeldOn, string Topic, decimal Hours, TrainingCategory Category, IReadOnlyList<Guid> Attendees,
    string Trainer, DateTimeOffset RecordedAt)
{
    public long Version { get; init; }

    public static InPersonSession Create(IEvent<InPersonSessionRecorded> e) => new(
        e.Data.SessionId, e.Data.HeldOn, e.Data.Topic, e.Data.Hours, e.Data.Category, e.Data.Attendees, e.Data.Trainer,
        e.Timestamp);
}
