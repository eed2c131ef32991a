using OfficerTraining.Training;
using OfficerTraining.Web.Features.Exams.Managing;

namespace OfficerTraining.Web.Features.Training;

/// <summary>An adjustment being proposed: hours may be negative to withdraw them.</summary>
public sealed class AdjustmentDraft
{
    public IReadOnlyList<OfficerChoice> Officer { get; set; } = [];
    public DateTime? StudiedOn { get; set; }
    public decimal Hours { get; set; } = 1;
    public TrainingCategory Category { get; set; } = TrainingCategory.PublicLaw;
    public string Reason { get; set; } = "";

    /// <returns>The command, or null when no officer or no date is chosen.</returns>
    public ProposeClassHoursAdjustment? ToCommand() => Officer is [var o] && StudiedOn is { } d
        ? new ProposeClassHoursAdjustment(Guid.CreateVersion7(), o.Id, DateOnly.FromDateTime(d), Hours, Category, Reason)
        : null;
}
