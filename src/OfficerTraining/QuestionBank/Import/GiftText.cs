using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace OfficerTraining.QuestionBank.Import;

/// <summary>
/// GIFT's escapes, text-format prefixes and answer weights, as Moodle's <c>qformat_gift</c> handles them
/// (docs/formats.md B1). Escaped characters are swapped for placeholders before a block is parsed, so that "\{" or "\="
/// never act as syntax, and swapped back in each finished piece of text.
/// </summary>
public static partial class GiftText
{
    // Private-use characters cannot occur in a meaningful question, unlike Moodle's "&&058;" (an HTML-like sequence).
    static readonly (string Escaped, char Placeholder, char Character)[] Escapes =
    [
        (@"\:", '\uE03A', ':'), (@"\#", '\uE023', '#'), (@"\=", '\uE03D', '='), (@"\{", '\uE07B', '{'),
        (@"\}", '\uE07D', '}'), (@"\~", '\uE07E', '~'), (@"\n", '\uE00A', '\n'),
    ];
    const char Backslash = '\uE05C';
    static readonly Dictionary<char, char> Characters =
        Escapes.ToDictionary(e => e.Placeholder, e => e.Character).Append(new(Backslash, '\\')).ToDictionary();

    /// <summary><c>escapedchar_pre</c>: "\\" first, so that "\\n" is a backslash and an n, not a newline.</summary>
    public static string Protect(string text)
    {
        var result = text.Replace(@"\\", Backslash.ToString());
        foreach (var (escaped, placeholder, _) in Escapes) result = result.Replace(escaped, placeholder.ToString());
        return result;
    }

    /// <summary><c>escapedchar_post</c>.</summary>
    public static string Restore(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text) result.Append(Characters.GetValueOrDefault(c, c));
        return result.ToString();
    }

    /// <summary><c>parse_text_with_format</c>: an optional [html] [moodle] [plain] [markdown] prefix, then the text, trimmed
    /// and unescaped. Unknown prefixes are text.</summary>
    public static (TextFormat Format, string Text) WithFormat(string text, TextFormat defaultFormat)
    {
        var format = defaultFormat;
        text = text.Trim();
        var end = text.IndexOf(']', StringComparison.Ordinal);
        if (text.StartsWith('[') && end > 0 && FormatNamed(text[1..end]) is { } named)
        {
            format = named;
            text = text[(end + 1)..];
        }
        return (format, Restore(text).Trim());
    }

    /// <summary>A piece of GIFT text as our plain text.</summary>
    public static string Plain(string text, TextFormat defaultFormat, out TextFormat format)
    {
        (format, var raw) = WithFormat(text, defaultFormat);
        return HtmlText.ToPlain(raw, format);
    }

    public static TextFormat? FormatNamed(string name) => name switch
    {
        "html" => TextFormat.Html, "moodle" => TextFormat.Moodle, "plain" => TextFormat.Plain, "markdown" => TextFormat.Markdown,
        _ => null,
    };

    /// <summary>Moodle's <c>$giftanswerweightregex</c> and <c>answerweightparser</c>: "%50%", "%-100%", "%33.33333%".
    /// Returns the fraction and the answer without its weight, or null when the answer has no weight.</summary>
    public static (double Fraction, string Answer)? Weight(string answer)
    {
        if (!WeightPattern().IsMatch(answer)) return null;
        var end = answer.IndexOf('%', 1);
        var number = answer[1..end].TrimStart('-');
        var negative = answer[1] == '-';
        var value = double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 0;
        return ((negative ? -value : value) / 100, answer[(end + 1)..]);
    }

    /// <summary><c>repchar</c>: how the writer escapes text; new lines become "\n".</summary>
    public static string Escape(string text)
    {
        var result = new StringBuilder(text.Length + 8);
        foreach (var c in text)
            result.Append(c switch
            {
                '\\' or '#' or '=' or '~' or '{' or '}' or ':' => "\\" + c,
                '\n' => @"\n",
                '\r' => "",
                _ => c.ToString(),
            });
        return result.ToString();
    }

    [GeneratedRegex(@"^%-*([0-9]{1,2})\.?([0-9]*)%")]
    private static partial Regex WeightPattern();
}
