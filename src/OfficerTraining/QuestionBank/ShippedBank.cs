using OfficerTraining.QuestionBank.Import;

namespace OfficerTraining.QuestionBank;

/// <summary>The question bank shipped in question-bank/*.yaml, embedded in this assembly so a fresh installation (and the
/// demo city) can load it wherever the app runs.</summary>
public static class ShippedBank
{
    const string Prefix = "bank/";

    public static ParsedBank Read()
    {
        var assembly = typeof(ShippedBank).Assembly;
        return YamlBankReader.Read(assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return (n[Prefix.Length..], reader.ReadToEnd());
            }).ToList());
    }
}
