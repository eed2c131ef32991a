using System.Text.RegularExpressions;
using OfficerTraining.Agencies;
using OfficerTraining.Officers;

namespace OfficerTraining.QuestionBank.Import;

/// <summary>The words of the bank's YAML format (question-bank/README.md): type, category and domain names, answer
/// letters and citations, read and written the same way.</summary>
public static partial class YamlNames
{
    public static readonly IReadOnlyDictionary<string, QuestionType> Types = new Dictionary<string, QuestionType>
    {
        ["single"] = QuestionType.Single, ["multiple"] = QuestionType.Multiple,
        ["truefalse"] = QuestionType.TrueFalse, ["case"] = QuestionType.Case,
    };

    public static readonly IReadOnlyDictionary<string, QuestionCategory> Categories = new Dictionary<string, QuestionCategory>
    {
        ["公共法律知识"] = QuestionCategory.Public, ["专业法律知识"] = QuestionCategory.Professional,
    };

    public static string Name(QuestionType type) => Types.First(t => t.Value == type).Key;

    public static string Name(QuestionCategory category) => Categories.First(c => c.Value == category).Key;

    public static string Name(EnforcementDomain domain) => OfficerCsv.DomainNames.First(d => d.Value == domain).Key;

    public static bool TryDomain(string text, out EnforcementDomain domain) =>
        OfficerCsv.DomainNames.TryGetValue(text.Trim(), out domain)
        || Enum.TryParse(text.Trim(), ignoreCase: true, out domain) && Enum.IsDefined(domain) && !text.Trim().All(char.IsDigit);

    /// <summary>The letters of option indexes: [0, 2, 3] → "ACD".</summary>
    public static string Letters(IEnumerable<int> indexes) => string.Concat(indexes.Select(i => (char)('A' + i)));

    /// <summary>Reads answer letters ("ACD", "A, C", "b"), checking each against the number of options (when given).</summary>
    /// <returns>The 0-based indexes, and the first text that is not a letter of an option (null when all are).</returns>
    public static (List<int> Indexes, string? Bad) ParseLetters(string text, int? optionCount)
    {
        var indexes = new List<int>();
        foreach (var ch in text.Where(ch => !char.IsWhiteSpace(ch) && ch is not (',' or '，' or '、')))
        {
            var upper = char.ToUpperInvariant(ch);
            if (upper is < 'A' or > 'Z' || optionCount is { } n && upper - 'A' >= n) return (indexes, ch.ToString());
            indexes.Add(upper - 'A');
        }
        return (indexes, null);
    }

    public enum CitationProblem { None, Syntax, NoLaw }

    /// <summary>Reads "行政处罚法 第五十一条" (Chinese or Arabic numerals; anything after 条, such as 第二款, is ignored).
    /// "第十条" alone cites <paramref name="defaultLaw"/>.</summary>
    public static (Citation? Citation, CitationProblem Problem) ParseCitation(string text, string? defaultLaw)
    {
        var match = CitationPattern().Match(text.Trim());
        if (!match.Success || ChineseNumerals.Parse(match.Groups["n"].Value) is not { } article)
            return (null, CitationProblem.Syntax);
        var law = match.Groups["law"].Value.Trim();
        if (law.StartsWith('《') && law.EndsWith('》')) law = law[1..^1].Trim();
        if (law.Length == 0) law = defaultLaw?.Trim() ?? "";
        return law.Length == 0 ? (null, CitationProblem.NoLaw) : (new Citation(law, article), CitationProblem.None);
    }

    [GeneratedRegex(@"^(?<law>.*?)[\s　]*第[\s　]*(?<n>[零一二三四五六七八九十百]+|[0-9]+)[\s　]*条(?<rest>.*)$", RegexOptions.Singleline)]
    private static partial Regex CitationPattern();
}
