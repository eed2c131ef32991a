using OfficerTraining.Exams;
using OfficerTraining.IntegrationTests.Exams;

namespace OfficerTraining.Benchmarks;

/// <summary>The exam the officers sit: the integration tests' small bank and paper (ten items), with four hours on the
/// clock so no benchmark run outlives its attempts.</summary>
public static class BenchBank
{
    public const int Size = SmallBank.Size;

    public static Blueprint Blueprint { get; } = SmallBank.Blueprint with { Name = "容量测试试卷", Duration = TimeSpan.FromHours(4) };

    public static QuestionBank.Import.ParsedBank Parsed() => SmallBank.Parsed("BX");
}
