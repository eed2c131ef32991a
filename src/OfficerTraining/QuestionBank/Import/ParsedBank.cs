namespace OfficerTraining.QuestionBank.Import;

/// <summary>A question read from a file, with where it stands there.</summary>
public sealed record ParsedQuestion(string Code, QuestionContent Content, string File, int Line);

/// <summary>A question of a type we do not support (numerical, matching, short answer, essay, description …): named, with
/// the reason, so the rest of a mixed file can still be reported.</summary>
public sealed record RefusedQuestion(string Question, string Reason, string File, int Line);

/// <summary>What a reader made of one or more files: the questions, the refused ones, and the errors (a file with an error
/// is not imported at all). Readers never touch the store.</summary>
public sealed record ParsedBank(
    IReadOnlyList<ParsedQuestion> Questions, IReadOnlyList<RefusedQuestion> Refused, IReadOnlyList<Infrastructure.ImportError> Errors)
{
    public static readonly ParsedBank Empty = new([], [], []);

    public ParsedBank Concat(ParsedBank other) =>
        new([.. Questions, .. other.Questions], [.. Refused, .. other.Refused], [.. Errors, .. other.Errors]);
}
