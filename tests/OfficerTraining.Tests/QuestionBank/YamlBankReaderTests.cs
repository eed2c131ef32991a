using OfficerTraining.Agencies;
using OfficerTraining.Infrastructure;
using OfficerTraining.QuestionBank;
using OfficerTraining.QuestionBank.Import;

namespace OfficerTraining.Tests.QuestionBank;

public sealed class YamlBankReaderTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("yaml-bank-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>The example of each type in question-bank/README.md, as it stands there.</summary>
    static readonly string ReadmeExample = ExampleOf(File.ReadAllText(Path.Combine(Repository.QuestionBank, "README.md")));

    static string ExampleOf(string readme)
    {
        var section = readme[readme.IndexOf("## One example of each type", StringComparison.Ordinal)..];
        var start = section.IndexOf("```yaml\n", StringComparison.Ordinal) + "```yaml\n".Length;
        return section[start..section.IndexOf("```", start, StringComparison.Ordinal)];
    }

    ParsedBank ReadFiles(params (string Name, string Text)[] files)
    {
        foreach (var (name, text) in files)
        {
            var path = Path.Combine(_dir, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
        return YamlBankReader.ReadDirectory(_dir);
    }

    static int LineOf(string text, string fragment) =>
        text.Split('\n').Select((l, i) => (l, i)).First(x => x.l.Contains(fragment, StringComparison.Ordinal)).i + 1;

    [Fact]
    public void the_readme_example_reads_into_four_valid_questions()
    {
        var bank = ReadFiles(("行政处罚法.yaml", ReadmeExample));

        bank.Errors.Should().BeEmpty();
        bank.Questions.Select(q => q.Code).Should().Equal("XZCF-0001", "XZCF-0002", "XZCF-0003", "XZCF-0004");
        bank.Questions.Should().OnlyContain(q => q.File == "行政处罚法.yaml");
        bank.Questions.Select(q => q.Line).Should().Equal(
            bank.Questions.Select(q => LineOf(ReadmeExample, "- id: " + q.Code)));

        var (single, multiple, trueFalse, @case) =
            (bank.Questions[0].Content, bank.Questions[1].Content, bank.Questions[2].Content, bank.Questions[3].Content);
        single.Type.Should().Be(QuestionType.Single);
        single.Options.Should().Equal("法律", "行政法规", "地方性法规", "部门规章");
        single.Correct.Should().Equal(0);
        single.Citations.Should().Equal(new Citation("行政处罚法", 10));
        single.Tags.Should().Equal("行政处罚", "设定");
        (single.Difficulty, single.Category, single.Domain).Should().Be((1, QuestionCategory.Public, (EnforcementDomain?)null));

        multiple.Type.Should().Be(QuestionType.Multiple);
        multiple.Correct.Should().Equal(0, 1, 2);
        multiple.Options.Should().HaveCount(4).And.Contain("罚款、没收违法所得、没收非法财物");
        multiple.Citations.Should().Equal(new Citation("行政处罚法", 9));
        multiple.Difficulty.Should().Be(2);

        trueFalse.Type.Should().Be(QuestionType.TrueFalse);
        trueFalse.Options.Should().Equal(QuestionItem.TrueFalseOptions);
        trueFalse.Correct.Should().Equal(0);
        trueFalse.Citations.Should().Equal(new Citation("行政处罚法", 20));

        @case.Type.Should().Be(QuestionType.Case);
        (@case.Difficulty, @case.Options.Count, @case.Correct.Count).Should().Be((3, 0, 0));
        @case.SubQuestions.Should().HaveCount(2);
        @case.SubQuestions[0].Should().Match<QuestionItem>(s => s.Type == QuestionType.TrueFalse && s.Correct.SequenceEqual(new[] { 1 })
            && s.Options.SequenceEqual(QuestionItem.TrueFalseOptions) && s.Citations.Single() == new Citation("行政处罚法", 51));
        @case.SubQuestions[1].Should().Match<QuestionItem>(s => s.Type == QuestionType.Single && s.Correct.SequenceEqual(new[] { 3 })
            && s.Options.Count == 4 && s.Citations.Single() == new Citation("行政处罚法", 44));
    }

    [Fact]
    public void answers_may_be_lists_citations_may_use_the_files_law_and_arabic_numerals_and_name_a_paragraph()
    {
        var bank = ReadFiles(("a.yml", Yaml(
            "law: 行政处罚法",
            "category: 专业法律知识",
            "domain: 市场监管",
            "questions:",
            "  - id: M-1",
            "    type: multiple",
            "    difficulty: 4",
            "    stem: 题干",
            "    options:",
            "      - 甲",
            "      - 乙",
            "      - 丙",
            "    answer: [A, C]",
            "    explanation: |",
            "      第一行",
            "      第二行",
            "    citations: [第十条, 行政许可法 第12条第二款]",
            "  - id: M-2",
            "    type: truefalse",
            "    category: 公共法律知识",
            "    stem: 题干",
            "    answer: False",
            "    explanation: 解析",
            "    citations: 行政处罚法第五十一条")));

        bank.Errors.Should().BeEmpty();
        var (m1, m2) = (bank.Questions[0].Content, bank.Questions[1].Content);
        m1.Correct.Should().Equal(0, 2);
        m1.Citations.Should().Equal(new Citation("行政处罚法", 10), new Citation("行政许可法", 12));
        m1.Explanation.Should().Be("第一行\n第二行\n");
        (m1.Category, m1.Domain, m1.Difficulty).Should().Be((QuestionCategory.Professional, EnforcementDomain.MarketRegulation, 4));
        (m2.Category, m2.Domain).Should().Be((QuestionCategory.Public, (EnforcementDomain?)null));
        m2.Correct.Should().Equal(1);
        m2.Citations.Should().Equal(new Citation("行政处罚法", 51));
    }

    static string Yaml(params string[] lines) => string.Join("\n", lines) + "\n";

    /// <summary>A valid single-choice question at line 3; a case replaces some lines to make one mistake.</summary>
    static string[] Valid(params (int Line, string Text)[] changes)
    {
        string[] lines =
        [
            "law: 行政处罚法", "questions:", "  - id: Q-1", "    type: single", "    stem: 题干", "    options: [甲, 乙, 丙]",
            "    answer: B", "    explanation: 解析", "    citations: [第十条]",
        ];
        foreach (var (line, text) in changes) lines[line - 1] = text;
        return lines.Where(l => l.Length > 0).ToArray();
    }

    public static TheoryData<string, int, string, string> Mistakes => new()
    {
        { "unknown key (typo)", 5, "Q-1 stme", Yaml(Valid((5, "    stme: 题干"))) },
        { "unknown file key", 1, "lawz", Yaml(Valid((1, "lawz: 行政处罚法"), (9, "    citations: [行政处罚法 第十条]"))) },
        { "missing id", 3, "id", Yaml(Valid((3, "  - type: single"), (4, ""))) },
        { "id with spaces", 3, "Q 1 id", Yaml(Valid((3, "  - id: Q 1"))) },
        { "unknown type", 4, "Q-1 type", Yaml(Valid((4, "    type: singel"))) },
        { "missing type", 3, "Q-1 type", Yaml(Valid((4, ""))) },
        { "answer letter outside the options", 7, "Q-1 answer", Yaml(Valid((7, "    answer: D"))) },
        { "answer that is no letter", 7, "Q-1 answer", Yaml(Valid((7, "    answer: 2"))) },
        { "two keys for a single choice", 7, "Q-1 answer", Yaml(Valid((7, "    answer: [A, B]"))) },
        { "true/false answer that is no boolean", 6, "Q-1 answer", Yaml(Valid((4, "    type: truefalse"), (6, ""), (7, "    answer: 对"))) },
        { "unknown category", 6, "Q-1 category", Yaml(Valid((6, "    category: 公共知识\n    options: [甲, 乙, 丙]"))) },
        { "unknown domain", 7, "Q-1 domain", Yaml(Valid((6, "    category: 专业法律知识\n    domain: 林业\n    options: [甲, 乙, 丙]"))) },
        { "professional without domain", 3, "Q-1 domain", Yaml(Valid((6, "    category: 专业法律知识\n    options: [甲, 乙, 丙]"))) },
        { "difficulty that is no number", 5, "Q-1 difficulty", Yaml(Valid((5, "    difficulty: 难\n    stem: 题干"))) },
        { "difficulty out of range", 5, "Q-1 difficulty", Yaml(Valid((5, "    difficulty: 6\n    stem: 题干"))) },
        { "citation without 第X条", 9, "Q-1 citations", Yaml(Valid((9, "    citations: [行政处罚法 十条]"))) },
        { "bad citation in a block list", 11, "Q-1 citations", Yaml(Valid((9, "    citations:\n      - 第十条\n      - 行政处罚法"))) },
        { "bare article without file law", 8, "Q-1 citations", Yaml(Valid((1, ""))) },
        { "missing article", 9, "Q-1 citations", Yaml(Valid((9, "    citations: [行政处罚法 第九十条]"))) },
        { "unknown law", 9, "Q-1 citations", Yaml(Valid((9, "    citations: [刑法 第一条]"))) },
        { "no citation", 3, "Q-1 citations", Yaml(Valid((9, ""))) },
        { "no explanation", 3, "Q-1 explanation", Yaml(Valid((8, ""))) },
        { "options as text", 6, "Q-1 options", Yaml(Valid((6, "    options: 甲乙丙"))) },
        { "duplicate option", 6, "Q-1 options", Yaml(Valid((6, "    options: [甲, 乙, 甲]"))) },
        { "YAML syntax", 5, "yaml", Yaml(Valid((5, "    stem: 题干: 更多"))) },
        { "YAML tab indentation", 5, "yaml", Yaml(Valid((5, "\tstem: 题干"))) },
        { "YAML repeated key", 5, "yaml", Yaml(Valid((5, "    type: single"))) },
        { "YAML unclosed list", 6, "yaml", Yaml(Valid((6, "    options: [甲, 乙, 丙"))) },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void each_mistake_is_reported_with_its_file_line_and_field(string mistake, int line, string field, string yaml)
    {
        var bank = ReadFiles(("sub/bank.yaml", yaml));

        bank.Errors.Should().ContainEquivalentOf(new { File = "sub/bank.yaml", Line = line, Field = field }, mistake);
        bank.Errors.Should().OnlyContain(e => e.Message.Length > 0 && e.File == "sub/bank.yaml").And.OnlyHaveUniqueItems();
        bank.Questions.Should().BeEmpty(mistake);
    }

    [Fact]
    public void a_mistake_in_a_sub_question_names_it_and_its_line()
    {
        var bank = ReadFiles(("case.yaml", Yaml(
            "law: 行政处罚法",
            "questions:",
            "  - id: C-1",
            "    type: case",
            "    stem: 案情",
            "    questions:",
            "      - type: truefalse",
            "        stem: 小题一",
            "        answer: true",
            "        explanation: 解析",
            "        citations: [第十条]",
            "      - type: single",
            "        stem: 小题二",
            "        options: [甲, 乙]",
            "        answer: C",
            "        explanation: 解析",
            "        citations: [第九百条]",
            "        tags: [不允许]")));

        bank.Errors.Select(e => (e.Line, e.Field)).Should().BeEquivalentTo(new[]
        {
            (15, "C-1 questions[2].answer"), (17, "C-1 questions[2].citations"), (18, "C-1 questions[2].tags"),
        });
        bank.Questions.Should().BeEmpty();
    }

    [Fact]
    public void an_id_used_twice_is_reported_where_it_is_used_again_naming_the_first_use()
    {
        var question = Valid().Skip(2).ToArray();
        var bank = ReadFiles(
            ("a.yaml", Yaml(["law: 行政处罚法", "questions:", .. question, .. question])),
            ("b.yaml", Yaml(["law: 行政处罚法", "questions:", .. question.Select(l => l.Replace("Q-1", "q-1"))])),
            ("laws/ignored.yaml", "this: [is not read"),
            ("notes.txt", "not a bank file"));

        bank.Errors.Select(e => (e.File, e.Line, e.Field)).Should().Equal(("a.yaml", 10, "Q-1 id"), ("b.yaml", 3, "q-1 id"));
        bank.Errors.Should().OnlyContain(e => e.Message.Contains("Q-1") || e.Message.Contains("q-1"));
        bank.Errors.Should().OnlyContain(e => e.Message.Contains("a.yaml") && e.Message.Contains('3'));
        bank.Questions.Should().ContainSingle().Which.Should().Match<ParsedQuestion>(q => q.File == "a.yaml" && q.Line == 3);
    }

    [Fact]
    public void the_readme_example_round_trips_through_the_writer()
    {
        var read = YamlBankReader.Read("x.yaml", ReadmeExample).Questions;
        var written = YamlBankWriter.Write(read.Select(q => (q.Code, q.Content)), "行政处罚法");

        written.Should().StartWith("law: 行政处罚法\ncategory: 公共法律知识\nquestions:\n  - id: XZCF-0001\n");
        written.Should().Contain("answer: ABC").And.Contain("answer: false").And.Contain("citations: [行政处罚法 第五十一条]")
            .And.Contain("    questions:\n      - type: truefalse\n        stem: 执法人员可以当场作出该罚款决定。\n").And.NotContain("\\u");
        AssertRoundTrip(read.Select(q => (q.Code, q.Content)).ToList(), "行政处罚法");
    }

    [Fact]
    public void questions_of_every_type_round_trip_through_the_writer()
    {
        var single = Questions.Single() with { Domain = EnforcementDomain.Transport, Category = QuestionCategory.Professional };
        var multiple = Questions.Single() with
        {
            Type = QuestionType.Multiple, Correct = [1, 3], Difficulty = 5, Tags = [],
            Options = ["yes", "null", "- 列表", "a: b", "[甲, 乙]", "#注释", "'引号'", "\"双引号\"", ],
            Stem = "多行\n  缩进的第二行\n\n第四行\n\n", Explanation = "  以空格开头\n", Category = QuestionCategory.Public,
        };
        var trueFalse = Questions.TrueFalse(key: false) with { Tags = ["a, b", "~", "123", "2021-01-22", "true"] };
        var @case = Questions.Case(Questions.Item(multiple), Questions.Item(trueFalse), Questions.Item(Questions.Single())) with
        {
            Explanation = "案例总解析", Citations = [new Citation("行政诉讼法", 103)], Stem = "案情：\n\t某局……\r\n结尾 #",
            Category = QuestionCategory.Professional, Domain = EnforcementDomain.CulturalMarket,
        };
        YamlBankWriter.Write([("M-1", multiple)]).Should().Contain(
            "    stem: |+\n      多行\n        缩进的第二行\n\n      第四行\n\n    options:\n      - \"yes\"\n      - \"null\"\n");
        AssertRoundTrip([("S-1", single), ("M-1", multiple), ("T-1", trueFalse), ("C-1", @case), ("123", Questions.TrueFalse())]);
    }

    [Fact]
    public void random_texts_round_trip_through_the_writer()
    {
        var random = new Random(20260301);
        string[] pieces =
        [
            "a", "好", "题", " ", "  ", "\n", "\n\n", "\t", ":", ": ", " #", "#", "-", "- ", "'", "\"", "\\", "[", "]", "{", "}", ",",
            "?", "|", ">", "%", "@", "`", "&", "*", "!", "~", "0", "1.5", "true", "null", "\r", "\u2028", "\u0085", "\uFEFF",
            "\u3000", "\u001b", "😀", "—", "“", "》",
        ]; // no "\0": PostgreSQL cannot store it, so QuestionRules refuses it (HostileInput/ControlCharacterTests)
        string Text() => string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => pieces[random.Next(pieces.Length)]));
        string Visible() => Text() is var t && string.IsNullOrWhiteSpace(t) ? t + "x" : t;

        var questions = Enumerable.Range(1, 300).Select(i =>
        {
            var options = new List<string>();
            while (options.Count < 4)
                if (Visible() is var o && options.All(x => x.Trim() != o.Trim())) options.Add(o);
            return ($"R-{i}", Questions.Single() with
            {
                Type = i % 2 == 0 ? QuestionType.Multiple : QuestionType.Single, Correct = i % 2 == 0 ? [0, 3] : [2],
                Stem = Visible(), Options = options, Explanation = Visible(), Tags = [Text(), Text()],
            });
        }).ToList();
        AssertRoundTrip(questions);
    }

    static void AssertRoundTrip(IReadOnlyList<(string Code, QuestionContent Content)> questions, string? law = null)
    {
        var written = YamlBankWriter.Write(questions, law);
        var read = YamlBankReader.Read("round-trip.yaml", written);

        read.Errors.Should().BeEmpty(written);
        read.Questions.Select(q => q.Code).Should().Equal(questions.Select(q => q.Code));
        foreach (var (original, back) in questions.Zip(read.Questions))
        {
            back.Content.SameAs(original.Content).Should().BeTrue($"{original.Code} should read back as written:\n{written}");
            back.Content.Should().BeEquivalentTo(original.Content,
                o => o.ComparingByMembers<QuestionContent>().ComparingByMembers<QuestionItem>().WithStrictOrdering(), original.Code);
        }
        YamlBankWriter.Write(read.Questions.Select(q => (q.Code, q.Content)), law).Should().Be(written);
    }
}
