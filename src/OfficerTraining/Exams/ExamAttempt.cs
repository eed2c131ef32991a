namespace OfficerTraining.Exams;

public enum AttemptStatus { InProgress, Submitted, TimedOut, Voided }

/// <summary>The rules an attempt is graded and reviewed by, and what it counts for, copied from the session when it
/// starts (so the training and certificate parts read an attempt's purpose without the session).</summary>
public sealed record AttemptRules(
    MultipleChoiceScoring MultipleChoice, decimal PassMark, ReviewDetail Review, ReviewTiming ReviewTiming, DateTimeOffset WindowCloses,
    ExamPurpose Purpose = ExamPurpose.CourseQuiz, int? Year = null);

/// <param name="Deadline">min(start + duration + extra time, window close): the server's, never the browser's.</param>
/// <param name="CutByWindow">The window's close shortened the officer's time (they were warned and accepted).</param>
public sealed record ExamAttemptStarted(
    Guid AttemptId, Guid SessionId, Guid OfficerId, int Number, Paper Paper, AttemptRules Rules,
    DateTimeOffset StartedAt, DateTimeOffset Deadline, bool CutByWindow);

/// <summary>An answer as chosen (original option indexes; empty = cleared). <see cref="Sequence"/> is the client's
/// counter for that item, so a retried save is recognised and an older one arriving late is ignored.</summary>
public sealed record AnswerRecorded(Guid AttemptId, string Item, IReadOnlyList<int> Choice, long Sequence, DateTimeOffset At, bool InGrace);

public sealed record AnswerFlagged(Guid AttemptId, string Item, bool Flagged);

public sealed record ExamAttemptSubmitted(Guid AttemptId, DateTimeOffset At, bool InGrace);

/// <summary>Closed at the deadline without a submit, by the officer's late submit or by the background closer.</summary>
public sealed record ExamAttemptTimedOut(Guid AttemptId, DateTimeOffset Deadline, DateTimeOffset ClosedAt);

public sealed record ItemMark(string Item, decimal Points, decimal Max);

public sealed record ExamAttemptGraded(Guid AttemptId, IReadOnlyList<ItemMark> Marks, decimal Score, decimal MaxScore, bool Passed);

public sealed record ExamAttemptVoided(Guid AttemptId, string Reason);

public sealed record AttemptResult(IReadOnlyList<ItemMark> Marks, decimal Score, decimal MaxScore, bool Passed);

/// <summary>An exam attempt: its paper, rules, deadline, flags, status and result (an inline snapshot: the exam page, the
/// commands and the closer read it). Its answers are in the <see cref="AnswerSheet"/> of the same stream, so an answer
/// does not rewrite the paper.</summary>
public sealed record ExamAttempt(
    Guid Id, Guid SessionId, Guid OfficerId, int Number, Paper Paper, AttemptRules Rules, DateTimeOffset StartedAt,
    DateTimeOffset Deadline, bool CutByWindow, AttemptStatus Status, IReadOnlyList<string> Flagged, DateTimeOffset? ClosedAt,
    AttemptResult? Result)
{
    public long Version { get; init; }

    public bool IsOpen => Status == AttemptStatus.InProgress;

    public static ExamAttempt Create(ExamAttemptStarted e) => new(
        e.AttemptId, e.SessionId, e.OfficerId, e.Number, e.Paper, e.Rules, e.StartedAt, e.Deadline, e.CutByWindow,
        AttemptStatus.InProgress, [], null, null);

    public static ExamAttempt Apply(AnswerFlagged e, ExamAttempt a) => a with
    {
        Flagged = e.Flagged ? [.. a.Flagged.Append(e.Item).Distinct()] : [.. a.Flagged.Where(i => i != e.Item)],
    };

    public static ExamAttempt Apply(ExamAttemptSubmitted e, ExamAttempt a) => a with { Status = AttemptStatus.Submitted, ClosedAt = e.At };

    public static ExamAttempt Apply(ExamAttemptTimedOut e, ExamAttempt a) => a with { Status = AttemptStatus.TimedOut, ClosedAt = e.ClosedAt };

    public static ExamAttempt Apply(ExamAttemptGraded e, ExamAttempt a) => a with { Result = new(e.Marks, e.Score, e.MaxScore, e.Passed) };

    public static ExamAttempt Apply(ExamAttemptVoided e, ExamAttempt a) => a with { Status = AttemptStatus.Voided };
}
