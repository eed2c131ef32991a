using OfficerTraining.Agencies;
using OfficerTraining.Infrastructure;

namespace OfficerTraining.QuestionBank.Import;

/// <summary>A file's defaults for its questions (question-bank/README.md).</summary>
internal sealed record YamlDefaults(string? Law, QuestionCategory? Category, EnforcementDomain? Domain);

/// <summary>One question (or a file's header) as read from YAML: its id, its content when one could be built, the line of
/// each field it has (by the field names <see cref="QuestionRules"/> uses, e.g. "questions[2].answer") and its problems.</summary>
internal sealed class YamlQuestion(int line)
{
    public int Line { get; } = line;
    public string? Code { get; set; }
    public QuestionContent? Content { get; set; }
    public Dictionary<string, int> Lines { get; } = new(StringComparer.Ordinal);
    public List<(string Field, int Line, string Message)> Problems { get; } = [];

    /// <summary>The line of a field; for a field the file does not have, the line of what holds it.</summary>
    public int LineOf(string field)
    {
        while (true)
        {
            if (Lines.TryGetValue(field, out var at)) return at;
            var dot = field.LastIndexOf('.');
            if (dot < 0) return Line;
            field = field[..dot];
        }
    }

    public void Problem(string field, string key, params object[] args) => Problem(field, LineOf(field), key, args);

    public void Problem(string field, int line, string key, params object[] args) =>
        Problems.Add((field, line, Messages.Format(key, args)));

    /// <summary>Adds what the question rules found, once each, except where reading already found a problem with the same
    /// field (or, for an unreadable type, with anything of that question or sub-question).</summary>
    public void AddRuleProblems(IEnumerable<QuestionProblem> problems)
    {
        var read = Problems.Select(p => p.Field).ToList();
        bool Covered(string field) => read.Any(r => r == field
            || (r == "type" || r.EndsWith(".type", StringComparison.Ordinal)) && field.StartsWith(r[..^4], StringComparison.Ordinal));
        foreach (var p in problems.Where(p => !Covered(p.Field)).Distinct()) Problems.Add((p.Field, LineOf(p.Field), p.Message));
    }
}
