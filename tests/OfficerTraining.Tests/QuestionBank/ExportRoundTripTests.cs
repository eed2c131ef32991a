using OfficerTraining.QuestionBank;
using OfficerTraining.QuestionBank.Import;

namespace OfficerTraining.Tests.QuestionBank;

public class when_exporting_questions_for_moodle
{
    static QuestionContent Q(QuestionType type, string stem, string[] options, int[] correct, string explanation, params string[] tags) =>
        new(type, stem, options, correct, explanation, [new Citation("行政处罚法", 10)], tags, QuestionCategory.Public, null, 2, []);

    static readonly (string Code, QuestionContent Content)[] Questions =
    [
        ("XZCF-0001", Q(QuestionType.Single, "限制人身自由的行政处罚，只能由下列哪一种规范设定？", ["法律", "行政法规", "地方性法规", "部门规章"], [0],
            "《行政处罚法》第十条第二款规定，限制人身自由的行政处罚，只能由法律设定。", "行政处罚", "设定")),
        ("XZCF-0002", Q(QuestionType.Multiple, "Which: #1 = {a} ~ b \\ c?\nSecond line: 50%", ["a < b & c", "[注] 见第 9 条", "%50% of it",
            "=z", "[html]<b>x</b>"], [0, 1, 3], "Line one.\n\nLine two #### with :: marks.", "tag with ] bracket")),
        ("XZCF-0003", Q(QuestionType.Multiple, "六个正确", ["A", "B", "C", "D", "E", "F", "G", "H"], [0, 1, 2, 3, 4, 5], "")),
        ("XZCF-0004", Q(QuestionType.TrueFalse, "行政机关可以依法委托组织实施行政处罚。", QuestionItem.TrueFalseOptions.ToArray(), [0], "第二十条。")),
        ("XZCF-0005", Q(QuestionType.TrueFalse, "Officers need not show ID.", QuestionItem.TrueFalseOptions.ToArray(), [1], "")),
    ];

    public static TheoryData<string> Formats() => ["gift", "xml"];

    static string Write(string format, IEnumerable<(string, QuestionContent)> questions) =>
        format == "gift" ? GiftWriter.Write(questions) : MoodleXmlWriter.Write(questions);

    static ParsedBank Read(string format, string text) =>
        format == "gift" ? GiftReader.Read("export.gift", text) : MoodleXmlReader.Read("export.xml", text);

    [Theory, MemberData(nameof(Formats))]
    public void reading_the_export_gives_back_the_questions_without_their_citations(string format)
    {
        var bank = Read(format, Write(format, Questions));

        bank.Errors.Should().BeEmpty();
        bank.Refused.Should().BeEmpty();
        bank.Questions.Select(q => q.Code).Should().Equal(Questions.Select(q => q.Code));
        foreach (var (read, (_, written)) in bank.Questions.Zip(Questions))
        {
            var q = read.Content;
            q.Type.Should().Be(written.Type);
            q.Stem.Should().Be(written.Stem);
            q.Options.Should().Equal(written.Options);
            q.Correct.Should().Equal(written.Correct);
            q.Explanation.Should().Be(written.Explanation);
            q.Tags.Should().Equal(written.Tags);
            q.Citations.Should().BeEmpty();
        }
    }

    [Theory, MemberData(nameof(Formats))]
    public void a_case_becomes_its_sub_questions_each_with_the_scenario(string format)
    {
        QuestionItem Item(QuestionType type, string stem, string[] options, int[] correct) => new(type, stem, options, correct, "解析", []);
        var scenario = "某县市场监督管理局拟对某超市处以五千元罚款。";
        var @case = new QuestionContent(QuestionType.Case, scenario, [], [], "", [], ["案例"], QuestionCategory.Public, null, 3,
        [
            Item(QuestionType.TrueFalse, "执法人员可以当场作出该罚款决定。", [.. QuestionItem.TrueFalseOptions], [1]),
            Item(QuestionType.Single, "应当告知的内容不包括：", ["处罚内容", "事实理由", "执法人员的家庭住址"], [2]),
        ]);

        var bank = Read(format, Write(format, [("XZCF-0010", @case)]));

        bank.Errors.Should().BeEmpty();
        bank.Questions.Select(q => q.Code).Should().Equal("XZCF-0010-1", "XZCF-0010-2");
        bank.Questions.Select(q => q.Content.Stem).Should().Equal(
            scenario + "\n执法人员可以当场作出该罚款决定。", scenario + "\n应当告知的内容不包括：");
        bank.Questions.Select(q => q.Content.Type).Should().Equal(QuestionType.TrueFalse, QuestionType.Single);
        bank.Questions[1].Content.Correct.Should().Equal(2);
        bank.Questions.Should().AllSatisfy(q => q.Content.Tags.Should().Equal("案例"));
    }

    [Fact]
    public void gift_weights_follow_moodles_exporter()
    {
        var gift = GiftWriter.Write(Questions.Take(3).Select(q => (q.Code, q.Content)));

        gift.Should().Contain("// [id:XZCF-0001] [tag:行政处罚] [tag:设定]\n::XZCF-0001::限制人身自由");
        gift.Should().Contain("\t=法律\n\t~行政法规");
        gift.Should().Contain("\t~%33.33333%a < b & c\n", "a browser shows this text as it is");
        gift.Should().Contain("\t~%-100%[plain][html]<b>x</b>\n", "this text would otherwise be read as HTML");
        gift.Should().Contain("\t~%-100%%50% of it\n", "a text that starts like a weight comes after an explicit one");
        gift.Should().Contain("\t~%16.66667%A\n");
    }
}
