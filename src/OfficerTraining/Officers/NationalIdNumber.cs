using System.Globalization;

namespace OfficerTraining.Officers;

/// <summary>
/// A resident identity number (公民身份号码, GB 11643-1999): 17 digits and a check character. It only ever lives in
/// memory: events and documents keep a <see cref="ProtectedNationalId"/>; ToString() masks it so it cannot leak into a log.
/// </summary>
public sealed class NationalIdNumber
{
    static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const string CheckCharacters = "10X98765432";

    NationalIdNumber(string value, DateOnly birthDate, Gender gender)
    {
        Value = value;
        BirthDate = birthDate;
        Gender = gender;
    }

    /// <summary>The number in clear. Pass it only to the protector.</summary>
    internal string Value { get; }
    public DateOnly BirthDate { get; }
    public Gender Gender { get; }
    public string Last4 => Value[^4..];
    public string Masked => Mask(Last4);

    public static string Mask(string last4) => new string('*', 14) + last4;

    /// <returns>The number, or null with <paramref name="errorKey"/> set to a Messages key saying what is wrong.</returns>
    public static NationalIdNumber? TryParse(string? text, out string? errorKey)
    {
        var value = (text ?? "").Trim().ToUpperInvariant();
        errorKey = null;
        if (value.Length != 18 || !value[..17].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(value[17]) || value[17] == 'X'))
            errorKey = "NationalId.Format";
        else if (CheckCharacter(value) != value[17])
            errorKey = "NationalId.Checksum";
        else if (!DateOnly.TryParseExact(value[6..14], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth))
            errorKey = "NationalId.BirthDate";
        else
            return new NationalIdNumber(value, birth, (value[16] - '0') % 2 == 1 ? Gender.Male : Gender.Female);
        return null;
    }

    /// <summary>The check character for the first 17 digits (used to validate, and by the demo data to make numbers).</summary>
    public static char CheckCharacter(string first17) =>
        CheckCharacters[first17.Take(17).Select((c, i) => (c - '0') * Weights[i]).Sum() % 11];

    public override string ToString() => Masked;
}
