using OfficerTraining.Infrastructure;

namespace OfficerTraining.QuestionBank.Import;

public enum QuestionFileFormat { Yaml, Gift, MoodleXml }

/// <summary>Reads question files of any supported format: decodes the bytes (UTF-8, UTF-16, GBK/GB18030), picks the
/// reader by format or by extension, and reports every problem by file and line. Nothing here touches the store.</summary>
public static class QuestionFiles
{
    public static QuestionFileFormat? FormatOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".yaml" or ".yml" => QuestionFileFormat.Yaml,
        ".gift" or ".txt" => QuestionFileFormat.Gift,
        ".xml" => QuestionFileFormat.MoodleXml,
        _ => null,
    };

    public static ParsedBank Read(string fileName, byte[] content, QuestionFileFormat? format = null)
    {
        var (text, encodingError) = TextFileDecoder.Decode(content);
        if (encodingError is not null) return Failed(fileName, Messages.Format(encodingError));
        return (format ?? FormatOf(fileName)) switch
        {
            QuestionFileFormat.Yaml => YamlBankReader.Read(fileName, text),
            QuestionFileFormat.Gift => GiftReader.Read(fileName, text),
            QuestionFileFormat.MoodleXml => MoodleXmlReader.Read(fileName, text),
            _ => Failed(fileName, Messages.Format("Import.UnknownFormat", Path.GetExtension(fileName))),
        };
    }

    /// <summary>A file, or every file of a supported format under a folder (not its laws/ texts). The YAML files of a
    /// folder are read as one bank, so an id may appear only once in all of them.</summary>
    public static ParsedBank ReadPath(string path, QuestionFileFormat? format = null)
    {
        if (File.Exists(path)) return Read(Path.GetFileName(path), File.ReadAllBytes(path), format);
        if (!Directory.Exists(path)) return Failed(path, Messages.Format("Import.PathNotFound", path));
        var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(path, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("laws/", StringComparison.OrdinalIgnoreCase)
                        && FormatOf(f) is { } found && (format is null || found == format))
            .Order(StringComparer.Ordinal).ToList();
        var bank = ParsedBank.Empty;
        var yaml = new List<(string, string)>();
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(Path.Combine(path, file));
            if (FormatOf(file) != QuestionFileFormat.Yaml) bank = bank.Concat(Read(file, bytes));
            else if (TextFileDecoder.Decode(bytes) is { ErrorKey: null } decoded) yaml.Add((file, decoded.Text));
            else bank = bank.Concat(Read(file, bytes)); // reports the encoding problem
        }
        return YamlBankReader.Read(yaml).Concat(bank);
    }

    static ParsedBank Failed(string file, string message) => new([], [], [new ImportError(file, 1, "", message)]);
}
