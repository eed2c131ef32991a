namespace OfficerTraining.Training;

/// <summary>Whether an officer is on course to meet the year's requirement, assuming hours are spread evenly.</summary>
public static class Pace
{
    /// <summary>The hours an even pace would have reached by the end of <paramref name="date"/> (a China-time date, see
    /// <see cref="Infrastructure.ChinaTime.Today"/>), to two decimals: the whole requirement by 31 December.</summary>
    public static decimal ExpectedBy(DateOnly date, decimal required)
    {
        var daysInYear = DateTime.IsLeapYear(date.Year) ? 366 : 365;
        return Math.Round(required * date.DayOfYear / daysInYear, 2);
    }

    /// <summary>Before the ledger's year nobody is behind; after it, behind means the requirement was missed.</summary>
    public static bool Behind(AnnualLedger ledger, DateOnly today, decimal tolerance = 0)
    {
        if (today.Year < ledger.Year) return false;
        if (today.Year > ledger.Year) return !ledger.Met;
        return ledger.Total + tolerance < ExpectedBy(today, ledger.Required);
    }
}
