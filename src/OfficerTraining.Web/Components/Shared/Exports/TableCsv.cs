using System.Text;

namespace OfficerTraining.Web.Components.Shared.Exports;

/// <summary>A table of text as CSV for Excel: UTF-8 with a byte-order mark, offered as a data: URL download.</summary>
public static class TableCsv
{
    public static string Of(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var csv = new StringBuilder();
        csv.Append(string.Join(',', headers.Select(Cell))).Append("\r\n");
        foreach (var row in rows) csv.Append(string.Join(',', row.Select(Cell))).Append("\r\n");
        return csv.ToString();
    }

    public static string DataUrl(string text) => "data:text/csv;charset=utf-8," + Uri.EscapeDataString("\uFEFF" + text);

    // Quoted when needed; a leading =, +, - or @ is defused so Excel does not run it as a formula.
    static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0])) value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
