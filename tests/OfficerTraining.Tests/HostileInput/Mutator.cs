using System.Text;

namespace OfficerTraining.Tests.HostileInput;

/// <summary>
/// Damages a valid file the ways real uploads and attackers do: truncation, flipped, inserted and deleted bytes, control
/// characters, byte-order marks in odd places, invalid UTF-8, huge lines, repeated or dropped lines, and the format's own
/// structural characters. Every case comes from a fixed seed, so a failure names the seed that reproduces it exactly.
/// (No property-testing package: FsCheck and CsCheck are in the registry, but shrinking byte-level damage buys little
/// here and a seeded Random needs nothing new.) Shared with the integration tests, which link this file.
/// </summary>
public sealed class Mutator(int seed)
{
    readonly Random random = new(seed);
    public int Seed { get; } = seed;

    static readonly byte[][] Hostile =
    [
        [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], // BOMs
        [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xFF], [0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], // invalid UTF-8
        [0x00], [0x01], [0x07], [0x08], [0x0B], [0x1B], [0x7F], [0x0D], [0x0A], [0x09], [0x0C], // control characters
        "\u2028"u8.ToArray(), "\u202E"u8.ToArray(), "\u200B"u8.ToArray(), "\uFEFF"u8.ToArray(), "𠀀"u8.ToArray(),
    ];

    /// <summary>Characters that mean something in one of our formats (GIFT, YAML, XML, CSV, Markdown).</summary>
    static readonly string[] Structural =
    [
        "{", "}", "{{", "}}", "::", "####", "=", "~", "#", "\\", "$CATEGORY:", "//", "[id:", "]", "%50%",
        ":", "- ", "  ", "\t", "---", "...", "&a ", "*a", "!!binary ", "? ", "|", ">", "'", "\"", "[", "{a: [",
        "<", ">", "&", "&amp;", "&#0;", "&#xD800;", "<![CDATA[", "]]>", "<!--", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>", "&e;",
        ",", "\"\"", "\",\"", "\r\n", "\n\n", "\r",
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))", "```", "| a | b |",
    ];

    public (byte[] Bytes, string What) Mutate(byte[] input)
    {
        var bytes = input.ToList();
        var what = new List<string>();
        for (var n = random.Next(1, 4); n > 0; n--) what.Add(MutateOnce(bytes));
        return ([.. bytes], string.Join("; ", what));
    }

    string MutateOnce(List<byte> b)
    {
        var at = b.Count == 0 ? 0 : random.Next(0, b.Count + 1);
        switch (random.Next(0, 12))
        {
            case 0:
                b.RemoveRange(at, b.Count - at);
                return $"truncated at {at}";
            case 1 when b.Count > 0:
                var i = Math.Min(at, b.Count - 1);
                var bit = random.Next(0, 8);
                b[i] ^= (byte)(1 << bit);
                return $"flipped bit {bit} of byte {i}";
            case 2:
                var noise = new byte[random.Next(1, 16)];
                random.NextBytes(noise);
                b.InsertRange(at, noise);
                return $"inserted {noise.Length} random bytes at {at}";
            case 3 when b.Count > 0:
                var count = Math.Min(random.Next(1, 64), b.Count - Math.Min(at, b.Count - 1));
                b.RemoveRange(Math.Min(at, b.Count - 1), count);
                return $"deleted {count} bytes at {at}";
            case 4:
                var hostile = Hostile[random.Next(Hostile.Length)];
                b.InsertRange(at, hostile);
                return $"inserted {Convert.ToHexString(hostile)} at {at}";
            case 5:
                var bom = Hostile[random.Next(3)];
                b.InsertRange(0, bom);
                return $"prepended {Convert.ToHexString(bom)}";
            case 6:
                var huge = Encoding.UTF8.GetBytes(new string(random.Next(2) == 0 ? 'a' : '汉', random.Next(10_000, 200_000)));
                b.InsertRange(LineStart(b, at), huge);
                return $"inserted a line of {huge.Length} bytes at {at}";
            case 7:
                var (start, end) = Line(b, at);
                b.InsertRange(end, b.GetRange(start, end - start));
                return $"repeated the line at {start}";
            case 8:
                var (from, to) = Line(b, at);
                b.RemoveRange(from, to - from);
                return $"deleted the line at {from}";
            case 9:
                var (s1, e1) = Line(b, at);
                var line = b.GetRange(s1, e1 - s1);
                b.RemoveRange(s1, e1 - s1);
                var target = LineStart(b, random.Next(0, b.Count + 1));
                b.InsertRange(target, line);
                return $"moved the line at {s1} to {target}";
            default:
                var text = Structural[random.Next(Structural.Length)];
                b.InsertRange(at, Encoding.UTF8.GetBytes(text));
                return $"inserted \"{Escape(text)}\" at {at}";
        }
    }

    static int LineStart(List<byte> b, int at)
    {
        while (at > 0 && b[at - 1] != '\n') at--;
        return at;
    }

    /// <summary>The line around <paramref name="at"/>, with its line feed.</summary>
    static (int Start, int End) Line(List<byte> b, int at)
    {
        var start = LineStart(b, Math.Min(at, b.Count));
        var end = Math.Min(at, b.Count);
        while (end < b.Count && b[end] != '\n') end++;
        return (start, Math.Min(end + 1, b.Count));
    }

    static string Escape(string s) => s.Replace("\r", "\\r").Replace("\n", "\\n").Replace("\t", "\\t");

    /// <summary>An upper bound of the lines of a file, however its bytes decode: every line break (LF, CR, NEL, LS, PS,
    /// VT, FF, in any encoding) holds one of these bytes.</summary>
    public static int MaxLines(byte[] bytes) => 1 + bytes.Count(x => x is 0x0A or 0x0D or 0x0B or 0x0C or 0x85 or 0xA8 or 0xA9);
}
