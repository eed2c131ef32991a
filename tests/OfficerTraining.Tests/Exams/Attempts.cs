using OfficerTraining.Agencies;
using OfficerTraining.Exams;
using OfficerTraining.Officers;
using OfficerTraining.QuestionBank;

namespace OfficerTraining.Tests.Exams;

/// <summary>A session, an officer and a small paper to start specifications from. The window is open 08:00–18:00.</summary>
public static class Attempts
{
    public static readonly DateTimeOffset Opens = new(2026, 12, 1, 8, 0, 0, TimeSpan.FromHours(8));
    public static readonly DateTimeOffset Closes = Opens.AddHours(10);
    public static readonly Officer Officer = Given.Officer(Given.Department(Given.City()));

    public static ExamSession Session(Roster? roster = null) => ExamSession.Create(new ExamSessionScheduled(
        Guid.NewGuid(), "2026年度年审考试", Blueprint.Default(), ExamPurpose.AnnualReview, 2026, Opens, Closes, roster ?? Roster.All));

    /// <summary>Item 1 single (key B), 2 multiple (keys A, C), 3 true/false (key true), 4.1 and 4.2 a case's sub-questions.</summary>
    public static readonly Paper SmallPaper = new(7,
    [
        new("Q1", Guid.NewGuid(), 1, 0, [new("1", QuestionType.Single, [2, 0, 1, 3], [1], 2m)]),
        new("Q2", Guid.NewGuid(), 1, 1, [new("2", QuestionType.Multiple, [0, 1, 2, 3], [0, 2], 3m)]),
        new("Q3", Guid.NewGuid(), 1, 2, [new("3", QuestionType.TrueFalse, [0, 1], [0], 1.5m)]),
        new("Q4", Guid.NewGuid(), 2, 3, [new("4.1", QuestionType.TrueFalse, [0, 1], [1], 2m), new("4.2", QuestionType.Single, [0, 1, 2], [2], 2m)]),
    ]);

    public static Taken Started(DateTimeOffset at, ExamSession? session = null, bool acceptShortened = true)
    {
        session ??= Session();
        var started = (ExamAttemptStarted)AttemptDecider.Decide(new StartAttempt(Guid.NewGuid(), session.Id, Officer.Id, acceptShortened),
            session, Officer, 0, SmallPaper, at).Single();
        return new(ExamAttempt.Create(started), AnswerSheet.Create(started));
    }

    public static Taken Evolve(Taken t, IEnumerable<object> events) => events.Aggregate(t, (s, e) => e switch
    {
        AnswerRecorded r => s with { Answers = AnswerSheet.Apply(r, s.Answers) },
        AnswerFlagged f => s with { Attempt = ExamAttempt.Apply(f, s.Attempt) },
        ExamAttemptSubmitted x => new(ExamAttempt.Apply(x, s.Attempt), AnswerSheet.Apply(x, s.Answers)),
        ExamAttemptTimedOut o => new(ExamAttempt.Apply(o, s.Attempt), AnswerSheet.Apply(o, s.Answers)),
        ExamAttemptGraded g => s with { Attempt = ExamAttempt.Apply(g, s.Attempt) },
        ExamAttemptVoided v => new(ExamAttempt.Apply(v, s.Attempt), AnswerSheet.Apply(v, s.Answers)),
        _ => throw new ArgumentException(e.GetType().Name),
    });

    public static Taken Answered(Taken t, DateTimeOffset at, params (string Item, int[] Choice)[] answers) =>
        answers.Aggregate(t, (s, x) => Evolve(s, AttemptDecider.Decide(
            new RecordAnswer(s.Id, x.Item, x.Choice, s.Answers.Sequences.GetValueOrDefault(x.Item) + 1), s.Answers, s.Shape, at)));
}

/// <summary>An attempt as its two snapshots have it: the attempt (paper, status, result) and its answer sheet.</summary>
public sealed record Taken(ExamAttempt Attempt, AnswerSheet Answers)
{
    public Guid Id => Attempt.Id;
    public DateTimeOffset Deadline => Attempt.Deadline;
    public bool CutByWindow => Attempt.CutByWindow;
    public PaperShape Shape => PaperShape.Of(Attempt.Paper);
}
