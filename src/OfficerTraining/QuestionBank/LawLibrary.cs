using OfficerTraining.Infrastructure;
using System.Text.RegularExpressions;

namespace OfficerTraining.QuestionBank;

/// <summary>
/// The laws questions may cite, with the articles each one has, read from the texts in question-bank/laws (embedded in
/// this assembly). A law is named by its title without 中华人民共和国 and without the date: 行政处罚法, 河南省行政执法条例.
/// </summary>
public sealed partial class LawLibrary
{
    readonly Dictionary<string, (string Title, SortedDictionary<int, string> Articles)> _laws;

    LawLibrary(Dictionary<string, (string, SortedDictionary<int, string>)> laws) => _laws = laws;

    public static LawLibrary Shipped { get; } = Load(EmbeddedFiles.In("laws/"));

    public IEnumerable<string> Names => _laws.Keys.Order(StringComparer.Ordinal);

    public bool Has(string law) => _laws.ContainsKey(law);

    public bool Has(string law, int article) => _laws.TryGetValue(law, out var l) && l.Articles.ContainsKey(article);

    /// <summary>The article's text (its paragraphs joined by newlines), or null.</summary>
    public string? Text(Citation c) =>
        _laws.TryGetValue(c.Law, out var l) && l.Articles.TryGetValue(c.Article, out var text) ? text : null;

    public int ArticleCount(string law) => _laws[law].Articles.Count;

    /// <summary>Reads law texts: a file name "NAME(DATE).md", articles as lines starting "第…条 ".</summary>
    public static LawLibrary Load(IEnumerable<(string FileName, string Text)> files)
    {
        var laws = new Dictionary<string, (string, SortedDictionary<int, string>)>(StringComparer.Ordinal);
        foreach (var (fileName, text) in files)
        {
            var name = Path.GetFileNameWithoutExtension(fileName).Split('(', '（')[0].Replace("中华人民共和国", "");
            var articles = new SortedDictionary<int, string>();
            int? current = null;
            foreach (var line in text.Split('\n').Select(l => l.TrimEnd('\r')))
            {
                var match = ArticleStart().Match(line);
                if (match.Success && ChineseNumerals.Parse(match.Groups[1].Value) is { } number && !articles.ContainsKey(number))
                {
                    current = number;
                    articles[number] = match.Groups[2].Value.Trim();
                }
                else if (line.StartsWith('#')) current = null;
                else if (current is { } n && line.Trim().Length > 0) articles[n] += "\n" + line.Trim();
            }
            laws[name] = (text.Split('\n')[0].TrimStart('#', ' ').Trim(), articles);
        }
        return new LawLibrary(laws);
    }

    [GeneratedRegex(@"^第([零一二三四五六七八九十百]+)条[\s　]+(.*)$")]
    private static partial Regex ArticleStart();
}
