using Microsoft.Extensions.Localization;
using OfficerTraining.Exams;
using OfficerTraining.Infrastructure;

namespace OfficerTraining.Web.Features.Exams.Taking;

/// <summary>What an officer may see of a graded paper, and from when (the attempt's rules, copied from the session).</summary>
public static class Review
{
    /// <summary>Whether the per-item review may be shown now: never for score-only, else at once or after the window.</summary>
    public static bool Visible(AttemptRules rules, DateTimeOffset now) =>
        rules.Review != ReviewDetail.ScoreOnly && (rules.ReviewTiming == ReviewTiming.AtOnce || now >= rules.WindowCloses);

    /// <summary>The policy in one sentence: "Score only." / "After 2026-03-16 18:00: which questions were right or wrong."</summary>
    public static string Text(IStringLocalizer l, ReviewDetail detail, ReviewTiming timing, DateTimeOffset windowCloses) =>
        detail == ReviewDetail.ScoreOnly ? l["Take.Review.ScoreOnly"]
        : timing == ReviewTiming.AtOnce ? l[$"Take.Review.{detail}.AtOnce"]
        : l[$"Take.Review.{detail}.After", ChinaTime.Format(windowCloses)];
}
