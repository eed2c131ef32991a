using JasperFx.Events;
using OfficerTraining.Infrastructure;

namespace OfficerTraining.Training;

/// <summary>One credit as the training record keeps it; a withdrawn credit stays listed but counts nowhere.</summary>
public sealed record TrainingCredit(
    Guid CreditId, DateOnly StudiedOn, decimal Hours, TrainingCategory Category, CreditSource Source, Guid SourceId,
    string Description, bool Withdrawn = false);

/// <summary>
/// An officer's training record: an inline snapshot of the officer's training stream (one per officer, its id derived
/// from the officer id), holding every credit with its source. Ledgers for a year are folded from it.
/// </summary>
public sealed record TrainingRecord(Guid Id, Guid OfficerId, IReadOnlyList<TrainingCredit> Credits)
{
    public long Version { get; init; }

    public static Guid StreamIdFor(Guid officerId) => NameBasedId.For("officer-training/training-record/" + officerId.ToString("N"));

    /// <summary>The credit an officer gets from one source (session or adjustment): recording it twice credits once.</summary>
    public static Guid CreditIdFor(Guid sourceId, Guid officerId) =>
        NameBasedId.For($"officer-training/credit/{sourceId:N}/{officerId:N}");

    /// <summary>The credit a course gives an officer for the part studied in one year.</summary>
    public static Guid CreditIdFor(Guid sourceId, Guid officerId, int year) =>
        NameBasedId.For($"officer-training/credit/{sourceId:N}/{officerId:N}/{year}");

    /// <summary>The year's ledger, with <see cref="AnnualLedger.Fold"/>'s rules.</summary>
    public AnnualLedger LedgerFor(int year, decimal required) =>
        AnnualLedger.Fold(OfficerId, year, required, Credits.Where(c => !c.Withdrawn).Select(c => (object)new ClassHoursCredited(
            OfficerId, c.CreditId, c.StudiedOn, c.Hours, c.Category, c.Source, c.SourceId, c.Description)));

    public static AnnualLedger EmptyLedger(Guid officerId, int year, decimal required) =>
        AnnualLedger.Fold(officerId, year, required, []);

    // Create folds the first credit too: Marten runs Create or Apply for an event, never both.
    public static TrainingRecord Create(IEvent<ClassHoursCredited> e) =>
        new(e.StreamId, e.Data.OfficerId, [ToCredit(e.Data)]);

    public static TrainingRecord Apply(ClassHoursCredited e, TrainingRecord r) => r with
    {
        // Recorded twice is recorded once, at its latest position (as AnnualLedger.Fold does).
        Credits = [.. r.Credits.Where(c => c.CreditId != e.CreditId), ToCredit(e)],
    };

    public static TrainingRecord Apply(ClassHoursWithdrawn e, TrainingRecord r) => r with
    {
        Credits = r.Credits.Select(c => c.CreditId == e.CreditId ? c with { Withdrawn = true } : c).ToList(),
    };

    static TrainingCredit ToCredit(ClassHoursCredited e) =>
        new(e.CreditId, e.StudiedOn, e.Hours, e.Category, e.Source, e.SourceId, e.Description);
}
