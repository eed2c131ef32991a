namespace OfficerTraining.Training;

/// <param name="StudiedOn">The China-time date the hours were studied: it decides the year they count for.</param>
/// <param name="SourceId">The course, in-person session or approved adjustment the hours came from.</param>
public sealed record ClassHoursCredited(
    Guid OfficerId, Guid CreditId, DateOnly StudiedOn, decimal Hours, TrainingCategory Category, CreditSource Source,
    Guid SourceId, string Description);

public sealed record ClassHoursWithdrawn(Guid OfficerId, Guid CreditId, string Reason);

/// <summary>
/// An officer's class hours for one calendar year: the yearly requirement resets on 1 January, so only credits studied
/// in that year count, and a withdrawn credit counts nowhere.
/// </summary>
/// <param name="Credits">The credits counted, in the order they were recorded.</param>
public sealed record AnnualLedger(
    Guid OfficerId, int Year, decimal Required,
    IReadOnlyDictionary<TrainingCategory, decimal> ByCategory,
    IReadOnlyDictionary<CreditSource, decimal> BySource,
    decimal Total, IReadOnlyList<Guid> Credits)
{
    public decimal Remaining => Math.Max(0, Required - Total);

    public bool Met => Total >= Required;

    public static AnnualLedger Fold(Guid officerId, int year, decimal required, IEnumerable<object> events)
    {
        var credits = new List<ClassHoursCredited>();
        foreach (var e in events)
        {
            switch (e)
            {
                case ClassHoursCredited c when c.OfficerId == officerId && c.StudiedOn.Year == year:
                    credits.RemoveAll(x => x.CreditId == c.CreditId); // recorded twice is recorded once
                    credits.Add(c);
                    break;
                case ClassHoursWithdrawn w when w.OfficerId == officerId:
                    credits.RemoveAll(x => x.CreditId == w.CreditId);
                    break;
            }
        }
        return new AnnualLedger(officerId, year, required,
            Enum.GetValues<TrainingCategory>().ToDictionary(k => k, k => credits.Where(c => c.Category == k).Sum(c => c.Hours)),
            Enum.GetValues<CreditSource>().ToDictionary(k => k, k => credits.Where(c => c.Source == k).Sum(c => c.Hours)),
            credits.Sum(c => c.Hours),
            credits.Select(c => c.CreditId).ToList());
    }
}
