using System.Text;
using OfficerTraining.QuestionBank.Import;

namespace OfficerTraining.Tests.HostileInput;

/// <summary>Files written to hurt: XML bombs and external entities, nesting deep enough to overflow a recursive reader,
/// YAML alias bombs, unbalanced GIFT braces, repeated keys and huge fields. Each is refused with its file and line, fast,
/// and nothing from an external entity ever reaches a question.</summary>
public class when_a_question_file_is_written_to_hurt
{
    const string Secret = "officer-training-hostile-secret";

    static string Lol(int depth) => string.Concat(Enumerable.Range(1, depth).Select(i =>
        $"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">"));

    public static TheoryData<string> Names() => [.. Hostile().Keys];

    static Dictionary<string, string> Hostile()
    {
        var secretFile = Path.Combine(Path.GetTempPath(), "ot-hostile-secret.txt");
        File.WriteAllText(secretFile, Secret);
        var question = "<question type=\"truefalse\"><name><text>q</text></name><questiontext format=\"html\"><text>&xxe;</text></questiontext>"
                       + "<answer fraction=\"100\"><text>true</text></answer><answer fraction=\"0\"><text>false</text></answer></question>";
        return new()
        {
            { "bomb.xml", $"<?xml version=\"1.0\"?><!DOCTYPE quiz [<!ENTITY lol0 \"lol\">{Lol(9)}]><quiz>{question.Replace("&xxe;", "&lol9;")}</quiz>" },
            { "xxe.xml", $"<?xml version=\"1.0\"?><!DOCTYPE quiz [<!ENTITY xxe SYSTEM \"file://{secretFile}\">]><quiz>{question}</quiz>" },
            { "xxe-param.xml", $"<?xml version=\"1.0\"?><!DOCTYPE quiz [<!ENTITY % p SYSTEM \"file://{secretFile}\"> %p;]><quiz>{question}</quiz>" },
            { "deep.xml", "<quiz>" + string.Concat(Enumerable.Repeat("<a>", 100_000)) + string.Concat(Enumerable.Repeat("</a>", 100_000)) + "</quiz>" },
            { "unclosed.xml", "<quiz>" + string.Concat(Enumerable.Repeat("<question type=\"truefalse\">", 5_000)) },
            { "deep.yaml", new string('[', 100_000) + new string(']', 100_000) },
            { "deep-map.yaml", string.Concat(Enumerable.Range(0, 3_000).Select(i => new string(' ', i) + "a:\n")) },
            { "deep-flow.yaml", string.Concat(Enumerable.Repeat("{a: ", 50_000)) },
            { "aliases.yaml", "a: &a [x,x,x,x,x,x,x,x,x,x]\n" + string.Concat(Enumerable.Range(1, 20).Select(i =>
                $"{(char)('a' + i)}: &{(char)('a' + i)} [{string.Join(",", Enumerable.Repeat($"*{(char)('a' + i - 1)}", 10))}]\n")) },
            { "alias-bank.yaml", "defaults: &d {type: 单选, category: 公共法律知识}\nquestions:\n  - <<: *d\n    id: X-1\n    stem: *d\n" },
            { "duplicate-keys.yaml", "questions:\n  - id: X-1\n    id: X-2\n    type: 判断\n    type: 单选\n    stem: 题\n" },
            { "tags.yaml", "questions:\n  - !!python/object/apply:os.system [\"rm -rf /\"]\n  - !<tag:yaml.org,2002:binary> AAAA\n" },
            { "huge.yaml", "questions:\n  - id: X-1\n    stem: " + new string('题', 2_000_000) + "\n" },
            { "braces.gift", "::q::{=a ~b\n\n::q2::题 }}}}{{{{ {T}\n\n::q3::{" + new string('{', 100_000) + "\n" },
            { "open.gift", string.Concat(Enumerable.Repeat("::a::b{~c =d\n", 20_000)) },
            { "escapes.gift", string.Concat(Enumerable.Repeat("\\", 200_001)) + "{T}" },
            { "huge.gift", "::q::" + new string('题', 2_000_000) + "{T}" },
            { "huge-option.gift", "::q::题干{=" + new string('题', 2_000_000) + " ~错}" },
            { "huge-explanation.xml", "<quiz><question type=\"truefalse\"><name><text>q</text></name><questiontext><text>题</text></questiontext><generalfeedback><text>"
                + new string('解', 1_000_000) + "</text></generalfeedback><answer fraction=\"100\"><text>true</text></answer><answer fraction=\"0\"><text>false</text></answer></question></quiz>" },
            { "many-tags.gift", "$CATEGORY:" + string.Join("/", Enumerable.Range(1, 30).Select(i => "类别" + i)) + "\n\n::q::x{T}" },
            { "category.gift", "$CATEGORY:" + string.Concat(Enumerable.Repeat("a/", 100_000)) + "\n\n::q::x{T}" },
        };
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task is_refused_or_read_harmlessly_naming_file_and_line(string name)
    {
        var bytes = Encoding.UTF8.GetBytes(Hostile()[name]);
        var read = Task.Run(() => QuestionFiles.Read(name, bytes));
        (await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(20)))).Should().BeSameAs(read, "{0} must not hang the reader", name);
        var bank = await read;

        Fuzz.NamesFileAndLine(bank.Errors, name, bytes);
        var everything = string.Join("\n", bank.Questions.Select(q => q.Content.ToString()));
        everything.Should().NotContain(Secret, "an external entity must never be resolved");
        everything.Length.Should().BeLessThan(10_000_000, "an entity or alias bomb must not be expanded");
    }

    [Theory]
    [InlineData("bomb.xml")]
    [InlineData("xxe.xml")]
    [InlineData("xxe-param.xml")]
    public void a_document_type_declaration_is_refused_outright(string name)
    {
        var bank = QuestionFiles.Read(name, Encoding.UTF8.GetBytes(Hostile()[name]));
        bank.Questions.Should().BeEmpty();
        bank.Errors.Should().ContainSingle().Which.Should().Match<OfficerTraining.Infrastructure.ImportError>(e => e.File == name && e.Line == 1);
    }

    // Regression: these crashed the process with a stack overflow (YamlDotNet loads nodes recursively), or cost 20 s of
    // CPU per upload (XDocument, 100 000 levels). Found by deep.yaml, deep-flow.yaml and deep.xml above.
    [Theory]
    [InlineData("deep.yaml", "Yaml.TooDeep")]
    [InlineData("deep-flow.yaml", "Yaml.TooDeep")]
    [InlineData("deep.xml", "Import.XmlTooDeep")]
    public void nesting_thousands_deep_is_refused_at_once_with_its_line(string name, string key)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var bank = QuestionFiles.Read(name, Encoding.UTF8.GetBytes(Hostile()[name]));
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(3));
        bank.Errors.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            File = name, Line = 1,
            Message = OfficerTraining.Infrastructure.Messages.Format(key, key.StartsWith("Yaml") ? YamlBankReader.MaxDepth : MoodleXmlReader.MaxDepth),
        });
    }

    // Regression: a 2-million-character stem, option or explanation (or 30 category levels as tags) was accepted and
    // would have been copied into every event, paper and export. Found by huge.gift above.
    [Theory]
    [InlineData("huge.gift", "stem")]
    [InlineData("huge-option.gift", "options")]
    [InlineData("huge-explanation.xml", "explanation")]
    [InlineData("huge.yaml", "stem")]
    [InlineData("many-tags.gift", "tags")]
    public void an_extremely_long_field_is_refused_naming_file_line_and_field(string name, string field)
    {
        var text = Hostile()[name];
        if (name == "huge.yaml") text = text.Replace("  - id: X-1\n", "  - id: X-1\n    type: truefalse\n    answer: true\n");
        var bank = QuestionFiles.Read(name, Encoding.UTF8.GetBytes(text));
        bank.Questions.Should().BeEmpty();
        bank.Errors.Should().Contain(e => e.File == name && e.Line >= 1 && e.Field.EndsWith(field));
    }
}
