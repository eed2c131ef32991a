using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace OfficerTraining.QuestionBank.Import;

/// <summary>The text formats Moodle stores with each text (GIFT <c>[html]</c> … prefixes, Moodle XML <c>format=</c>).</summary>
public enum TextFormat { Html, Moodle, Plain, Markdown }

/// <summary>
/// Our stems, options and explanations are plain text, shown as such. Moodle's html and auto-format texts are rendered
/// by a browser, so what an officer should read is what the browser would show: tags and comments removed, entities
/// decoded, &lt;br&gt; and block ends as line breaks. Plain and Markdown texts are kept as written (Markdown stays
/// readable as source). Images (@@PLUGINFILE@@) and styling are lost; the importer's report is where a trainer sees that.
/// </summary>
public static partial class HtmlText
{
    public static string ToPlain(string text, TextFormat format) => format switch
    {
        // In HTML every run of white space is one space; only tags break lines.
        TextFormat.Html => Strip(Whitespace().Replace(text, " "), isHtml: true),
        // Moodle's auto-format turns each newline into a line break and leaves spaces alone.
        TextFormat.Moodle => Strip(text.Replace("\r\n", "\n").Replace('\r', '\n'), isHtml: false),
        _ => text.Trim(),
    };

    /// <param name="isHtml">HTML proper: paragraphs become lines (no blank lines between them) and spaces do not add up,
    /// not even with &amp;nbsp;. Auto-format keeps the spaces and a blank line the author wrote.</param>
    static string Strip(string markup, bool isHtml)
    {
        var text = Comment().Replace(markup, "");
        text = ScriptOrStyle().Replace(text, "");
        text = LineBreak().Replace(text, "\n");
        text = Tag().Replace(text, "");
        text = WebUtility.HtmlDecode(text).Replace('\u00A0', ' ');

        var result = new StringBuilder();
        var blank = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = isHtml ? Whitespace().Replace(raw, " ").Trim() : raw.Trim();
            if (line.Length == 0) { blank = result.Length > 0; continue; }
            if (result.Length > 0) result.Append(blank && !isHtml ? "\n\n" : "\n");
            result.Append(line);
            blank = false;
        }
        return result.ToString();
    }

    [GeneratedRegex(@"[ \t\r\n\f]+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"<!--.*?(-->|$)", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"<(script|style)\b.*?</\1\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<br\s*/?>|</?(?:p|div|li|tr|h[1-6]|ul|ol|table|pre|blockquote)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    // A tag starts with a letter, / or !: "x < 2" and "<>" in a question are text, not tags.
    [GeneratedRegex(@"</?[a-zA-Z][^>]*>|<![^>]*>")]
    private static partial Regex Tag();
}
