using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using OfficerTraining.Infrastructure;

namespace OfficerTraining.Certificates;

/// <summary>The last serial used for one number prefix (e.g. 豫410400012026): certificate numbers of an agency and year
/// count up from 1. Saved in the same transaction as the certificates it numbers, with optimistic concurrency, so two
/// issuers at once cannot take the same serial (and the number's unique key backs that up).</summary>
public sealed class CertificateSerial
{
    public string Id { get; set; } = "";
    public int Last { get; set; }
}

/// <summary>Certificate numbers from the year's pattern (a policy setting, e.g. "豫{agency}{year}{serial:D5}") and
/// verification tokens.</summary>
public static partial class CertificateNumbers
{
    /// <summary>The number with <paramref name="serial"/>; {agency} is the issuing agency's code.</summary>
    public static string Format(string pattern, string agencyCode, int year, int serial) => Placeholder().Replace(pattern, m =>
        m.Groups["name"].Value switch
        {
            "agency" => agencyCode,
            "year" => year.ToString(CultureInfo.InvariantCulture),
            "serial" => serial.ToString(m.Groups["format"].Success ? m.Groups["format"].Value : "D5", CultureInfo.InvariantCulture),
            var other => throw new DomainException("Certificate.PatternPlaceholder", other),
        });

    /// <summary>The pattern with everything but the serial filled in: the key of its <see cref="CertificateSerial"/>.</summary>
    public static string Prefix(string pattern, string agencyCode, int year) =>
        Format(SerialPlaceholder().Replace(pattern, "#"), agencyCode, year, 0);

    /// <summary>160 random bits, URL-safe: what the QR code carries.</summary>
    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(20));

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex(@"\{(?<name>[a-z]+)(:(?<format>[A-Za-z]\d*))?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\{serial(:[A-Za-z]\d*)?\}")]
    private static partial Regex SerialPlaceholder();
}
