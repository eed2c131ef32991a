using OfficerTraining.Infrastructure;
using OfficerTraining.Officers;
using OfficerTraining.QuestionBank;

namespace OfficerTraining.Exams;

/// <param name="AcceptShortenedTime">The officer was told the window's close cuts their time and starts anyway.</param>
public sealed record StartAttempt(Guid AttemptId, Guid SessionId, Guid OfficerId, bool AcceptShortenedTime);

/// <param name="Choice">Original option indexes (the paper's option order is only how they are shown); empty clears.</param>
public sealed record RecordAnswer(Guid AttemptId, string Item, IReadOnlyList<int> Choice, long Sequence);

public sealed record FlagAnswer(Guid AttemptId, string Item, bool Flagged);

public sealed record SubmitAttempt(Guid AttemptId);

public sealed record CloseExpiredAttempt(Guid AttemptId);

public sealed record VoidAttempt(Guid AttemptId, string Reason);

/// <summary>The deadline an officer would get by starting now, and whether the window's close cuts it.</summary>
public sealed record AttemptTiming(DateTimeOffset Deadline, bool CutByWindow, TimeSpan Available);

/// <summary>
/// Pure decisions about attempts. The server's clock is the only clock: answers are accepted until the deadline plus a
/// short grace for network lag (recorded as such), and an attempt past that is closed and graded as it stands.
/// </summary>
public static class AttemptDecider
{
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    public static AttemptTiming TimingFor(ExamSession session, Guid officerId, DateTimeOffset now)
    {
        var full = now + session.Blueprint.Duration + session.ExtraTimeFor(officerId);
        var deadline = full < session.Closes ? full : session.Closes;
        return new(deadline, full > session.Closes, deadline - now);
    }

    public static object[] Decide(StartAttempt c, ExamSession session, Officer officer, int attemptsSoFar, Paper paper, DateTimeOffset now)
    {
        if (session.Cancelled) throw new DomainException("Exam.SessionCancelled", session.Title);
        if (now < session.Opens) throw new DomainException("Exam.NotOpenYet", session.Title, ChinaTime.Format(session.Opens));
        if (now >= session.Closes) throw new DomainException("Exam.Closed", session.Title);
        if (!officer.Active) throw new DomainException("Officer.Inactive", officer.Name);
        if (!session.Roster.Includes(officer.Id, officer.AgencyId, officer.Domains)) throw new DomainException("Exam.NotOnRoster", session.Title);
        if (attemptsSoFar >= session.Blueprint.AttemptsAllowed)
            throw new DomainException("Exam.NoAttemptsLeft", session.Title, session.Blueprint.AttemptsAllowed);
        var timing = TimingFor(session, officer.Id, now);
        if (timing.CutByWindow && !c.AcceptShortenedTime)
            throw new DomainException("Exam.WindowCutsTime", (int)Math.Floor(timing.Available.TotalMinutes));
        var b = session.Blueprint;
        return [new ExamAttemptStarted(c.AttemptId, session.Id, officer.Id, attemptsSoFar + 1, paper,
            new AttemptRules(b.MultipleChoice, b.PassMark, b.Review, b.ReviewTiming, session.Closes, session.Purpose, session.Year), now, timing.Deadline, timing.CutByWindow)];
    }

    public static object[] Decide(RecordAnswer c, AnswerSheet s, PaperShape paper, DateTimeOffset now)
    {
        CheckOpen(s.IsOpen, s.Deadline, now);
        if (!paper.Options.TryGetValue(c.Item, out var options)) throw new DomainException("Exam.NoSuchItem", c.Item);
        var choice = c.Choice.Distinct().Order().ToList();
        if (choice.Any(i => i < 0 || i >= options)) throw new DomainException("Exam.NoSuchOption", c.Item);
        if (choice.Count > 1 && !paper.Multiple.Contains(c.Item)) throw new DomainException("Exam.OneOptionOnly", c.Item);
        if (s.Sequences.TryGetValue(c.Item, out var last) && last >= c.Sequence) return []; // a retry, or an older save arriving late
        return [new AnswerRecorded(s.Id, c.Item, choice, c.Sequence, now, InGrace: now > s.Deadline)];
    }

    public static object[] Decide(FlagAnswer c, ExamAttempt a, DateTimeOffset now)
    {
        CheckOpen(a.IsOpen, a.Deadline, now);
        if (a.Paper.Items.All(i => i.Key != c.Item)) throw new DomainException("Exam.NoSuchItem", c.Item);
        return a.Flagged.Contains(c.Item) == c.Flagged ? [] : [new AnswerFlagged(a.Id, c.Item, c.Flagged)];
    }

    /// <summary>Twice is once; late (past the grace) is a time-out, graded as the attempt stood at the deadline.</summary>
    public static object[] Decide(SubmitAttempt c, ExamAttempt a, AnswerSheet answers, DateTimeOffset now)
    {
        if (a.Status == AttemptStatus.Voided) throw new DomainException("Exam.AttemptVoided");
        if (!a.IsOpen) return [];
        object closed = now <= a.Deadline + Grace
            ? new ExamAttemptSubmitted(a.Id, now, InGrace: now > a.Deadline)
            : new ExamAttemptTimedOut(a.Id, a.Deadline, now);
        return [closed, Graded(a, answers)];
    }

    public static object[] Decide(CloseExpiredAttempt c, ExamAttempt a, AnswerSheet answers, DateTimeOffset now) =>
        a.IsOpen && now > a.Deadline + Grace ? [new ExamAttemptTimedOut(a.Id, a.Deadline, now), Graded(a, answers)] : [];

    public static object[] Decide(VoidAttempt c, ExamAttempt a) =>
        a.Status == AttemptStatus.Voided ? [] : [new ExamAttemptVoided(a.Id, Text.Required(c.Reason, "Reason"))];

    static ExamAttemptGraded Graded(ExamAttempt a, AnswerSheet answers)
    {
        var result = Grader.Grade(a.Paper, answers.Answers, a.Rules);
        return new ExamAttemptGraded(a.Id, result.Marks, result.Score, result.MaxScore, result.Passed);
    }

    static void CheckOpen(bool open, DateTimeOffset deadline, DateTimeOffset now)
    {
        if (!open) throw new DomainException("Exam.AttemptClosed");
        if (now > deadline + Grace) throw new DomainException("Exam.PastDeadline");
    }
}
