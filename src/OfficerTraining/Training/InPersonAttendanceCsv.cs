using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace OfficerTraining.Training;

/// <summary>The columns of an in-person attendance list: the ID number and the name (Chinese or English headers).</summary>
public static class InPersonAttendanceCsv
{
    public static readonly (string Field, string[] Headers)[] Columns =
    [
        ("national_id", ["身份证号", "公民身份号码", "national_id"]),
        ("name", ["姓名", "name"]),
    ];

    /// <summary>A data row: its line number in the file and its cells by field name (missing cells are "").</summary>
    public sealed record Row(int Line, IReadOnlyDictionary<string, string> Cells);

    /// <returns>The rows, or the header of the first missing column.</returns>
    public static (IReadOnlyList<Row> Rows, string? MissingColumn) Read(TextReader reader)
    {
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim, DetectColumnCountChanges = false, BadDataFound = null,
        });
        if (!csv.Read() || !csv.ReadHeader()) return ([], Columns[0].Headers[0]);
        var header = csv.HeaderRecord!;
        var index = new Dictionary<string, int>();
        foreach (var (field, names) in Columns)
        {
            var at = Array.FindIndex(header, h => names.Contains(h.Trim().TrimStart('\uFEFF'), StringComparer.OrdinalIgnoreCase));
            if (at < 0) return ([], names[0]);
            index[field] = at;
        }
        var rows = new List<Row>();
        while (csv.Read())
        {
            var cells = index.ToDictionary(kv => kv.Key, kv => csv.TryGetField<string>(kv.Value, out var v) ? v ?? "" : "");
            if (cells.Values.All(string.IsNullOrWhiteSpace)) continue;
            rows.Add(new Row(csv.Parser.RawRow, cells));
        }
        return (rows, null);
    }
}
