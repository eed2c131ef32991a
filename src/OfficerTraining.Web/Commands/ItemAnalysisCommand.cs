using JasperFx.CommandLine;
using OfficerTraining.Infrastructure;
using OfficerTraining.QuestionBank.Import;
using OfficerTraining.Reports.ItemAnalysis;

namespace OfficerTraining.Web.Commands;

/// <summary>The arguments of `item-analysis MARKS.CSV [--json] [--max 1,1,2]`.</summary>
public sealed class ItemAnalysisInput : NetCoreInput
{
    [Description("A CSV of marks: a header row, then one row per attempt (first column the attempt, one column per question, optionally a total column)")]
    public string Marks { get; set; } = "";

    [Description("Each question's maximum mark, comma-separated, when the header does not give them (default 1 each)")]
    public string? MaxFlag { get; set; }

    [Description("Print one JSON object (Moodle's units: facility and sd as fractions, the indices in percent) instead of a table")]
    public bool JsonFlag { get; set; }
}

/// <summary>Moodle's item analysis of a file of marks. Pure file in, numbers out: it neither builds the host nor touches
/// the database.</summary>
[Description("Item analysis of a CSV of marks (Moodle's quiz statistics: facility, discrimination, reliability)", Name = "item-analysis")]
public sealed class ItemAnalysisCommand : JasperFxCommand<ItemAnalysisInput>
{
    public override bool Execute(ItemAnalysisInput input) =>
        Run(input.Marks, input.MaxFlag, input.JsonFlag, CommandLineOutput.Out, Console.Error);

    /// <summary>Errors go to <paramref name="errors"/>, one per line as `file:line: column: message`, and nothing is written
    /// to <paramref name="output"/>.</summary>
    public static bool Run(string path, string? max, bool json, TextWriter output, TextWriter errors)
    {
        IReadOnlyList<double>? maxMarks = null;
        if (max is not null)
        {
            (maxMarks, var maxError) = MarksCsv.ParseMaxMarks(max);
            if (maxError is not null) return Fail(errors, maxError);
        }
        var file = Resolve(path);
        if (!File.Exists(file)) return Fail(errors, Messages.Format("ItemAnalysis.FileNotFound", path));
        var (text, decodeError) = TextFileDecoder.Decode(File.ReadAllBytes(file));
        if (decodeError is not null) return Fail(errors, $"{path}: {Messages.Format(decodeError)}");

        var (sheet, problems) = MarksCsv.Read(new StringReader(text), path, maxMarks);
        if (sheet is null)
        {
            foreach (var problem in problems) errors.WriteLine(problem);
            return false;
        }
        var result = ItemAnalysisCalculator.Calculate(sheet.Marks, sheet.MaxMarks);
        output.WriteLine(json ? ItemAnalysisReport.Json(sheet, result) : ItemAnalysisReport.Table(sheet, result));
        output.Flush();
        return true;
    }

    static bool Fail(TextWriter errors, string message)
    {
        errors.WriteLine(message);
        return false;
    }

    /// <summary>As `question-bank`: a relative path missing from the current directory is looked up from its parents, since
    /// `dotnet run --project` may start the app in the project's folder.</summary>
    static string Resolve(string path)
    {
        if (Path.IsPathRooted(path) || File.Exists(path)) return Path.GetFullPath(path);
        for (var parent = Directory.GetParent(Environment.CurrentDirectory); parent is not null; parent = parent.Parent)
            if (File.Exists(Path.Combine(parent.FullName, path))) return Path.Combine(parent.FullName, path);
        return Path.GetFullPath(path);
    }
}
