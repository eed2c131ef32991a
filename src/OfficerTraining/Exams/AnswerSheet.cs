namespace OfficerTraining.Exams;

/// <summary>
/// An attempt's answers, and what the answer journal decides a new answer on (with the paper's
/// <see cref="PaperShape"/>): an inline snapshot of the attempt's stream, beside <see cref="ExamAttempt"/>. Every answer
/// rewrites it and the journal reads it, so it holds only what answers change (nothing of the paper, which never
/// changes); the attempt with its paper is written only when it starts, is flagged and closes. Read the answers from here.
/// </summary>
/// <param name="Sequences">Per item, the sequence of the answer recorded last (see <see cref="AnswerRecorded"/>).</param>
public sealed record AnswerSheet(
    Guid Id, Guid OfficerId, DateTimeOffset Deadline, AttemptStatus Status,
    IReadOnlyDictionary<string, IReadOnlyList<int>> Answers, IReadOnlyDictionary<string, long> Sequences)
{
    public long Version { get; init; }

    public bool IsOpen => Status == AttemptStatus.InProgress;

    public IReadOnlyList<int> AnswerTo(string item) => Answers.GetValueOrDefault(item) ?? [];

    public static AnswerSheet Create(ExamAttemptStarted e) => new(
        e.AttemptId, e.OfficerId, e.Deadline, AttemptStatus.InProgress, new Dictionary<string, IReadOnlyList<int>>(), new Dictionary<string, long>());

    public static AnswerSheet Apply(AnswerRecorded e, AnswerSheet s) => s with
    {
        Answers = new Dictionary<string, IReadOnlyList<int>>(s.Answers) { [e.Item] = e.Choice },
        Sequences = new Dictionary<string, long>(s.Sequences) { [e.Item] = e.Sequence },
    };

    public static AnswerSheet Apply(ExamAttemptSubmitted e, AnswerSheet s) => s with { Status = AttemptStatus.Submitted };

    public static AnswerSheet Apply(ExamAttemptTimedOut e, AnswerSheet s) => s with { Status = AttemptStatus.TimedOut };

    public static AnswerSheet Apply(ExamAttemptVoided e, AnswerSheet s) => s with { Status = AttemptStatus.Voided };

    // Nothing on the sheet changes, but a rebuild reads only the events a projection takes: without these, a rebuilt
    // sheet's Version would stop at the last answer or close instead of being the stream's version, as written inline.
    public static AnswerSheet Apply(AnswerFlagged e, AnswerSheet s) => s;

    public static AnswerSheet Apply(ExamAttemptGraded e, AnswerSheet s) => s;
}
