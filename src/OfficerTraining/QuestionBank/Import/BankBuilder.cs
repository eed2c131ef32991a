using System.Security.Cryptography;
using System.Text;
using OfficerTraining.Infrastructure;

namespace OfficerTraining.QuestionBank.Import;

/// <summary>
/// What the GIFT and Moodle XML readers share: collecting one file's questions, refusals and errors, settling each
/// question's code, checking the structure rules, and Moodle's category paths. Imports arrive as drafts: public law,
/// difficulty 2, no citations (neither format has a place for them).
/// </summary>
internal sealed class BankBuilder(string file, string codePrefix)
{
    static readonly Dictionary<string, string> TypeKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["essay"] = "essay", ["numerical"] = "numerical", ["match"] = "matching", ["matching"] = "matching",
        ["shortanswer"] = "shortanswer", ["description"] = "description", ["cloze"] = "cloze", ["multianswer"] = "cloze",
        ["calculated"] = "calculated", ["calculatedsimple"] = "calculated", ["calculatedmulti"] = "calculated",
    };

    readonly List<ParsedQuestion> _questions = [];
    readonly List<RefusedQuestion> _refused = [];
    readonly List<ImportError> _errors = [];
    readonly Dictionary<string, int> _codes = new(StringComparer.OrdinalIgnoreCase);

    public void Error(int line, string field, string key, params object[] args) =>
        _errors.Add(new ImportError(file, line, field, Messages.Format(key, args)));

    public void ErrorText(int line, string field, string message) => _errors.Add(new ImportError(file, line, field, message));

    /// <param name="moodleType">Moodle's name of the type: essay, numerical, match, shortanswer, description, …</param>
    public void Refuse(string question, string moodleType, int line)
    {
        var type = TypeKeys.TryGetValue(moodleType, out var key)
            ? Messages.Format("Import.Type." + key) : Messages.Format("Import.Type.other", moodleType);
        _refused.Add(new RefusedQuestion(question, Messages.Format("Import.UnsupportedType", type), file, line));
    }

    /// <param name="id">The file's own id for the question ([id:…], &lt;idnumber&gt;), if any.</param>
    /// <param name="name">The question's name, if any: with the options it identifies a question without an id.</param>
    public void Add(string? id, string? name, QuestionContent content, int line)
    {
        var label = Label(name, content.Stem);
        var problems = QuestionRules.Structure(content);
        foreach (var p in problems) Error(line, p.Field, "Question.Invalid", label, p.Message);

        string code;
        if (!string.IsNullOrWhiteSpace(id))
        {
            try { code = QuestionDecider.CheckCode(id); }
            catch (DomainException e) { ErrorText(line, "id", e.Message); return; }
            if (_codes.TryGetValue(code, out var first)) { Error(line, "id", "Import.CodeRepeated", code, first); return; }
        }
        else
        {
            // Two questions with the same name and options (e.g. two true/false questions both named "Q1") must still get
            // different codes; numbering them in file order keeps the codes stable as long as the file is.
            var derived = DerivedCode(codePrefix, name, content);
            code = derived;
            for (var n = 2; _codes.ContainsKey(code); n++) code = $"{derived}-{n}";
        }
        _codes[code] = line;
        if (problems.Count == 0) _questions.Add(new ParsedQuestion(code, content, file, line));
    }

    /// <summary>A file with an error is not imported at all, so it yields no questions, only what is wrong with it.</summary>
    public ParsedBank Build() => new(_errors.Count > 0 ? [] : _questions, _refused, _errors);

    /// <summary>Deterministic, so that importing the same file twice gives the same codes (and changes nothing):
    /// <paramref name="prefix"/> and the first 10 hex digits of SHA-256 over the name (or, without one, the stem) and the
    /// options.</summary>
    public static string DerivedCode(string prefix, string? name, QuestionContent content)
    {
        var source = string.Join("\n", [string.IsNullOrWhiteSpace(name) ? content.Stem : name, .. content.Options]);
        return prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)))[..10];
    }

    /// <summary>How a question is named in messages: its name, or the start of its stem.</summary>
    public static string Label(string? name, string stem)
    {
        if (!string.IsNullOrWhiteSpace(name)) return name.Trim();
        var line = string.Join(" ", stem.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= 40 ? line : line[..40] + "…";
    }

    /// <summary>
    /// The topic tags of a Moodle category path: its segments after the context ($course$, $system$, …) and "top", so
    /// "$course$/top/Law/Admin penalty" gives [Law, Admin penalty]. "//" is Moodle's escape for a "/" inside a name.
    /// </summary>
    public static IReadOnlyList<string> CategoryTags(string path)
    {
        var segments = path.Replace("//", "\0").Split('/').Select(s => s.Replace('\0', '/').Trim()).ToList();
        if (segments.Count > 0 && segments[0].Length > 1 && segments[0].StartsWith('$') && segments[0].EndsWith('$'))
            segments.RemoveAt(0);
        if (segments.Count > 0 && segments[0] == "top") segments.RemoveAt(0);
        return segments.Where(s => s.Length > 0).ToList();
    }

    public static IReadOnlyList<string> Tags(IEnumerable<string> categoryTags, IEnumerable<string> questionTags) =>
        categoryTags.Concat(questionTags).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct().ToList();

    public static QuestionContent Content(
        QuestionType type, string stem, IReadOnlyList<string> options, IReadOnlyList<int> correct, string explanation,
        IReadOnlyList<string> tags) =>
        new(type, stem, options, correct, explanation, [], tags, QuestionCategory.Public, null, 2, []);
}
