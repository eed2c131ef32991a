using OfficerTraining.Exams;
using OfficerTraining.QuestionBank;
using OfficerTraining.QuestionBank.Import;

namespace OfficerTraining.Benchmarks;

/// <summary>The exam the officers sit: the integration tests' small bank and paper (ten items), with four hours on the
/// clock so no benchmark run outlives its attempts.</summary>
public static class BenchBank
{
    public const int Size = 26;

    public static Blueprint Blueprint { get; } = new("容量测试试卷",
        [
            new("单选题", QuestionType.Single, QuestionFilter.Any, 4, 2m),
            new("多选题", QuestionType.Multiple, QuestionFilter.Any, 2, 3m),
            new("判断题", QuestionType.TrueFalse, QuestionFilter.Any, 4, 1m),
        ],
        TimeSpan.FromHours(4), 8m, MultipleChoiceScoring.AllOrNothing, ShuffleQuestions: true, ShuffleOptions: true,
        AttemptsAllowed: 2, ReviewDetail.Correctness, ReviewTiming.AfterWindowCloses);

    public static ParsedBank Parsed()
    {
        QuestionContent Content(QuestionType type, int i) => new(type, $"第{i}题：行政机关可以书面委托符合条件的组织实施行政处罚。",
            type == QuestionType.TrueFalse ? QuestionItem.TrueFalseOptions : ["甲", "乙", "丙", "丁"],
            type == QuestionType.Multiple ? [0, 2] : [0], "第二十条。", [new Citation("行政处罚法", 20)], [],
            QuestionCategory.Public, null, 2, []);
        var types = Enumerable.Repeat(QuestionType.Single, 10).Concat(Enumerable.Repeat(QuestionType.Multiple, 6))
            .Concat(Enumerable.Repeat(QuestionType.TrueFalse, 10)).ToList();
        return new([.. types.Select((t, i) => new ParsedQuestion($"BX-{i + 1:D3}", Content(t, i + 1), "bench.yaml", i + 1))], [], []);
    }
}
