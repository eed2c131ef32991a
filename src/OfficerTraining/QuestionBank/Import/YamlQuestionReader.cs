using System.Globalization;
using OfficerTraining.Agencies;
using OfficerTraining.Infrastructure;
using YamlDotNet.RepresentationModel;

using static OfficerTraining.QuestionBank.Import.YamlFields;

namespace OfficerTraining.QuestionBank.Import;

/// <summary>Maps the YAML nodes of a bank file to questions, noting each problem with the line of its field.</summary>
internal static class YamlQuestionReader
{
    static readonly string[] FileKeys = ["law", "category", "domain", "questions"];
    static readonly string[] ItemKeys = ["type", "stem", "options", "answer", "explanation", "citations"];
    static readonly string[] QuestionKeys = ["id", .. ItemKeys, "tags", "category", "domain", "difficulty", "questions"];

    /// <summary>Reads a file's header into <paramref name="header"/> and returns its questions.</summary>
    public static List<YamlQuestion> ReadFile(YamlMappingNode root, YamlQuestion header)
    {
        var fields = Fields(root, FileKeys, "", header);
        var defaults = new YamlDefaults(Text(fields, "law", "", header), Category(fields, "", header), Domain(fields, "", header));
        var questions = new List<YamlQuestion>();
        if (Sequence(fields, "questions", "", header) is { } list)
            for (var i = 0; i < list.Children.Count; i++)
                if (list.Children[i] is YamlMappingNode node) questions.Add(Read(node, defaults));
                else header.Problem($"questions[{i + 1}]", At(list.Children[i]), "Yaml.NotAMapping");
        return questions;
    }

    static YamlQuestion Read(YamlMappingNode node, YamlDefaults defaults)
    {
        var q = new YamlQuestion(At(node));
        var fields = Fields(node, QuestionKeys, "", q);
        if (Text(fields, "id", "", q) is not { } id) q.Problem("id", "Yaml.IdRequired");
        else
            try { q.Code = QuestionDecider.CheckCode(id); }
            catch (DomainException e) { q.Code = id.Trim(); q.Problems.Add(("id", q.LineOf("id"), e.Message)); }
        var item = Item(fields, "", defaults.Law, q);
        var (category, domain) = (Category(fields, "", q), Domain(fields, "", q));
        category ??= defaults.Category ?? ((domain ?? defaults.Domain) is null ? QuestionCategory.Public : QuestionCategory.Professional);
        domain ??= category == QuestionCategory.Professional ? defaults.Domain : null;
        var difficulty = 2;
        if (Text(fields, "difficulty", "", q) is { } level
            && !int.TryParse(level.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out difficulty))
            q.Problem("difficulty", "Yaml.Difficulty", level);
        var subs = new List<QuestionItem>();
        if (Sequence(fields, "questions", "", q) is { } list)
            for (var i = 0; i < list.Children.Count; i++)
            {
                var prefix = $"questions[{i + 1}]";
                q.Lines[prefix] = At(list.Children[i]);
                if (list.Children[i] is YamlMappingNode sub)
                    subs.Add(Item(Fields(sub, ItemKeys, prefix + ".", q), prefix + ".", defaults.Law, q));
                else q.Problem(prefix, "Yaml.NotAMapping");
            }
        q.Content = new QuestionContent(item.Type, item.Stem, item.Options, item.Correct, item.Explanation, item.Citations,
            Texts(fields, "tags", "", q) ?? [], category.Value, domain, difficulty, subs);
        return q;
    }

    static QuestionItem Item(Dictionary<string, YamlNode> fields, string prefix, string? law, YamlQuestion q)
    {
        var typeText = Text(fields, "type", prefix, q);
        var known = YamlNames.Types.TryGetValue(typeText?.Trim() ?? "", out var type);
        if (typeText is null) q.Problem(prefix + "type", "Yaml.TypeRequired", string.Join(", ", YamlNames.Types.Keys));
        else if (!known) q.Problem(prefix + "type", "Yaml.UnknownType", typeText, string.Join(", ", YamlNames.Types.Keys));
        IReadOnlyList<string>? options = Texts(fields, "options", prefix, q, allowOne: false);
        if (options is null && type == QuestionType.TrueFalse) options = QuestionItem.TrueFalseOptions;
        var correct = known && fields.TryGetValue("answer", out var answer)
            ? Answer(answer, type, options?.Count ?? 0, prefix + "answer", q) : [];
        var citations = new List<Citation>();
        if (Texts(fields, "citations", prefix, q) is { } texts)
            foreach (var (text, line) in texts.Zip(Lines(fields["citations"])))
                switch (YamlNames.ParseCitation(text, law))
                {
                    case ({ } c, _): citations.Add(c); break;
                    case (_, YamlNames.CitationProblem.NoLaw): q.Problem(prefix + "citations", line, "Yaml.CitationNeedsLaw", text); break;
                    default: q.Problem(prefix + "citations", line, "Yaml.BadCitation", text); break;
                }
        return new QuestionItem(type, Text(fields, "stem", prefix, q) ?? "", options ?? [], correct,
            Text(fields, "explanation", prefix, q) ?? "", citations);
    }

    static List<int> Answer(YamlNode node, QuestionType type, int optionCount, string field, YamlQuestion q)
    {
        var texts = node is YamlSequenceNode seq ? seq.Children.Select(c => (c as YamlScalarNode)?.Value).ToList()
            : [(node as YamlScalarNode)?.Value];
        if (texts.Any(t => t is null)) { q.Problem(field, "Yaml.NotAText", "answer"); return []; }
        var text = string.Concat(texts).Trim();
        if (type == QuestionType.TrueFalse)
        {
            if (node is YamlScalarNode && text.ToLowerInvariant() is "true" or "false") return [text.ToLowerInvariant() == "true" ? 0 : 1];
            q.Problem(field, "Yaml.TrueFalseAnswer", text);
            return [];
        }
        var (indexes, bad) = YamlNames.ParseLetters(text, type == QuestionType.Case ? null : optionCount);
        if (bad is not null) q.Problem(field, "Yaml.AnswerLetter", bad, optionCount);
        return indexes;
    }

    static QuestionCategory? Category(Dictionary<string, YamlNode> fields, string prefix, YamlQuestion q)
    {
        if (Text(fields, "category", prefix, q) is not { } text) return null;
        if (YamlNames.Categories.TryGetValue(text.Trim(), out var category)) return category;
        q.Problem(prefix + "category", "Yaml.UnknownCategory", text, string.Join("、", YamlNames.Categories.Keys));
        return null;
    }

    static EnforcementDomain? Domain(Dictionary<string, YamlNode> fields, string prefix, YamlQuestion q)
    {
        if (Text(fields, "domain", prefix, q) is not { } text) return null;
        if (YamlNames.TryDomain(text, out var domain)) return domain;
        q.Problem(prefix + "domain", "Yaml.UnknownDomain", text, string.Join("、", Officers.OfficerCsv.DomainNames.Keys));
        return null;
    }
}
