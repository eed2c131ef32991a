using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace OfficerTraining.QuestionBank.Import;

/// <summary>
/// Reads Moodle XML as Moodle's <c>qformat_xml</c> does (docs/formats.md B3) and keeps what we support: multichoice
/// (single or multiple answers, under Moodle's grade rules) and truefalse. Category "questions" set the topic tags of the
/// questions after them. Answer feedback, hints, combined feedback, penalties and embedded files have no place in our
/// questions and are dropped; other types are refused by name.
/// </summary>
public static class MoodleXmlReader
{
    public static ParsedBank Read(string fileName, string text)
    {
        var bank = new BankBuilder(fileName, "MXML-");
        XDocument document;
        try
        {
            if (TooDeepAt(text) is { } deep)
            {
                bank.Error(deep, "", "Import.XmlTooDeep", MaxDepth);
                return bank.Build();
            }
            document = Load(text);
        }
        catch (XmlException e)
        {
            bank.Error(Math.Max(e.LineNumber, 1), "", "Import.MalformedXml", e.Message);
            return bank.Build();
        }
        if (document.Root is not { Name.LocalName: "quiz" } quiz)
        {
            bank.Error(Line(document.Root), "", "Import.NotMoodleXml", document.Root?.Name.LocalName ?? "");
            return bank.Build();
        }

        IReadOnlyList<string> category = [];
        foreach (var question in quiz.Elements("question"))
        {
            var type = ((string?)question.Attribute("type") ?? "").Trim();
            if (type == "category") category = BankBuilder.CategoryTags(Text(question.Element("category")).Trim());
            else ReadQuestion(question, type, category, bank);
        }
        return bank.Build();
    }

    /// <summary>Moodle's files nest six elements deep. Thousands of levels cost XDocument seconds of CPU per upload (100 000
    /// levels: 20 s), so such a file is refused after one streaming pass.</summary>
    public const int MaxDepth = 32;

    /// <summary>No DTDs: a question file has no use for them, and they are how XML bombs and external entities get in.</summary>
    static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    static XDocument Load(string text)
    {
        using var reader = XmlReader.Create(new StringReader(text), Settings);
        return XDocument.Load(reader, LoadOptions.SetLineInfo);
    }

    /// <returns>The line of the first element deeper than <see cref="MaxDepth"/>, or null.</returns>
    static int? TooDeepAt(string text)
    {
        using var reader = XmlReader.Create(new StringReader(text), Settings);
        while (reader.Read())
            if (reader.Depth > MaxDepth) return reader is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 1;
        return null;
    }

    static void ReadQuestion(XElement question, string type, IReadOnlyList<string> category, BankBuilder bank)
    {
        var line = Line(question);
        var name = HtmlText.ToPlain(Text(question.Element("name")), TextFormat.Html);
        var questionFormat = Format(question.Element("questiontext"), TextFormat.Html);
        var stem = Formatted(question.Element("questiontext"), TextFormat.Html);
        var label = BankBuilder.Label(name, stem);
        if (type is not ("multichoice" or "truefalse"))
        {
            bank.Refuse(label, type, line);
            return;
        }

        var explanation = Formatted(question.Element("generalfeedback"), questionFormat);
        var tags = BankBuilder.Tags(category,
            question.Element("tags")?.Elements("tag").Select(t => Text(t)) ?? []);
        var id = question.Element("idnumber")?.Value.Trim();
        // Moodle skips answers whose text is empty.
        var answers = question.Elements("answer").Where(a => Text(a).Trim().Length > 0).ToList();
        var fractions = answers.Select(a =>
            double.TryParse((string?)a.Attribute("fraction"), NumberStyles.Float, CultureInfo.InvariantCulture, out var f)
                ? f / 100 : 0).ToList();

        if (type == "truefalse")
        {
            // Moodle: the answer whose text is "true" (or, in old files, the first) says by its grade whether true is right.
            var trueAt = answers.FindIndex(a => Text(a).Trim() == "true");
            var isTrue = answers.Count > 0 && Math.Abs(fractions[trueAt < 0 ? 0 : trueAt] - 1) < 0.00001;
            bank.Add(id, name, BankBuilder.Content(QuestionType.TrueFalse, stem, QuestionItem.TrueFalseOptions,
                [isTrue ? 0 : 1], explanation, tags), line);
            return;
        }

        // <single> defaults to true; Moodle's trans_single treats "false" and "0" as false, anything else as true.
        var singleText = question.Element("single")?.Value.Trim() ?? "true";
        var single = singleText is not ("false" or "0" or "");
        var options = answers.Select(a => Formatted(a, questionFormat)).ToList();
        if (options.Count >= 2 && MoodleGrades.Problem(label, fractions, single) is { } problem)
        {
            bank.ErrorText(line, "answer", problem);
            return;
        }
        var (questionType, correct) = MoodleGrades.Keys(fractions, single);
        bank.Add(id, name, BankBuilder.Content(questionType, stem, options, correct, explanation, tags), line);
    }

    static string Text(XElement? element) => element?.Element("text")?.Value ?? "";

    static string Formatted(XElement? element, TextFormat defaultFormat) =>
        HtmlText.ToPlain(Text(element), Format(element, defaultFormat));

    static TextFormat Format(XElement? element, TextFormat defaultFormat) => (string?)element?.Attribute("format") switch
    {
        "html" => TextFormat.Html,
        "moodle_auto_format" or "wiki_like" => TextFormat.Moodle,
        "plain_text" => TextFormat.Plain,
        "markdown" => TextFormat.Markdown,
        _ => defaultFormat,
    };

    static int Line(XObject? node) => node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 1;
}
