using System.Globalization;
using Microsoft.Extensions.Localization;
using OfficerTraining.Courses;
using OfficerTraining.Training;
using OfficerTraining.Web.Features.Training;

namespace OfficerTraining.Web.Features.Courses.Study;

/// <summary>How the study pages write durations, credits and links.</summary>
public static class StudyLabels
{
    static readonly string[] VideoFiles = [".mp4", ".webm", ".ogg", ".ogv", ".m4v", ".mov"];

    /// <summary>"12 分 5 秒": whole seconds, so the figure never runs ahead of what the server recorded.</summary>
    public static string MinutesAndSeconds(IStringLocalizer l, double seconds)
    {
        var whole = (int)Math.Floor(Math.Max(0, seconds));
        return l["Study.MinSec", whole / 60, whole % 60];
    }

    public static string Minutes(double minutes) => Math.Floor(minutes).ToString("0", CultureInfo.InvariantCulture);

    /// <summary>The hours credited, per year when the study spanned New Year: "2" or "0.5（2025 年）、1.5（2026 年）".</summary>
    public static string Credits(IStringLocalizer l, IReadOnlyList<YearCredit> credits) => credits.Count <= 1
        ? TrainingLabels.Hours(credits.Sum(c => c.Hours))
        : string.Join(l["Common.ListSeparator"], credits.Select(c => l["Study.CreditInYear", TrainingLabels.Hours(c.Hours), c.Year].Value));

    public static int LessonsDone(Enrolment e, CourseContent c) => c.Lessons.Count(x => e.ProgressOf(x.Key).Completed);

    /// <summary>A link the page may use as is: https only (the course rules require it; this is a second lock).</summary>
    public static bool IsSafeLink(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;

    /// <summary>A video URL naming a file the browser can play in a video element (else it is a page to link to).</summary>
    public static bool IsVideoFile(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && VideoFiles.Any(x => uri.AbsolutePath.EndsWith(x, StringComparison.OrdinalIgnoreCase));
}
