using System.Globalization;
using System.Text;
using OfficerTraining.Agencies;

namespace OfficerTraining.QuestionBank.Import;

/// <summary>
/// Writes questions in the bank's YAML format (question-bank/README.md), so that <see cref="YamlBankReader"/> reads back
/// the same content. The file's category (and domain) default is the most common one; a question that differs says so.
/// Citations are always written in full ("行政处罚法 第十条"), even of the file's <c>law</c>.
/// </summary>
public static class YamlBankWriter
{
    public static string Write(IEnumerable<(string Code, QuestionContent Content)> questions, string? law = null)
    {
        var list = questions.ToList();
        var category = list.CountBy(q => q.Content.Category).OrderByDescending(c => c.Value).ThenBy(c => c.Key)
            .Select(c => c.Key).FirstOrDefault();
        var professional = list.Where(q => q.Content.Category == QuestionCategory.Professional).ToList();
        EnforcementDomain? domain = category == QuestionCategory.Professional && professional.All(q => q.Content.Domain is not null)
            ? professional.CountBy(q => q.Content.Domain!.Value).OrderByDescending(d => d.Value).ThenBy(d => d.Key).First().Key
            : null;

        var sb = new StringBuilder();
        if (law is not null) Field(sb, 0, "law", law);
        Field(sb, 0, "category", YamlNames.Name(category));
        if (domain is { } d) Field(sb, 0, "domain", YamlNames.Name(d));
        if (list.Count == 0) return sb.Append("questions: []\n").ToString();
        sb.Append("questions:\n");
        foreach (var (index, (code, q)) in list.Index())
        {
            if (index > 0) sb.Append('\n');
            var item = new StringBuilder();
            Field(item, 0, "id", code);
            Field(item, 0, "type", YamlNames.Name(q.Type));
            if (q.Difficulty != 2) Raw(item, 0, "difficulty", q.Difficulty.ToString(CultureInfo.InvariantCulture));
            if (q.Category != category) Field(item, 0, "category", YamlNames.Name(q.Category));
            var implied = q.Category == QuestionCategory.Professional ? domain : null;
            if (q.Domain != implied && q.Domain is { } own) Field(item, 0, "domain", YamlNames.Name(own));
            if (q.Tags.Count > 0) List(item, 0, "tags", q.Tags);
            Item(item, 0, new QuestionItem(q.Type, q.Stem, q.Options, q.Correct, q.Explanation, q.Citations));
            if (q.SubQuestions.Count > 0)
            {
                item.Append("questions:\n");
                foreach (var sub in q.SubQuestions)
                {
                    var subText = new StringBuilder();
                    Field(subText, 0, "type", YamlNames.Name(sub.Type));
                    Item(subText, 0, sub);
                    item.Append(Indent(subText.ToString(), "  - ", "    "));
                }
            }
            sb.Append(Indent(item.ToString(), "  - ", "    "));
        }
        return sb.ToString();
    }

    /// <summary>Everything of an item but its type: stem, options, answer, explanation, citations.</summary>
    static void Item(StringBuilder sb, int indent, QuestionItem item)
    {
        Field(sb, indent, "stem", item.Stem);
        if (item.Type == QuestionType.TrueFalse)
        {
            if (!item.Options.SequenceEqual(QuestionItem.TrueFalseOptions)) List(sb, indent, "options", item.Options);
            if (item.Correct.Count > 0)
                Raw(sb, indent, "answer", item.Correct.Count == 1 && item.Correct[0] == 1 ? "false" : "true");
        }
        else
        {
            if (item.Options.Count > 0) List(sb, indent, "options", item.Options);
            if (item.Correct.Count > 0) Raw(sb, indent, "answer", YamlNames.Letters(item.Correct));
        }
        if (item.Explanation.Length > 0) Field(sb, indent, "explanation", item.Explanation);
        if (item.Citations.Count > 0) List(sb, indent, "citations", item.Citations.Select(c => c.ToString()).ToList());
    }

    static void Field(StringBuilder sb, int indent, string key, string value) =>
        sb.Append(' ', indent).Append(key).Append(':').Append(YamlScalars.Value(value, indent)).Append('\n');

    static void Raw(StringBuilder sb, int indent, string key, string value) =>
        sb.Append(' ', indent).Append(key).Append(": ").Append(value).Append('\n');

    static void List(StringBuilder sb, int indent, string key, IReadOnlyList<string> items)
    {
        if (YamlScalars.Flow(items) is { } flow)
        {
            sb.Append(' ', indent).Append(key).Append(": ").Append(flow).Append('\n');
            return;
        }
        sb.Append(' ', indent).Append(key).Append(":\n");
        foreach (var i in items) sb.Append(' ', indent + 2).Append("- ").Append(YamlScalars.Item(i, flow: false)).Append('\n');
    }

    /// <summary>Indents a block as a list item: its first line after <paramref name="first"/>, the others after
    /// <paramref name="rest"/> (empty lines stay empty, so literal blocks keep their text).</summary>
    static string Indent(string block, string first, string rest) =>
        string.Concat(block[..^1].Split('\n').Select((l, i) => (i == 0 ? first : l.Length == 0 ? "" : rest) + l + "\n"));
}
