using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;
using OfficerTraining.Infrastructure;

namespace OfficerTraining.Reports.ItemAnalysis;

/// <summary>Marks read from a CSV file: question names, their maxima, and one row of marks per attempt.</summary>
public sealed record MarksSheet(
    IReadOnlyList<string> Questions, IReadOnlyList<double> MaxMarks, IReadOnlyList<string> Attempts,
    IReadOnlyList<IReadOnlyList<double>> Marks);

/// <summary>
/// Reads marks shaped like Moodle's quiz statistics fixture (results00.csv): a header row, then one row per attempt. The
/// first column names the attempt (any text). A column headed summarks, total, sum, 总分 or 合计 is the attempt's total;
/// every other column is a question, its header the question's name, optionally followed by its maximum mark in
/// parentheses ("Q3 (2)"). A maximum not given there is 1, Moodle's default question mark; `maxMarks` (the command's
/// --max) replaces all of them.
/// Refused, each naming the line and column: ragged rows, empty cells (write 0 for an unanswered question), anything
/// that is not a plain number, negative marks, marks above the maximum, and a total that differs from the sum of the
/// question marks by more than <see cref="TotalTolerance"/>. The statistics always use the sum, as Moodle does.
/// </summary>
public static partial class MarksCsv
{
    /// <summary>Totals are often rounded: Moodle's own fixture gives 4.33333 for marks that add up to 4.3333333.</summary>
    public const double TotalTolerance = 0.005;

    static readonly string[] TotalHeaders = ["summarks", "total", "sum", "总分", "合计"];

    public static (MarksSheet? Sheet, IReadOnlyList<ImportError> Errors) Read(
        TextReader reader, string file, IReadOnlyList<double>? maxMarks = null)
    {
        using var csv = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim, DetectColumnCountChanges = false, BadDataFound = null,
        });
        var errors = new List<ImportError>();
        void Error(int line, string field, string key, params object[] args) =>
            errors.Add(new ImportError(file, line, field, Messages.Format(key, args)));

        if (!csv.Read()) return Failed(file, 1, "", "ItemAnalysis.NoHeader");
        var header = csv.Record!.Select(h => h.Trim().TrimStart('\uFEFF').Trim()).ToArray();
        var (columns, total) = Header(header, (field, key, args) => Error(1, field, key, args));
        if (columns.Count == 0 && errors.Count == 0) Error(1, header[0], "ItemAnalysis.NoQuestions");
        if (maxMarks is not null && maxMarks.Count != columns.Count && columns.Count > 0)
            Error(1, "--max", "ItemAnalysis.MaxCount", maxMarks.Count, columns.Count);
        if (errors.Count > 0) return (null, errors);
        var maxima = maxMarks ?? columns.Select(c => c.Max).ToList();

        var (attempts, marks) = (new List<string>(), new List<IReadOnlyList<double>>());
        while (csv.Read())
        {
            var cells = csv.Record!;
            var line = csv.RawRow;
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            if (cells.Length != header.Length)
            {
                var field = cells.Length < header.Length ? Name(header, cells.Length) : Name(header, header.Length);
                Error(line, field, "ItemAnalysis.Ragged", cells.Length, header.Length);
                continue;
            }
            var row = new double[columns.Count];
            var errorsBefore = errors.Count;
            for (var q = 0; q < columns.Count; q++)
            {
                var (at, max) = (columns[q].Index, maxima[q]);
                if (Mark(cells[at], (key, args) => Error(line, header[at], key, args)) is not { } mark) continue;
                if (mark < 0) Error(line, header[at], "ItemAnalysis.Negative", cells[at]);
                else if (mark > max * (1 + 1e-12)) Error(line, header[at], "ItemAnalysis.AboveMax", cells[at], max);
                row[q] = mark;
            }
            // A total is checked only against marks that could all be read, or one bad cell would be reported twice.
            if (total >= 0 && errors.Count == errorsBefore
                && Mark(cells[total], (key, args) => Error(line, header[total], key, args)) is { } given
                && Math.Abs(given - row.Sum()) > TotalTolerance)
                Error(line, header[total], "ItemAnalysis.TotalMismatch", cells[total], Math.Round(row.Sum(), 6));
            attempts.Add(cells[0]);
            marks.Add(row);
        }
        if (errors.Count > 0) return (null, errors);
        if (marks.Count == 0) return Failed(file, 2, header[0], "ItemAnalysis.NoAttempts");
        return (new MarksSheet(columns.Select(c => c.Name).ToList(), maxima, attempts, marks), []);
    }

    /// <summary>The value of --max: comma-separated positive numbers, one per question column.</summary>
    /// <returns>The maxima, or the message that says which value is wrong.</returns>
    public static (IReadOnlyList<double>? MaxMarks, string? Error) ParseMaxMarks(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var maxima = new List<double>();
        for (var k = 0; k < parts.Length; k++)
        {
            if (!Number(parts[k], out var max) || max <= 0)
                return (null, Messages.Format("ItemAnalysis.MaxNotPositive", k + 1, parts[k]));
            maxima.Add(max);
        }
        return (maxima, null);
    }

    static (List<(int Index, string Name, double Max)> Questions, int Total) Header(
        string[] header, Action<string, string, object[]> error)
    {
        var columns = new List<(int Index, string Name, double Max)>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var total = -1;
        for (var at = 1; at < header.Length; at++)
        {
            var name = header[at];
            if (name.Length == 0) { error(Name(header, at), "ItemAnalysis.EmptyHeader", [at + 1]); continue; }
            if (!seen.TryAdd(name, at)) { error(name, "ItemAnalysis.DuplicateColumn", [name, at + 1, seen[name] + 1]); continue; }
            if (TotalHeaders.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                if (total >= 0) error(name, "ItemAnalysis.TwoTotals", [header[total]]);
                total = at;
                continue;
            }
            var max = 1.0;
            if (HeaderMax().Match(name) is { Success: true } m)
            {
                if (!Number(m.Groups["max"].Value, out max) || max <= 0)
                    error(name, "ItemAnalysis.HeaderMax", [m.Groups["max"].Value]);
                name = m.Groups["name"].Value;
            }
            columns.Add((at, name, max));
        }
        return (columns, total);
    }

    static double? Mark(string cell, Action<string, object[]> error)
    {
        if (string.IsNullOrWhiteSpace(cell)) { error("ItemAnalysis.EmptyMark", []); return null; }
        if (Number(cell, out var mark)) return mark;
        error("ItemAnalysis.NotANumber", [cell]);
        return null;
    }

    /// <summary>A plain decimal number ("1", "0.5", "-2", "1e-3"); no thousands separators, no NaN or infinity.</summary>
    static bool Number(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    static string Name(string[] header, int at) =>
        at < header.Length && header[at].Length > 0 ? header[at] : Messages.Format("ItemAnalysis.Column", at + 1);

    static (MarksSheet?, IReadOnlyList<ImportError>) Failed(string file, int line, string field, string key) =>
        (null, [new ImportError(file, line, field, Messages.Format(key))]);

    [GeneratedRegex(@"^(?<name>.+?)\s*[(（]\s*(?<max>[-+]?[0-9]+(?:\.[0-9]+)?)\s*[)）]$")]
    private static partial Regex HeaderMax();
}
