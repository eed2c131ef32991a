using OfficerTraining.Infrastructure;

namespace OfficerTraining.Training;

public enum CreditMode
{
    /// <summary>The course is worth its fixed hours once completed, however long it took.</summary>
    PerCourse,
    /// <summary>The course is worth the active minutes studied, converted to class hours.</summary>
    ActiveMinutes,
}

public sealed record CreditRules(CreditMode Mode, int MinutesPerClassHour = CreditRules.DefaultMinutesPerClassHour)
{
    public const int DefaultMinutesPerClassHour = 45;

    public static readonly CreditRules Default = new(CreditMode.ActiveMinutes);
}

public sealed record YearCredit(int Year, decimal Hours);

/// <summary>
/// How many class hours a completed online course credits, and to which years: a course spanning New Year credits each
/// part to the year in which it was studied. Years with nothing to credit are left out.
/// </summary>
public static class CreditRule
{
    public static IReadOnlyList<YearCredit> ForCourse(decimal courseHours, IReadOnlyDictionary<int, double> activeMinutesByYear, CreditRules rules)
    {
        if (courseHours < 0) throw new DomainException("Training.NegativeCourseHours", courseHours);
        if (rules.MinutesPerClassHour <= 0) throw new DomainException("Training.InvalidMinutesPerClassHour", rules.MinutesPerClassHour);
        var studied = activeMinutesByYear.Where(y => y.Value > 0).OrderBy(y => y.Key).ToList();
        if (studied.Count == 0 || courseHours == 0) return [];
        return rules.Mode == CreditMode.PerCourse
            ? SplitFixedHours(courseHours, studied)
            : ByActiveMinutes(courseHours, studied, rules.MinutesPerClassHour);
    }

    /// <summary>Shares are rounded down to 0.1 h and the rounding left over goes to the year studied most, so the
    /// parts always add up to the course's hours.</summary>
    static List<YearCredit> SplitFixedHours(decimal courseHours, List<KeyValuePair<int, double>> studied)
    {
        var total = (decimal)studied.Sum(y => y.Value);
        var parts = studied.Select(y => new YearCredit(y.Key, FloorToTenth(courseHours * (decimal)y.Value / total))).ToList();
        var most = studied.IndexOf(studied.MaxBy(y => y.Value));
        parts[most] = parts[most] with { Hours = parts[most].Hours + courseHours - parts.Sum(p => p.Hours) };
        return parts.Where(p => p.Hours > 0).ToList();
    }

    /// <summary>Earlier years are credited first, so when the cap bites it trims the latest part.</summary>
    static List<YearCredit> ByActiveMinutes(decimal courseHours, List<KeyValuePair<int, double>> studied, int minutesPerClassHour)
    {
        var left = courseHours;
        var parts = new List<YearCredit>();
        foreach (var (year, minutes) in studied)
        {
            var hours = Math.Min(left, FloorToTenth((decimal)minutes / minutesPerClassHour));
            if (hours <= 0) continue;
            parts.Add(new YearCredit(year, hours));
            left -= hours;
        }
        return parts;
    }

    static decimal FloorToTenth(decimal hours) => Math.Floor(hours * 10) / 10;
}
