using OfficerTraining.Exams;
using OfficerTraining.QuestionBank;
using OfficerTraining.QuestionBank.Import;

namespace OfficerTraining.IntegrationTests.Exams;

/// <summary>A small approved bank and the paper drawn from it, for the exam tests (and the benchmarks' seeded history,
/// which compile this file too): 26 questions all citing 行政处罚法
/// Art. 20, whose key is always option A (and C for multiple choice).</summary>
public static class SmallBank
{
    public const int Size = 26;

    /// <summary>4 single × 2, 2 multiple × 3, 4 true/false × 1: ten items, keys "1".."10"; 30 minutes; 2 attempts.</summary>
    public static Blueprint Blueprint { get; } = new("测试试卷",
        [
            new("单选题", QuestionType.Single, QuestionFilter.Any, 4, 2m),
            new("多选题", QuestionType.Multiple, QuestionFilter.Any, 2, 3m),
            new("判断题", QuestionType.TrueFalse, QuestionFilter.Any, 4, 1m),
        ],
        TimeSpan.FromMinutes(30), 8m, MultipleChoiceScoring.AllOrNothing, ShuffleQuestions: true, ShuffleOptions: true,
        AttemptsAllowed: 2, ReviewDetail.Correctness, ReviewTiming.AfterWindowCloses);

    /// <param name="prefix">The codes' prefix ("EX" → EX-001 … EX-026).</param>
    public static ParsedBank Parsed(string prefix)
    {
        QuestionContent Content(QuestionType type, int i) => new(type, $"第{i}题：行政机关可以书面委托符合条件的组织实施行政处罚。",
            type == QuestionType.TrueFalse ? QuestionItem.TrueFalseOptions : ["甲", "乙", "丙", "丁"],
            type == QuestionType.Multiple ? [0, 2] : [0], "第二十条。", [new Citation("行政处罚法", 20)], [],
            QuestionCategory.Public, null, 2, []);
        var types = Enumerable.Repeat(QuestionType.Single, 10).Concat(Enumerable.Repeat(QuestionType.Multiple, 6))
            .Concat(Enumerable.Repeat(QuestionType.TrueFalse, 10)).ToList();
        return new([.. types.Select((t, i) => new ParsedQuestion($"{prefix}-{i + 1:D3}", Content(t, i + 1), "bank.yaml", i + 1))], [], []);
    }
}
