using System.Text;

namespace OfficerTraining.QuestionBank.Import;

/// <summary>
/// Writes questions as GIFT that Moodle 5.x and <see cref="GiftReader"/> read back to the same type, stem, options, keys,
/// explanation (general feedback) and tags (docs/formats.md B1, exporter notes). Case questions become their
/// sub-questions (see <see cref="InteropExport.Flatten"/>); citations are not written.
/// </summary>
public static class GiftWriter
{
    public static string Write(IEnumerable<(string Code, QuestionContent Content)> questions)
    {
        var gift = new StringBuilder();
        foreach (var (code, q) in InteropExport.Flatten(questions))
        {
            gift.Append($"// question: {code}  name: {code}\n");
            gift.Append($"// [id:{Bracketed(code)}]");
            foreach (var tag in q.Tags) gift.Append($" [tag:{Bracketed(tag)}]");
            gift.Append('\n');

            var format = Format(q.Stem, TextFormat.Moodle);
            gift.Append("::").Append(GiftText.Escape(code)).Append("::").Append(Text(q.Stem, TextFormat.Moodle)).Append('{');
            if (q.Type == QuestionType.TrueFalse) gift.Append(q.Correct.Contains(0) ? "TRUE" : "FALSE");
            else
            {
                var (options, grades) = InteropExport.Answers(q);
                for (var i = 0; i < options.Count; i++)
                    gift.Append("\n\t").Append(Mark(grades[i], options[i])).Append(Text(options[i], format));
            }
            if (q.Explanation.Trim().Length > 0) gift.Append("\n\t####").Append(Text(q.Explanation, format));
            gift.Append(q.Type == QuestionType.TrueFalse && q.Explanation.Trim().Length == 0 ? "}" : "\n}").Append("\n\n");
        }
        return gift.ToString();
    }

    /// <summary>100 % is '=', 0 % is '~', anything else '~%w%'. A 0 % option whose text starts like a weight gets an
    /// explicit "%0%" so that its text is not read as one.</summary>
    static string Mark(double grade, string option) => grade switch
    {
        1 => "=",
        0 when !option.TrimStart().StartsWith('%') => "~",
        _ => $"~%{MoodleGrades.Percent(grade)}%",
    };

    /// <summary>A text in the format it inherits when that reads back unchanged, else marked [plain]: Moodle's default
    /// format renders HTML, so a text with "&lt;" or "&amp;" in it, or a text starting like a format prefix, needs it.</summary>
    static string Text(string text, TextFormat inherited) =>
        (Format(text, inherited) == inherited ? "" : "[plain]") + GiftText.Escape(text);

    static TextFormat Format(string text, TextFormat inherited) =>
        !text.StartsWith('[') && HtmlText.ToPlain(text, inherited) == text ? inherited : TextFormat.Plain;

    static string Bracketed(string value) => value.Replace("]", @"\]", StringComparison.Ordinal);
}
