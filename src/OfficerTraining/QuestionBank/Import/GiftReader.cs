using System.Text.RegularExpressions;

namespace OfficerTraining.QuestionBank.Import;

/// <summary>
/// Reads GIFT as Moodle's <c>qformat_gift::readquestions</c>/<c>readquestion</c> does (docs/formats.md B1), then keeps
/// what we support: single and multiple choice and true/false. Answer feedback has no place in our questions and is
/// dropped; the general feedback (####) becomes the explanation. Other Moodle types are refused by name.
/// </summary>
public static partial class GiftReader
{
    public static ParsedBank Read(string fileName, string text)
    {
        var bank = new BankBuilder(fileName, "GIFT-");
        IReadOnlyList<string> category = [];
        foreach (var (lines, line) in Blocks(text.TrimStart('\uFEFF')))
            category = ReadBlock(lines, line, bank, category);
        return bank.Build();
    }

    /// <summary>Blocks are separated by blank lines; Moodle trims every line first.</summary>
    static IEnumerable<(List<string> Lines, int Line)> Blocks(string text)
    {
        var lines = text.Split(["\r\n", "\n", "\r"], StringSplitOptions.None);
        var block = new List<string>();
        var start = 1;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                if (block.Count > 0) yield return (block, start);
                block = [];
                continue;
            }
            if (block.Count == 0) start = i + 1;
            block.Add(line);
        }
        if (block.Count > 0) yield return (block, start);
    }

    /// <returns>The category tags in force after this block.</returns>
    static IReadOnlyList<string> ReadBlock(List<string> lines, int line, BankBuilder bank, IReadOnlyList<string> category)
    {
        static bool IsComment(string l) => l.StartsWith("//", StringComparison.Ordinal);
        var comments = string.Join("\n", lines.Where(IsComment));
        var text = string.Join("\n", lines.Select(l => IsComment(l) ? " " : l)).Trim();
        if (text.Length == 0) return category;
        text = GiftText.Protect(text);
        if (text.StartsWith("$CATEGORY:", StringComparison.Ordinal))
            return BankBuilder.CategoryTags(GiftText.Restore(text[10..].Split('\n')[0]).Trim());

        string? name = null;
        if (text.StartsWith("::", StringComparison.Ordinal))
        {
            text = text[2..];
            var end = text.IndexOf("::", StringComparison.Ordinal);
            if (end >= 0)
            {
                name = GiftText.Restore(text[..end]).Trim();
                text = text[(end + 2)..].Trim();
            }
        }

        var (open, close) = (text.IndexOf('{'), text.IndexOf('}'));
        if (open < 0 && close < 0)
        {
            bank.Refuse(BankBuilder.Label(name, GiftText.Plain(text, TextFormat.Moodle, out _)), "description", line);
            return category;
        }
        if (open < 0 || close < open)
        {
            bank.Error(line, "", "Import.GiftBraces", BankBuilder.Label(name, GiftText.Plain(text, TextFormat.Moodle, out _)));
            return category;
        }

        var answers = text[(open + 1)..close].Trim();
        var generalFeedback = "";
        var separator = answers.LastIndexOf("####", StringComparison.Ordinal);
        if (separator >= 0) (generalFeedback, answers) = (answers[(separator + 4)..], answers[..separator].Trim());
        // Text after the answers makes it a "missing word" question: the gap is shown as _____.
        var questionText = text[..open] + (text.EndsWith('}') ? "" : "_____") + text[(close + 1)..];
        var stem = GiftText.Plain(questionText, TextFormat.Moodle, out var format);
        var explanation = GiftText.Plain(generalFeedback, format, out _);
        var label = BankBuilder.Label(name, stem);
        var tags = BankBuilder.Tags(category, Tag().Matches(comments).Select(m => Unbracket(m.Groups[1].Value)));
        var id = Id().Match(comments) is { Success: true } m ? Unbracket(m.Groups[1].Value) : null;

        switch (TypeOf(answers))
        {
            case "truefalse":
                var hash = answers.IndexOf('#');
                var isTrue = (hash > 0 ? answers[..hash].Trim() : answers) is "T" or "TRUE";
                bank.Add(id, name, BankBuilder.Content(QuestionType.TrueFalse, stem, QuestionItem.TrueFalseOptions,
                    [isTrue ? 0 : 1], explanation, tags), line);
                break;
            case "multichoice":
                var (options, fractions) = Choices(answers, format);
                var single = answers.Contains('=');
                // Fewer than two answers is Moodle's first complaint (importminerror); our structure rules say it.
                if (options.Count >= 2 && MoodleGrades.Problem(label, fractions, single) is { } problem)
                {
                    bank.ErrorText(line, "answer", problem);
                    break;
                }
                var (type, correct) = MoodleGrades.Keys(fractions, single);
                bank.Add(id, name, BankBuilder.Content(type, stem, options, correct, explanation, tags), line);
                break;
            case var other:
                bank.Refuse(label, other, line);
                break;
        }
        return category;
    }

    /// <summary>Moodle's type detection, in its order.</summary>
    static string TypeOf(string answers)
    {
        if (answers.Length == 0) return "essay";
        if (answers[0] == '#') return "numerical";
        if (answers.Contains('~')) return "multichoice";
        if (answers.Contains('=') && answers.Contains("->", StringComparison.Ordinal)) return "match";
        var hash = answers.IndexOf('#');
        return (hash > 0 ? answers[..hash].Trim() : answers) is "T" or "TRUE" or "F" or "FALSE" ? "truefalse" : "shortanswer";
    }

    /// <summary>Every '=' starts a 100 % answer, every '~' another answer, weighted by an optional %n% (0 without one);
    /// '#' starts the answer's feedback, which we drop.</summary>
    static (List<string> Options, List<double> Fractions) Choices(string answers, TextFormat format)
    {
        var parts = answers.Replace("=", "~=", StringComparison.Ordinal).Split('~').ToList();
        if (parts.Count > 0 && parts[0].Trim().Length == 0) parts.RemoveAt(0);
        var (options, fractions) = (new List<string>(), new List<double>());
        foreach (var part in parts)
        {
            var answer = part.Trim();
            var fraction = 0.0;
            if (answer.StartsWith('=')) (fraction, answer) = (1, answer[1..]);
            else if (GiftText.Weight(answer) is { } weighted) (fraction, answer) = weighted;
            var hash = answer.IndexOf('#');
            options.Add(GiftText.Plain(hash >= 0 ? answer[..hash] : answer, format, out _));
            fractions.Add(fraction);
        }
        return (options, fractions);
    }

    static string Unbracket(string value) => value.Replace(@"\]", "]", StringComparison.Ordinal).Trim();

    [GeneratedRegex(@"\[id:((?:\\.|[^\]\\])+)\]")]
    private static partial Regex Id();

    [GeneratedRegex(@"\[tag:((?:\\.|[^\]\\])+)\]")]
    private static partial Regex Tag();
}
