using OfficerTraining.Infrastructure;

namespace OfficerTraining.Exams;

/// <summary>Pure decisions about exam sessions: what the trainer asked for, checked against the blueprint rules, the
/// approved bank (both judged by the handler and passed in) and the clock.</summary>
public static class ExamSessionDecider
{
    /// <summary>The most extra time one officer may be given (an accommodation, or time lost to an outage).</summary>
    public static readonly TimeSpan MostExtraTime = TimeSpan.FromHours(8);

    /// <param name="blueprintProblems"><see cref="BlueprintRules.Problems"/> of the command's blueprint.</param>
    /// <param name="shortfalls"><see cref="Feasibility.Check"/> of the blueprint against the approved bank.</param>
    public static object[] Decide(
        ScheduleExamSession c, IReadOnlyList<string> blueprintProblems, IReadOnlyList<SectionShortfall> shortfalls, DateTimeOffset now)
    {
        var title = Text.Required(c.Title, "ExamSession.Title", 200);
        if (blueprintProblems.Count > 0) throw new DomainException("Blueprint.Invalid", string.Join("；", blueprintProblems));
        if (c.Opens >= c.Closes)
            throw new DomainException("ExamSession.WindowBackwards", ChinaTime.Format(c.Opens), ChinaTime.Format(c.Closes));
        if (c.Closes <= now) throw new DomainException("ExamSession.ClosesInPast", ChinaTime.Format(c.Closes));
        if (c.Purpose == ExamPurpose.AnnualReview && c.Year is null) throw new DomainException("ExamSession.YearRequired");
        if (!c.Roster.Everyone && c.Roster.AgencyIds.Count == 0 && c.Roster.Domains.Count == 0 && c.Roster.OfficerIds.Count == 0)
            throw new DomainException("ExamSession.EmptyRoster");
        if (shortfalls.Count > 0)
            throw new DomainException("ExamSession.BankTooSmall", string.Join("；",
                shortfalls.Select(s => Messages.Format("Exam.SectionCannotBeFilled", s.Title, s.Needed, s.Available))));
        return [new ExamSessionScheduled(c.SessionId, title, c.Blueprint, c.Purpose, c.Year, c.Opens, c.Closes, c.Roster)];
    }

    /// <summary>Sets (or, with zero, withdraws) an officer's extra time. It applies to attempts started from now on: an
    /// attempt already running keeps the deadline it started with.</summary>
    public static object[] Decide(GrantExtraTime c, ExamSession s, DateTimeOffset now)
    {
        if (s.Cancelled) throw new DomainException("Exam.SessionCancelled", s.Title);
        if (now >= s.Closes) throw new DomainException("Exam.Closed", s.Title);
        if (c.Extra < TimeSpan.Zero || c.Extra > MostExtraTime)
            throw new DomainException("ExamSession.ExtraTime", MostExtraTime.TotalHours, (int)c.Extra.TotalMinutes);
        var reason = Text.Required(c.Reason, "Reason");
        return s.ExtraTimeFor(c.OfficerId) == c.Extra ? [] : [new ExtraTimeGranted(s.Id, c.OfficerId, c.Extra, reason)];
    }

    /// <summary>Twice is once. Attempts already started are left as they are (voiding them is a separate decision).</summary>
    public static object[] Decide(CancelExamSession c, ExamSession s) =>
        s.Cancelled ? [] : [new ExamSessionCancelled(s.Id, Text.Required(c.Reason, "Reason"))];
}
