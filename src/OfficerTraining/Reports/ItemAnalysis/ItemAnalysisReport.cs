using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using OfficerTraining.Infrastructure;

namespace OfficerTraining.Reports.ItemAnalysis;

/// <summary>The `item-analysis` command's two outputs. JSON uses the units of Moodle's qstats00.csv (facility and SD as
/// fractions of the question's maximum, the three indices in percent) and null for undefined statistics; the table shows
/// percentages, as Moodle's report does.</summary>
public static class ItemAnalysisReport
{
    public static string Json(MarksSheet sheet, ItemAnalysisResult result)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions
               { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            var quiz = result.Quiz;
            json.WriteStartObject();
            json.WriteNumber("attempts", quiz.Attempts);
            Number(json, "mean", quiz.Mean);
            Number(json, "median", quiz.Median);
            Number(json, "sd", quiz.Sd);
            Number(json, "skewness", quiz.Skewness);
            Number(json, "kurtosis", quiz.Kurtosis);
            Number(json, "cic", quiz.Cic);
            Number(json, "errorRatio", quiz.ErrorRatio);
            Number(json, "standardError", quiz.StandardError);
            json.WriteStartArray("questions");
            foreach (var item in result.Items)
            {
                json.WriteStartObject();
                json.WriteString("question", sheet.Questions[item.Index]);
                Number(json, "facility", item.Facility);
                Number(json, "sd", item.Sd);
                Number(json, "discriminationIndex", item.DiscriminationIndex);
                Number(json, "discriminativeEfficiency", item.DiscriminativeEfficiency);
                Number(json, "effectiveWeight", item.EffectiveWeight);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v) json.WriteNumber(name, v);
        else json.WriteNull(name);
    }

    public static string Table(MarksSheet sheet, ItemAnalysisResult result)
    {
        var (quiz, text) = (result.Quiz, new StringBuilder());
        string T(string key) => Messages.Format("ItemAnalysis.Table." + key);
        string Marks(double? v) => v is { } m ? m.ToString("0.00", CultureInfo.InvariantCulture) : "—";
        string OfTotal(double? v) => v is { } m ? $"{Marks(m)}  ({Percent(100 * m / quiz.MaxTotal)})" : "—";

        text.AppendLine(Messages.Format("ItemAnalysis.Table.Quiz", quiz.Attempts, result.Items.Count, Marks(quiz.MaxTotal)));
        var quizRows = new (string Label, string Value)[]
        {
            (T("Mean"), OfTotal(quiz.Mean)), (T("Median"), OfTotal(quiz.Median)), (T("Sd"), OfTotal(quiz.Sd)),
            (T("Skewness"), Plain(quiz.Skewness)), (T("Kurtosis"), Plain(quiz.Kurtosis)), (T("Cic"), Percent(quiz.Cic)),
            (T("ErrorRatio"), Percent(quiz.ErrorRatio)), (T("StandardError"), Marks(quiz.StandardError)),
        };
        var labelWidth = quizRows.Max(r => Width(r.Label));
        foreach (var (label, value) in quizRows) text.AppendLine($"  {Pad(label, labelWidth)}  {value}");

        text.AppendLine().AppendLine(T("Questions"));
        var rows = new List<string[]>
        {
            new[] { "Question", "Max", "Facility", "ItemSd", "Discrimination", "Efficiency", "EffectiveWeight",
                "IntendedWeight", "NeedsChecking" }.Select(T).ToArray(),
        };
        rows.AddRange(result.Items.Select(i => new[]
        {
            sheet.Questions[i.Index], Plain(i.MaxMark), Percent(100 * i.Facility), Percent(100 * i.Sd),
            Percent(i.DiscriminationIndex), Percent(i.DiscriminativeEfficiency), Percent(i.EffectiveWeight),
            Percent(i.IntendedWeight),
            string.Join("; ", new[]
            {
                i.NeedsChecking is { } n ? Messages.Format("ItemAnalysis.NeedsChecking." + n) : "—",
                i.Dubious ? T("Dubious") : "", i.NegativeCovariance ? T("NegativeCovariance") : "",
            }.Where(s => s.Length > 0)),
        }));
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => Width(r[c]))).ToArray();
        foreach (var row in rows)
            text.AppendLine(("  " + string.Join("  ", row.Select((cell, c) =>
                c is 0 or 8 ? Pad(cell, widths[c]) : new string(' ', widths[c] - Width(cell)) + cell))).TrimEnd());
        return text.ToString();
    }

    static string Plain(double? v) => v is { } x ? x.ToString("0.####", CultureInfo.InvariantCulture) : "—";

    static string Percent(double? v) => v is { } x ? x.ToString("0.00", CultureInfo.InvariantCulture) + "%" : "—";

    /// <summary>Columns line up in a terminal only if wide (CJK) characters count as two.</summary>
    static int Width(string s) => s.Sum(c => c >= '\u1100' && c != '—' ? 2 : 1);

    static string Pad(string s, int width) => s + new string(' ', Math.Max(0, width - Width(s)));
}
