using OfficerTraining.Exams;
using OfficerTraining.QuestionBank;
using OfficerTraining.QuestionBank.Import;

namespace OfficerTraining.Benchmarks;

/// <summary>The exam the officers sit, shaped as the domain's default annual review paper: 50 questions for 100 points
/// (20 single × 2, 10 multiple × 3, 20 true/false × 1.5), drawn per officer from a bank three times that size, options
/// shuffled; four hours on the clock so no benchmark run outlives its attempts.</summary>
public static class BenchBank
{
    static readonly (QuestionType Type, int Drawn, decimal Points)[] Sections =
        [(QuestionType.Single, 20, 2m), (QuestionType.Multiple, 10, 3m), (QuestionType.TrueFalse, 20, 1.5m)];

    public static int Size => Sections.Sum(s => s.Drawn * 3);

    public static int PaperItems => Sections.Sum(s => s.Drawn);

    public static Blueprint Blueprint { get; } = new("容量测试试卷",
        [.. Sections.Select(s => new BlueprintSection(Label(s.Type), s.Type, QuestionFilter.Any, s.Drawn, s.Points))],
        TimeSpan.FromHours(4), 60m, MultipleChoiceScoring.AllOrNothing, ShuffleQuestions: true, ShuffleOptions: true,
        AttemptsAllowed: 1, ReviewDetail.Correctness, ReviewTiming.AfterWindowCloses);

    public static ParsedBank Parsed()
    {
        var types = Sections.SelectMany(s => Enumerable.Repeat(s.Type, s.Drawn * 3)).ToList();
        return new([.. types.Select((t, i) => new ParsedQuestion($"BX-{i + 1:D3}", Content(t, i + 1), "bench-bank.yaml", i + 1))], [], []);
    }

    static QuestionContent Content(QuestionType type, int i) => new(type,
        $"第{i}题：行政机关依照法律、法规或者规章的规定，可以在其法定权限内书面委托符合本法第二十一条规定条件的组织实施行政处罚。",
        type == QuestionType.TrueFalse ? QuestionItem.TrueFalseOptions : ["甲", "乙", "丙", "丁"],
        type == QuestionType.Multiple ? [0, 2] : [0], "《行政处罚法》第二十条。", [new Citation("行政处罚法", 20)], [],
        QuestionCategory.Public, null, 2, []);

    static string Label(QuestionType type) => type switch
    {
        QuestionType.Single => "单选题",
        QuestionType.Multiple => "多选题",
        _ => "判断题",
    };
}
