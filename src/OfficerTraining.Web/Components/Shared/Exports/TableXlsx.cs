using ClosedXML.Excel;

namespace OfficerTraining.Web.Components.Shared.Exports;

/// <summary>A table of text as an Excel workbook (one sheet, a bold frozen header row), offered as a data: URL.</summary>
public static class TableXlsx
{
    public const string MediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Of(string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet(sheetName);
        for (var c = 0; c < headers.Count; c++) sheet.Cell(1, c + 1).SetValue(headers[c]).Style.Font.Bold = true;
        var r = 2;
        foreach (var row in rows)
        {
            // SetValue keeps every cell text: a number such as 豫0101… is not turned into a number, nor "=…" into a formula.
            for (var c = 0; c < row.Count; c++) sheet.Cell(r, c + 1).SetValue(row[c]);
            r++;
        }
        sheet.SheetView.FreezeRows(1);
        for (var c = 1; c <= headers.Count; c++) sheet.Column(c).Width = 18; // AdjustToContents needs GDI+, absent on Linux
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    public static string DataUrl(byte[] xlsx) => $"data:{MediaType};base64,{Convert.ToBase64String(xlsx)}";
}
