using System.Xml.Linq;

namespace OfficerTraining.QuestionBank.Import;

/// <summary>
/// Writes questions as Moodle XML that Moodle 5.x and <see cref="MoodleXmlReader"/> read back to the same type, stem,
/// options, keys, explanation and tags (docs/formats.md B3). Texts are written as plain_text, which is what they are, so
/// nothing in them is taken for HTML. Case questions become their sub-questions (see <see cref="InteropExport.Flatten"/>);
/// citations are not written.
/// </summary>
public static class MoodleXmlWriter
{
    public static string Write(IEnumerable<(string Code, QuestionContent Content)> questions)
    {
        var quiz = new XElement("quiz", InteropExport.Flatten(questions).Select(q => Question(q.Code, q.Content)));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + quiz + "\n";
    }

    static XElement Question(string code, QuestionContent q)
    {
        var trueFalse = q.Type == QuestionType.TrueFalse;
        var (options, grades) = InteropExport.Answers(q);
        return new XElement("question", new XAttribute("type", trueFalse ? "truefalse" : "multichoice"),
            new XElement("name", Text(code)),
            Formatted("questiontext", q.Stem),
            Formatted("generalfeedback", q.Explanation),
            new XElement("defaultgrade", "1.0000000"),
            new XElement("penalty", trueFalse ? "1.0000000" : "0.3333333"),
            new XElement("hidden", "0"),
            new XElement("idnumber", code),
            trueFalse ? null : new XElement[]
            {
                new("single", q.Type == QuestionType.Single ? "true" : "false"),
                new("shuffleanswers", "true"),
                new("answernumbering", "ABCD"),
            },
            options.Select((option, i) => new XElement("answer",
                new XAttribute("fraction", MoodleGrades.Percent(grades[i])), new XAttribute("format", "plain_text"),
                Text(option), Formatted("feedback", ""))),
            q.Tags.Count == 0 ? null : new XElement("tags", q.Tags.Select(t => new XElement("tag", Text(t)))));
    }

    static XElement Text(string text) => new("text", text);

    static XElement Formatted(string name, string text) => new(name, new XAttribute("format", "plain_text"), Text(text));
}
