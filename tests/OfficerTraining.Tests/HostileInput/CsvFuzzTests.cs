using System.Text;
using OfficerTraining.Infrastructure;
using OfficerTraining.Officers;
using OfficerTraining.Reports.ItemAnalysis;
using OfficerTraining.Tests.QuestionBank;

namespace OfficerTraining.Tests.HostileInput;

/// <summary>CSV files with wrong column counts, stray quotes, control characters and huge cells: the table reader under
/// the officer and attendance imports, and the marks reader of item analysis, never throw and keep true line numbers.
/// (The imports themselves, with their all-or-nothing writes, are fuzzed against the store in the integration tests.)</summary>
public class when_a_damaged_csv_file_is_read
{
    public const string OfficerHeader = "姓名,身份证号,执法主体编码,职务,执法领域,用工性质";

    public static string OfficerCsvText(int rows, int seed)
    {
        var random = new Random(seed);
        var lines = new List<string> { OfficerHeader };
        for (var i = 0; i < rows; i++)
        {
            var first17 = $"410402{new DateOnly(1970, 1, 1).AddDays(random.Next(0, 10_000)):yyyyMMdd}{random.Next(0, 1000):D3}";
            lines.Add($"\"王{i}\",{first17}{NationalIdNumber.CheckCharacter(first17)},DEPT,\"科员,一级\",城市管理、市场监管,在编在职");
        }
        return string.Join("\r\n", lines) + "\r\n";
    }

    static byte[] Strict(byte[] bytes, out string? text)
    {
        try { text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes); }
        catch (DecoderFallbackException) { text = null; } // the upload pages refuse these before any reader sees them
        return bytes;
    }

    [Fact]
    public Task the_officer_table_never_throws_and_keeps_line_numbers() =>
        Fuzz.Run(40_004, 300, [("officers.csv", Fuzz.Utf8(OfficerCsvText(8, 1))), ("one.csv", Fuzz.Utf8(OfficerCsvText(1, 2)))],
            (name, bytes) =>
            {
                Strict(bytes, out var text);
                if (text is null) return Task.CompletedTask;
                var (rows, _) = CsvTable.Read(new StringReader(text), OfficerCsv.Columns);
                if (rows.Any(r => r.Line < 1 || r.Line > Mutator.MaxLines(bytes)))
                    throw new InvalidOperationException($"a row names a line that does not exist: {string.Join(",", rows.Select(r => r.Line))}");
                return Task.CompletedTask;
            });

    [Fact]
    public Task the_marks_sheet_never_throws_and_names_file_and_line() =>
        Fuzz.Run(41_004, 300, [("marks.csv", File.ReadAllBytes(Interop.File("moodle", "quiz-statistics-results00.csv")))],
            (name, bytes) =>
            {
                Strict(bytes, out var text);
                if (text is null) return Task.CompletedTask;
                var (_, errors) = MarksCsv.Read(new StringReader(text), name);
                Fuzz.NamesFileAndLine(errors, name, bytes);
                return Task.CompletedTask;
            });
}
