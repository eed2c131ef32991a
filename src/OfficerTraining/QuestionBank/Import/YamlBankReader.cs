using OfficerTraining.Infrastructure;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OfficerTraining.QuestionBank.Import;

/// <summary>
/// Reads the bank's YAML files (question-bank/README.md). Every problem names its file and the line of the question or
/// field: YAML syntax, keys the format does not have, missing or repeated ids, unknown types, categories and domains,
/// answer letters that are no option, citations that are no "法律名 第X条", and whatever <see cref="QuestionRules"/>
/// (structure, and completeness against <see cref="LawLibrary.Shipped"/>) finds. Only questions without any problem are
/// returned as questions.
/// </summary>
public static class YamlBankReader
{
    public static ParsedBank Read(string fileName, string text) => Read([(fileName, text)]);

    /// <summary>Reads every *.yaml and *.yml file under <paramref name="dir"/> except the law texts (laws/) and the
    /// courses (courses/), in order of
    /// their paths; files are named by their path relative to <paramref name="dir"/>.</summary>
    public static ParsedBank ReadDirectory(string dir) => Read(BankFiles(dir)
        .Select(file => (file, File.ReadAllText(Path.Combine(dir, file)))).ToList());

    public static IReadOnlyList<string> BankFiles(string dir) => Directory
        .EnumerateFiles(dir, "*", SearchOption.AllDirectories)
        .Where(f => Path.GetExtension(f).ToLowerInvariant() is ".yaml" or ".yml")
        .Select(f => Path.GetRelativePath(dir, f).Replace('\\', '/'))
        .Where(f => !f.StartsWith("laws/", StringComparison.OrdinalIgnoreCase) && !f.StartsWith("courses/", StringComparison.OrdinalIgnoreCase))
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>Reads several files as one bank: an id may appear only once in all of them.</summary>
    public static ParsedBank Read(IEnumerable<(string FileName, string Text)> files)
    {
        var questions = new List<ParsedQuestion>();
        var errors = new List<ImportError>();
        var seen = new Dictionary<string, (string File, int Line)>(StringComparer.OrdinalIgnoreCase);
        foreach (var (file, text) in files)
        {
            var (header, read) = ReadFile(text);
            errors.AddRange(header.Problems.Select(p => new ImportError(file, p.Line, p.Field, p.Message)));
            foreach (var q in read)
            {
                if (q.Code is { } code)
                {
                    if (seen.TryGetValue(code, out var first)) q.Problem("id", "Yaml.DuplicateId", code, first.File, first.Line);
                    else seen[code] = (file, q.Line);
                }
                if (q.Content is { } content)
                    q.AddRuleProblems([.. QuestionRules.Structure(content), .. QuestionRules.Completeness(content, LawLibrary.Shipped)]);
                errors.AddRange(q.Problems.OrderBy(p => p.Line)
                    .Select(p => new ImportError(file, p.Line, $"{q.Code} {p.Field}".Trim(), p.Message)));
                // A problem in the file's header (its defaults) may change every question: none of them is taken.
                if (q.Problems.Count == 0 && header.Problems.Count == 0 && q.Code is not null && q.Content is not null)
                    questions.Add(new ParsedQuestion(q.Code, q.Content, file, q.Line));
            }
        }
        return new ParsedBank(questions, [], errors);
    }

    /// <summary>Question files nest five levels deep; YamlDotNet builds nodes recursively, so a file nested thousands deep
    /// (100 000 "[") would overflow the stack and end the whole app, not just the upload.</summary>
    public const int MaxDepth = 32;

    static (YamlQuestion Header, List<YamlQuestion> Questions) ReadFile(string text)
    {
        var header = new YamlQuestion(1);
        if (TooDeepAt(text) is { } deep)
        {
            header.Problem("yaml", deep, "Yaml.TooDeep", MaxDepth);
            return (header, []);
        }
        var stream = new YamlStream();
        var parser = new Parser(new StringReader(text));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            // The parser notices some mistakes (a tab, a bad indentation) on a later line than the scalar it was reading.
            if (e.End.Line == e.Start.Line) header.Problem("yaml", (int)e.Start.Line, "Yaml.Syntax", e.Message);
            else header.Problem("yaml", (int)e.End.Line, "Yaml.SyntaxFrom", e.Message, e.Start.Line);
            return (header, []);
        }
        catch (InvalidOperationException) // YamlDotNet's scanner gives up this way on some unclosed flow collections
        {
            header.Problem("yaml", (int)(parser.Current?.Start.Line ?? 1), "Yaml.Unclosed");
            return (header, []);
        }
        var questions = new List<YamlQuestion>();
        foreach (var document in stream.Documents)
        {
            if (document.RootNode is YamlMappingNode root) questions.AddRange(YamlQuestionReader.ReadFile(root, header));
            else if (document.RootNode is not YamlScalarNode { Value: null or "" })
                header.Problem("yaml", YamlFields.At(document.RootNode), "Yaml.NotAMapping");
        }
        return (header, questions);
    }

    /// <returns>The line where the nesting first goes deeper than <see cref="MaxDepth"/>, from the parser's events alone
    /// (which keep no stack of nodes); null when it never does, or when the syntax breaks first (the load reports that).</returns>
    static int? TooDeepAt(string text)
    {
        var parser = new Parser(new StringReader(text));
        var depth = 0;
        try
        {
            while (parser.MoveNext())
            {
                if (parser.Current is YamlDotNet.Core.Events.MappingStart or YamlDotNet.Core.Events.SequenceStart && ++depth > MaxDepth)
                    return (int)parser.Current.Start.Line;
                if (parser.Current is YamlDotNet.Core.Events.MappingEnd or YamlDotNet.Core.Events.SequenceEnd) depth--;
            }
        }
        catch (YamlException) { }
        catch (InvalidOperationException) { }
        return null;
    }
}
