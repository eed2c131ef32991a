using System.Globalization;
using System.Text;

namespace OfficerTraining.Web.Features.Training;

/// <summary>The below-target list as a CSV for Excel: UTF-8 with a byte-order mark, offered as a data: URL download.</summary>
public static class LedgerCsv
{
    public sealed record Line(string Name, string Agency, decimal Total, decimal Remaining, bool Behind);

    public static string Text(IReadOnlyList<string> headers, IEnumerable<Line> lines, string yes, string no)
    {
        var csv = new StringBuilder();
        csv.Append(string.Join(',', headers.Select(Cell))).Append("\r\n");
        foreach (var l in lines)
            csv.Append(string.Join(',', Cell(l.Name), Cell(l.Agency), Number(l.Total), Number(l.Remaining), Cell(l.Behind ? yes : no)))
                .Append("\r\n");
        return csv.ToString();
    }

    public static string DataUrl(string text) =>
        "data:text/csv;charset=utf-8," + Uri.EscapeDataString("\uFEFF" + text);

    static string Number(decimal d) => d.ToString("0.##", CultureInfo.InvariantCulture);

    // Quoted when needed; a leading =, +, - or @ is defused so Excel does not run it as a formula.
    static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0])) value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
