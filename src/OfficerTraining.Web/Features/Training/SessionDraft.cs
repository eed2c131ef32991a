using OfficerTraining.Training;

namespace OfficerTraining.Web.Features.Training;

/// <summary>An in-person session being entered: its details, before the attendees are known.</summary>
public sealed class SessionDraft
{
    public Guid SessionId { get; private set; } = Guid.CreateVersion7();
    public DateTime? HeldOn { get; set; }
    public string Topic { get; set; } = "";
    public decimal Hours { get; set; } = 2;
    public TrainingCategory Category { get; set; } = TrainingCategory.PublicLaw;

    /// <returns>The command, or null when no date is chosen.</returns>
    public RecordInPersonSession? ToCommand(IReadOnlyList<Guid> attendees) => HeldOn is { } d
        ? new RecordInPersonSession(SessionId, DateOnly.FromDateTime(d), Topic, Hours, Category, attendees)
        : null;

    /// <summary>After a session is recorded, the next one is a new session (same details as a starting point).</summary>
    public void Next() => SessionId = Guid.CreateVersion7();
}
