using System.Globalization;
using JasperFx.CommandLine;
using Marten;
using OfficerTraining.Infrastructure;
using OfficerTraining.QuestionBank;
using OfficerTraining.QuestionBank.Import;

namespace OfficerTraining.Web.Commands;

/// <summary>The arguments of `question-bank ACTION PATH`. Flags are named after their property without "Flag"
/// (FormatFlag is --format).</summary>
public sealed class QuestionBankInput : NetCoreInput
{
    [Description("validate: check bank files (no database needed); import: add them to the database; export: write the database's questions out")]
    public string Action { get; set; } = "";

    [Description("A bank folder (e.g. question-bank) or, for import, a single file")]
    public string Dir { get; set; } = "";

    [Description("File format: yaml, gift or moodle-xml; by default taken from each file's extension (export: yaml)")]
    public string? FormatFlag { get; set; }

    [Description("import: check everything and report, but write nothing")]
    public bool DryRunFlag { get; set; }

    [Description("import: print one JSON object (questions, byType, refused, errors) instead of text")]
    public bool JsonFlag { get; set; }

    [Description("import: record that this reviewer account approved the imported versions")]
    public string? ApproveAsFlag { get; set; }
}

[Description("Checks bank files (validate PATH), imports them (import PATH) or writes the database's questions out (export DIR)",
    Name = "question-bank")]
public sealed class QuestionBankCommand : JasperFxAsyncCommand<QuestionBankInput>
{
    public override async Task<bool> Execute(QuestionBankInput input)
    {
        QuestionFileFormat? format = null;
        if (input.FormatFlag is { Length: > 0 } name && (format = ParseFormat(name)) is null)
            return Fail("QuestionBank.UnknownFormat", name);
        return input.Action.Trim().ToLowerInvariant() switch
        {
            "validate" => Validate(Resolve(input.Dir), format),
            "import" => await QuestionBankImport.Run(input, Resolve(input.Dir), format),
            "export" => await QuestionBankExport.Run(input, Resolve(input.Dir), format ?? QuestionFileFormat.Yaml),
            _ => Fail("QuestionBank.UnknownAction", input.Action),
        };
    }

    /// <summary>A relative folder is looked up from the current directory, then from its parents: `dotnet run --project`
    /// starts the app in the project's folder, so `question-bank` still finds the repository's bank.</summary>
    static QuestionFileFormat? ParseFormat(string name) => name.Trim().ToLowerInvariant() switch
    {
        "yaml" or "yml" => QuestionFileFormat.Yaml,
        "gift" => QuestionFileFormat.Gift,
        "moodle-xml" or "moodlexml" or "xml" => QuestionFileFormat.MoodleXml,
        _ => null,
    };

    static string Resolve(string dir)
    {
        if (Path.IsPathRooted(dir) || Directory.Exists(dir)) return Path.GetFullPath(dir);
        for (var parent = Directory.GetParent(Environment.CurrentDirectory); parent is not null; parent = parent.Parent)
            if (Directory.Exists(Path.Combine(parent.FullName, dir))) return Path.Combine(parent.FullName, dir);
        return Path.GetFullPath(dir);
    }

    internal static bool Fail(string key, params object[] args)
    {
        Console.Error.WriteLine(Messages.Format(key, args));
        return false;
    }

    /// <summary>Reads the folder as the importer would; prints each problem as `file:line: id field: message`, or what the
    /// bank holds.</summary>
    static bool Validate(string dir, QuestionFileFormat? format)
    {
        if (!Directory.Exists(dir) && !File.Exists(dir)) return Fail("QuestionBank.NoFolder", dir);
        var bank = QuestionFiles.ReadPath(dir, format);
        if (bank.Errors.Count > 0)
        {
            foreach (var e in bank.Errors) Console.WriteLine($"{e.File}:{e.Line}: {e.Field}: {e.Message}");
            return Fail("QuestionBank.Problems", bank.Errors.Count, bank.Errors.Select(e => e.File).Distinct().Count(),
                bank.Questions.Count);
        }
        var questions = bank.Questions.Select(q => q.Content).ToList();
        string Share(int count) => questions.Count == 0 ? "" : (count / (double)questions.Count).ToString("P1", CultureInfo.InvariantCulture);
        void Table(string heading, IEnumerable<(string Name, int Count)> rows, bool shares = false)
        {
            Console.WriteLine(Messages.Format(heading));
            foreach (var (name, count) in rows) Console.WriteLine($"  {count,5}  {(shares ? $"{Share(count),7}  " : "")}{name}");
        }

        Table("QuestionBank.ByType", Enum.GetValues<QuestionType>()
            .Select(t => (YamlNames.Name(t), questions.Count(q => q.Type == t))), shares: true);
        Table("QuestionBank.ByLaw", questions.SelectMany(q => q.Laws).CountBy(l => l)
            .OrderByDescending(l => l.Value).ThenBy(l => l.Key, StringComparer.Ordinal).Select(l => (l.Key, l.Value)));
        Table("QuestionBank.ByCategory", questions
            .CountBy(q => YamlNames.Name(q.Category) + (q.Domain is { } d ? "·" + YamlNames.Name(d) : ""))
            .OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, c.Value)));
        Console.WriteLine(Messages.Format("QuestionBank.Valid", questions.Count, bank.Questions.Select(q => q.File).Distinct().Count()));
        foreach (var refused in bank.Refused) Console.WriteLine($"{refused.File}:{refused.Line}: {refused.Question}: {refused.Reason}");
        return true;
    }
}
