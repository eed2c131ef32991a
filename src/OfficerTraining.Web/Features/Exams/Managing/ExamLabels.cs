using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using OfficerTraining.Exams;
using OfficerTraining.Infrastructure;

namespace OfficerTraining.Web.Features.Exams.Managing;

/// <summary>Where a session stands at a moment: before its window, in it, after it, or cancelled.</summary>
public enum SessionState { Upcoming, Open, Closed, Cancelled }

/// <summary>How exam values read on screen, from the shared resources (keys "Exam.Purpose.X", "Exam.State.X", ...).</summary>
public static class ExamLabels
{
    public static string Of(this IStringLocalizer l, ExamPurpose p) => l[$"Exam.Purpose.{p}"];
    public static string Of(this IStringLocalizer l, MultipleChoiceScoring s) => l[$"Exam.Scoring.{s}"];
    public static string Of(this IStringLocalizer l, ReviewDetail r) => l[$"Exam.ReviewDetail.{r}"];
    public static string Of(this IStringLocalizer l, ReviewTiming t) => l[$"Exam.ReviewTiming.{t}"];
    public static string Of(this IStringLocalizer l, AttemptStatus s) => l[$"Exam.AttemptStatus.{s}"];
    public static string Of(this IStringLocalizer l, SessionState s) => l[$"Exam.State.{s}"];

    /// <summary>The purpose, with the year for an annual review: "2026 年度年审考试".</summary>
    public static string Purpose(this IStringLocalizer l, ExamPurpose p, int? year) =>
        p == ExamPurpose.AnnualReview && year is { } y ? l["Exam.Purpose.AnnualReviewOf", y] : l.Of(p);

    public static SessionState StateOf(ExamSession s, DateTimeOffset now) =>
        s.Cancelled ? SessionState.Cancelled : now < s.Opens ? SessionState.Upcoming : now < s.Closes ? SessionState.Open : SessionState.Closed;

    public static Color ColorOf(SessionState s) => s switch
    {
        SessionState.Open => Color.Success,
        SessionState.Upcoming => Color.Info,
        SessionState.Cancelled => Color.Error,
        _ => Color.Default,
    };

    public static Color ColorOf(AttemptStatus s) => s switch
    {
        AttemptStatus.InProgress => Color.Info,
        AttemptStatus.Submitted => Color.Success,
        AttemptStatus.TimedOut => Color.Warning,
        _ => Color.Error,
    };

    /// <summary>A moment in China time to the second, as audit trails need it: 2026-03-02 09:00:07.</summary>
    public static string Seconds(DateTimeOffset t) =>
        t.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Points without trailing zeros: 1.5, 2, 100.</summary>
    public static string Points(decimal points) => points.ToString("0.##", CultureInfo.InvariantCulture);
}
