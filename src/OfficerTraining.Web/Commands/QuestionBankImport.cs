using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using OfficerTraining.Infrastructure;
using OfficerTraining.QuestionBank;
using OfficerTraining.QuestionBank.Import;

namespace OfficerTraining.Web.Commands;

/// <summary>`question-bank import PATH [--format F] [--dry-run] [--json] [--approve-as REVIEWER]`: all or nothing; run
/// from the command line, it acts with the operator's (administrator's) authority.</summary>
public static class QuestionBankImport
{
    static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static async Task<bool> Run(QuestionBankInput input, string path, QuestionFileFormat? format)
    {
        var clock = Stopwatch.StartNew();
        var parsed = QuestionFiles.ReadPath(path, format);
        QuestionImportReport? report = null;
        if (parsed.Errors.Count == 0)
        {
            using var host = input.BuildHost();
            report = await host.Services.GetRequiredService<QuestionImport>()
                .Run(parsed, Actor.System, input.DryRunFlag, input.ApproveAsFlag);
        }
        var errors = report?.Errors ?? parsed.Errors;
        if (input.JsonFlag) CommandLineOutput.Out.WriteLine(JsonSerializer.Serialize(ToJson(parsed, errors), Json));
        else Print(parsed, report, errors, clock.Elapsed);
        return errors.Count == 0;
    }

    static object ToJson(ParsedBank parsed, IReadOnlyList<ImportError> errors) => new
    {
        Questions = parsed.Questions.Select(q => new
        {
            Id = q.Code, Type = TypeName(q.Content.Type), q.Content.Stem, q.Content.Options, q.Content.Correct, q.Content.Tags,
        }),
        ByType = Enum.GetValues<QuestionType>().ToDictionary(TypeName, t => parsed.Questions.Count(q => q.Content.Type == t)),
        Refused = parsed.Refused.Select(r => new { r.Question, r.Reason }),
        Errors = errors.Select(e => new { e.File, e.Line, Message = e.Field.Length > 0 ? $"{e.Field}: {e.Message}" : e.Message }),
    };

    static string TypeName(QuestionType type) => type switch
    {
        QuestionType.Single => "single", QuestionType.Multiple => "multiple", QuestionType.TrueFalse => "truefalse", _ => "case",
    };

    static void Print(ParsedBank parsed, QuestionImportReport? report, IReadOnlyList<ImportError> errors, TimeSpan elapsed)
    {
        foreach (var e in errors) Console.WriteLine($"{e.File}:{e.Line}: {e.Field}: {e.Message}".Replace(": : ", ": "));
        foreach (var r in parsed.Refused) Console.WriteLine($"{r.File}:{r.Line}: {r.Question}: {r.Reason}");
        if (errors.Count > 0)
        {
            QuestionBankCommand.Fail("QuestionBank.ImportRefused", errors.Count);
            return;
        }
        Console.WriteLine(Messages.Format(report!.Saved ? "QuestionBank.Imported" : "QuestionBank.DryRun",
            parsed.Questions.Count, report.Created, report.Revised, report.Unchanged, report.Approved, parsed.Refused.Count,
            elapsed.TotalSeconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)));
    }
}
