namespace OfficerTraining.Infrastructure;

/// <summary>The files of question-bank/ embedded in this assembly (laws/, the bank, courses/), so a fresh installation
/// has them wherever the app runs.</summary>
public static class EmbeddedFiles
{
    /// <summary>The files under <paramref name="folder"/> ("laws/"), named without it, in ordinal order of name.</summary>
    public static IReadOnlyList<(string Name, string Text)> In(string folder)
    {
        var assembly = typeof(EmbeddedFiles).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(folder, StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return (n[folder.Length..], reader.ReadToEnd());
            })];
    }
}
