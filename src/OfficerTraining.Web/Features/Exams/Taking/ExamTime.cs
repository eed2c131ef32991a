using System.Globalization;

namespace OfficerTraining.Web.Features.Exams.Taking;

/// <summary>Where the clock stands: the page warns at 10 and at 1 minute left, and stops taking answers at 0.</summary>
public enum ClockPhase { Running, TenMinutes, OneMinute, Over }

public static class ExamTime
{
    public static ClockPhase PhaseOf(TimeSpan remaining) =>
        remaining <= TimeSpan.Zero ? ClockPhase.Over
        : remaining <= TimeSpan.FromMinutes(1) ? ClockPhase.OneMinute
        : remaining <= TimeSpan.FromMinutes(10) ? ClockPhase.TenMinutes
        : ClockPhase.Running;

    /// <summary>Time left as a clock reads it, rounded up to the second (never "0:00" while time remains): 1:29:59, 9:05, 0:00.</summary>
    public static string Format(TimeSpan remaining)
    {
        var seconds = remaining <= TimeSpan.Zero ? 0 : (long)Math.Ceiling(remaining.TotalSeconds);
        var (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
        return h > 0
            ? string.Format(CultureInfo.InvariantCulture, "{0}:{1:00}:{2:00}", h, m, s)
            : string.Format(CultureInfo.InvariantCulture, "{0}:{1:00}", m, s);
    }

    /// <summary>Whole minutes, rounded down, as the start warning and the decider's message count them.</summary>
    public static int Minutes(TimeSpan span) => (int)Math.Floor(span.TotalMinutes);
}
