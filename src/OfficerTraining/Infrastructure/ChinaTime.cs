namespace OfficerTraining.Infrastructure;

/// <summary>Business dates are China Standard Time (UTC+8, no daylight saving): a class hour studied at 07:00 on
/// 1 January in Henan counts for the new year even though it is still 31 December in UTC.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset Now(TimeProvider clock) => clock.GetUtcNow().ToOffset(Offset);

    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow());

    /// <summary>The China-time date of a moment.</summary>
    public static DateOnly DateOf(DateTimeOffset moment) => DateOnly.FromDateTime(moment.ToOffset(Offset).DateTime);

    /// <summary>A moment as people in China read it: 2026-03-02 09:00.</summary>
    public static string Format(DateTimeOffset moment) =>
        moment.ToOffset(Offset).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
