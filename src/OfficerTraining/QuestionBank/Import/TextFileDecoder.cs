using System.Text;

namespace OfficerTraining.QuestionBank.Import;

/// <summary>
/// Turns an uploaded file into text. Trainers' files come from Moodle (UTF-8, which Moodle 5.x insists on), from Windows
/// Notepad (UTF-8 with a BOM, or UTF-16 with a BOM) and from older Chinese Windows tools (GBK/GB18030). Nothing is guessed
/// silently: bytes that are valid in none of these are refused, never decoded with replacement characters.
/// </summary>
public static class TextFileDecoder
{
    static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <returns>The text, or "" and the Messages key that says why the file was refused.</returns>
    public static (string Text, string? ErrorKey) Decode(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var (encoding, bom) = ByBom(bytes);
        string text;
        if (encoding is not null)
        {
            if (Strict(encoding, bytes.AsSpan(bom)) is not { } decoded) return ("", "Import.UnknownEncoding");
            text = decoded;
        }
        else if (Strict(StrictUtf8, bytes) is { } utf8) text = utf8;
        // A damaged or truncated UTF-8 file is often valid GB18030 too, and would turn into mojibake.
        else if (LooksLikeUtf8(bytes)) return ("", "Import.DamagedUtf8");
        // GB18030 is a superset of GBK and GB2312, so one attempt covers all three.
        else if (Strict(Gb18030(), bytes) is { } gb) text = gb;
        else return ("", "Import.UnknownEncoding");

        return IsText(text) ? (text, null) : ("", "Import.NotText");
    }

    static (Encoding? Encoding, int Bom) ByBom(ReadOnlySpan<byte> b) => b switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (StrictUtf8, 3),
        [0xFF, 0xFE, 0x00, 0x00, ..] => (new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true), 4),
        [0x00, 0x00, 0xFE, 0xFF, ..] => (new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true), 4),
        [0xFF, 0xFE, ..] => (new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), 2),
        [0xFE, 0xFF, ..] => (new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), 2),
        _ => (null, 0),
    };

    static Encoding Gb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    static string? Strict(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        try { return encoding.GetString(bytes); }
        catch (DecoderFallbackException) { return null; }
        catch (ArgumentException) { return null; }
    }

    /// <summary>UTF-8 with a few bad bytes: at least 8 well-formed multi-byte characters and at most one bad byte in 50 of
    /// them. Chinese text in GBK forms a UTF-8 character only by accident, for about one character in seven.</summary>
    static bool LooksLikeUtf8(ReadOnlySpan<byte> bytes)
    {
        var (good, bad) = (0, 0);
        for (var i = 0; i < bytes.Length;)
        {
            var length = bytes[i] switch { < 0x80 => 1, >= 0xC2 and <= 0xDF => 2, >= 0xE0 and <= 0xEF => 3, >= 0xF0 and <= 0xF4 => 4, _ => 0 };
            var wellFormed = length > 0 && i + length <= bytes.Length;
            for (var k = 1; wellFormed && k < length; k++) wellFormed = bytes[i + k] is >= 0x80 and <= 0xBF;
            if (!wellFormed) (bad, i) = (bad + 1, i + 1);
            else (good, i) = (good + (length > 1 ? 1 : 0), i + length);
        }
        return good >= 8 && bad * 50 <= good;
    }

    /// <summary>Binary files can be valid UTF-8 by accident (all bytes below 0x80); text never has NUL or other C0 controls
    /// except tab, line feed, form feed and carriage return.</summary>
    static bool IsText(string text) =>
        !text.Any(c => (c < ' ' && c is not ('\t' or '\n' or '\r' or '\f')) || c == '\u007F');
}
