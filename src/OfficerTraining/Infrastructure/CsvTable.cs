using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace OfficerTraining.Infrastructure;

/// <summary>A data row of an imported CSV file: its line number in the file, its cells by field name ("" when empty), and
/// how many non-empty cells it has beyond the header's columns (a comma without quotes in a name shifts the rest).</summary>
public sealed record CsvRow(int Line, IReadOnlyDictionary<string, string> Cells, int ExtraCells = 0);

/// <summary>Reads an imported CSV file by named columns. Each column may be headed in Chinese or English (case and a
/// byte-order mark are ignored); blank rows are skipped; every row keeps its line number for error messages.</summary>
public static class CsvTable
{
    /// <returns>The rows, or the (first) header of the first column the file lacks.</returns>
    public static (IReadOnlyList<CsvRow> Rows, string? MissingColumn) Read(
        TextReader reader, IReadOnlyList<(string Field, string[] Headers)> columns)
    {
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim, DetectColumnCountChanges = false, BadDataFound = null,
        });
        if (!csv.Read() || !csv.ReadHeader()) return ([], columns[0].Headers[0]);
        var header = csv.HeaderRecord!;
        var index = new Dictionary<string, int>();
        foreach (var (field, names) in columns)
        {
            var at = Array.FindIndex(header, h => names.Contains(h.Trim().TrimStart('\uFEFF'), StringComparer.OrdinalIgnoreCase));
            if (at < 0) return ([], names[0]);
            index[field] = at;
        }
        var rows = new List<CsvRow>();
        while (csv.Read())
        {
            var cells = index.ToDictionary(kv => kv.Key, kv => csv.TryGetField<string>(kv.Value, out var v) ? v ?? "" : "");
            if (cells.Values.All(string.IsNullOrWhiteSpace)) continue;
            var extra = Enumerable.Range(header.Length, Math.Max(0, csv.Parser.Count - header.Length))
                .Count(i => !string.IsNullOrWhiteSpace(csv.Parser[i]));
            rows.Add(new CsvRow(csv.Parser.RawRow, cells, extra));
        }
        return (rows, null);
    }
}
