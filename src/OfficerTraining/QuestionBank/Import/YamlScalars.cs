using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace OfficerTraining.QuestionBank.Import;

/// <summary>Writes texts as YAML scalars that read back exactly: plain where that is safe, a literal block (|) for
/// multi-line text, double quotes with escapes otherwise. Chinese is written as it is.</summary>
internal static partial class YamlScalars
{
    /// <summary>The text after "key:" (with its leading space), for a key indented by <paramref name="indent"/>.</summary>
    public static string Value(string text, int indent)
    {
        if (IsPlain(text, flow: false)) return " " + text;
        if (!IsLiteral(text)) return " " + Quoted(text);
        var body = text.TrimEnd('\n');
        var trailing = text.Length - body.Length;
        var header = trailing switch { 0 => "|-", 1 => "|", _ => "|+" };
        var pad = new string(' ', indent + 2);
        var lines = body.Split('\n').Concat(Enumerable.Repeat("", Math.Max(0, trailing - 1)));
        return " " + header + string.Concat(lines.Select(l => "\n" + (l.Length == 0 ? "" : pad + l)));
    }

    /// <summary>A list item: plain where safe, quoted otherwise.</summary>
    public static string Item(string text, bool flow) => IsPlain(text, flow) ? text : Quoted(text);

    /// <summary>[a, b, c] when every item may stand plain in it and the line stays short, else null.</summary>
    public static string? Flow(IReadOnlyList<string> items, int maxLength = 100) =>
        items.All(i => IsPlain(i, flow: true)) && items.Sum(i => i.Length + 2) <= maxLength ? "[" + string.Join(", ", items) + "]" : null;

    public static bool IsPlain(string text, bool flow) =>
        text.Length > 0 && text[0] is not (' ' or '\t') && text[^1] is not (' ' or '\t' or ':')
        && !"-?:,[]{}#&*!|>'\"%@`".Contains(text[0]) && !text.Contains(": ") && !text.Contains(" #")
        && !(flow && text.IndexOfAny([',', '[', ']', '{', '}', ':']) >= 0)
        && text.All(ch => IsPrintable(ch) && ch is not ('\t' or '\n' or '\r' or '\u0085' or '\u2028' or '\u2029' or '\uFEFF'))
        && !LooksTyped().IsMatch(text);

    /// <summary>Multi-line text that a literal block keeps as it is.</summary>
    static bool IsLiteral(string text)
    {
        var body = text.TrimEnd('\n');
        return body.Contains('\n') && body.TrimStart('\n')[0] is not (' ' or '\t')
            && text.All(ch => ch == '\n' || IsPrintable(ch) && ch is not ('\r' or '\u0085' or '\u2028' or '\u2029' or '\uFEFF'));
    }

    public static string Quoted(string text)
    {
        var sb = new StringBuilder("\"");
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            sb.Append(ch switch
            {
                '"' => "\\\"", '\\' => "\\\\", '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", '\0' => "\\0",
                _ when char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) => $"{ch}{text[++i]}",
                _ when !IsPrintable(ch) || ch is '\u0085' or '\u2028' or '\u2029' or '\uFEFF' =>
                    "\\u" + ((int)ch).ToString("X4", CultureInfo.InvariantCulture),
                _ => ch.ToString(),
            });
        }
        return sb.Append('"').ToString();
    }

    /// <summary>YAML's printable characters (surrogates only in pairs, which <see cref="Quoted"/> keeps together).</summary>
    static bool IsPrintable(char ch) =>
        ch is '\t' or '\n' or '\r' or (>= ' ' and <= '~') or '\u0085' or (>= '\u00A0' and <= '\uD7FF') or (>= '\uE000' and <= '\uFFFD')
        || char.IsSurrogate(ch);

    /// <summary>Texts other YAML readers would take for null, a boolean or a number: quoted so they stay texts.</summary>
    [GeneratedRegex(@"^(~|null|true|false|yes|no|on|off|y|n|[-+]?(0x[0-9a-f_]+|0o[0-7]+|[0-9][0-9_,:.]*(e[-+]?[0-9]+)?|\.[0-9]+(e[-+]?[0-9]+)?|\.inf)|\.nan|<<|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([t ].*)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex LooksTyped();
}
