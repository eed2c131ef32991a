using System.Collections;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace OfficerTraining.Web.Features.Audit;

/// <summary>An event in readable words: its name ("Audit.Event.X", else the type's name) and its plain values ("Audit.Field.X:
/// value"). Ids, tokens, nested records and long texts are left out: the subject column and the stream's own pages show those.</summary>
public static class AuditWords
{
    const int MaxText = 120;

    /// <summary>Values that are nobody's business in an audit list: a certificate's QR token.</summary>
    static readonly HashSet<string> Hidden = ["Token"];

    public static string What(IStringLocalizer l, object data)
    {
        var label = l["Audit.Event." + data.GetType().Name];
        return label.ResourceNotFound ? data.GetType().Name : label.Value;
    }

    public static string Details(IStringLocalizer l, object data) => string.Join("；", data.GetType().GetProperties()
        .Where(p => !Hidden.Contains(p.Name))
        .Select(p => (p.Name, Value: Plain(l, p.GetValue(data))))
        .Where(x => x.Value is not null)
        .Select(x => $"{Field(l, x.Name)}：{x.Value}"));

    static string Field(IStringLocalizer l, string name)
    {
        var label = l["Audit.Field." + name];
        return label.ResourceNotFound ? name : label.Value;
    }

    static string? Plain(IStringLocalizer l, object? value) => value switch
    {
        null or Guid => null,
        string s when s.Length == 0 => null,
        string s => s.Length > MaxText ? s[..MaxText] + "…" : s,
        bool b => b ? l["Audit.Yes"] : l["Audit.No"],
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => Infrastructure.ChinaTime.Format(t),
        TimeSpan t => t.ToString(@"h\:mm", CultureInfo.InvariantCulture),
        Enum e => e.ToString(),
        decimal or int or long or double => Convert.ToString(value, CultureInfo.InvariantCulture),
        IEnumerable<string> list => string.Join("、", list.Take(10)),
        IEnumerable list when list.Cast<object>().All(x => x is Enum) => string.Join("、", list.Cast<object>()),
        _ => null,
    };
}
