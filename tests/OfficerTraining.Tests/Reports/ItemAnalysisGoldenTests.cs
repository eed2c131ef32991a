using System.Globalization;
using System.Text.Json;
using FluentAssertions.Execution;
using OfficerTraining.Reports.ItemAnalysis;
using OfficerTraining.Tests.QuestionBank;

namespace OfficerTraining.Tests.Reports.ItemAnalysis;

/// <summary>Moodle's own fixture (mod/quiz/report/statistics/tests/fixtures/results00.csv, 25 attempts × 7 slots) read by
/// our reader and analysed by our calculator must give every value of its qstats00.csv, and the quiz-level values that
/// stats_from_steps_walkthrough_test.php::check_quiz_stats_for_quiz_00 asserts.</summary>
public class when_analysing_moodles_golden_quiz
{
    const double Tolerance = 1e-6;

    internal static string Results => Interop.File("moodle", "quiz-statistics-results00.csv");
    static string QStats => Interop.File("moodle", "quiz-statistics-qstats00.csv");

    internal static MarksSheet Sheet()
    {
        using var reader = new StreamReader(Results);
        var (sheet, errors) = MarksCsv.Read(reader, "quiz-statistics-results00.csv");
        errors.Should().BeEmpty();
        return sheet!;
    }

    static ItemAnalysisResult Result => ItemAnalysisCalculator.Calculate(Sheet().Marks, Sheet().MaxMarks);

    /// <summary>qstats00.csv as rows of column name → value, one row per slot in slot order.</summary>
    internal static List<Dictionary<string, double>> Expected()
    {
        var lines = File.ReadAllLines(QStats).Where(l => l.Trim().Length > 0).ToList();
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => l.Split(',')
                .Select((v, k) => (header[k], double.Parse(v, CultureInfo.InvariantCulture)))
                .ToDictionary(c => c.Item1, c => c.Item2))
            .OrderBy(r => r["slot"]).ToList();
    }

    /// <summary>Moodle's values, from the walkthrough test (also in shared/interop/README.md and docs/item-analysis.md).</summary>
    internal static readonly (string Name, double Value)[] QuizValues =
    [
        ("mean", 4.617333332), ("median", 4.5), ("sd", 0.8117265554), ("skewness", -0.092502502),
        ("kurtosis", -0.7073968557), ("cic", -87.2230935542), ("errorRatio", 136.8294900795), ("standardError", 1.1106813066),
    ];

    [Fact]
    public void the_reader_finds_25_attempts_of_7_questions_each_out_of_1()
    {
        var sheet = Sheet();
        sheet.Questions.Should().Equal(Enumerable.Range(1, 7).Select(i => $"slots.{i}.mark"));
        sheet.MaxMarks.Should().AllSatisfy(m => m.Should().Be(1));
        sheet.Marks.Should().HaveCount(25);
        sheet.Attempts.Should().Equal(Enumerable.Range(1, 25).Select(i => i.ToString(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void every_value_of_qstats00_is_reproduced()
    {
        var expected = Expected();
        expected.Should().HaveCount(Result.Items.Count);
        var largest = 0.0;
        using var scope = new AssertionScope();
        foreach (var (row, item) in expected.Zip(Result.Items))
        {
            var actual = new Dictionary<string, double?>
            {
                ["facility"] = item.Facility, ["sd"] = item.Sd, ["effectiveweight"] = item.EffectiveWeight,
                ["covariance"] = item.Covariance, ["markvariance"] = item.MarkVariance,
                ["othermarkvariance"] = item.OtherMarkVariance, ["discriminationindex"] = item.DiscriminationIndex,
                ["covariancemax"] = item.CovarianceMax, ["discriminativeefficiency"] = item.DiscriminativeEfficiency,
            };
            foreach (var (name, value) in row.Where(c => c.Key != "slot"))
            {
                actual[name].Should().BeApproximately(value, Tolerance, $"slot {row["slot"]} {name}");
                largest = Math.Max(largest, Math.Abs((actual[name] ?? double.NaN) - value));
            }
        }
        TestContext.Current.TestOutputHelper?.WriteLine($"Largest difference from qstats00.csv: {largest:E2}");
    }

    [Fact]
    public void the_quiz_level_values_are_moodles()
    {
        var quiz = Result.Quiz;
        var actual = new Dictionary<string, double?>
        {
            ["mean"] = quiz.Mean, ["median"] = quiz.Median, ["sd"] = quiz.Sd, ["skewness"] = quiz.Skewness,
            ["kurtosis"] = quiz.Kurtosis, ["cic"] = quiz.Cic, ["errorRatio"] = quiz.ErrorRatio,
            ["standardError"] = quiz.StandardError,
        };
        using var scope = new AssertionScope();
        quiz.Attempts.Should().Be(25);
        foreach (var (name, value) in QuizValues) actual[name].Should().BeApproximately(value, Tolerance, name);
        TestContext.Current.TestOutputHelper?.WriteLine("Largest difference from Moodle's quiz values: " +
            $"{QuizValues.Max(q => Math.Abs((actual[q.Name] ?? double.NaN) - q.Value)):E2}");
    }

    [Fact]
    public void every_slot_needs_checking_and_is_dubious_since_all_discriminate_negatively()
    {
        Result.Items.Should().AllSatisfy(i =>
        {
            i.NeedsChecking.Should().Be(NeedsChecking.VeryLikely);
            i.Dubious.Should().BeTrue();
            i.NegativeCovariance.Should().BeFalse("each slot still covaries positively with a total that includes it");
            i.IntendedWeight.Should().BeApproximately(100.0 / 7, 1e-12);
        });
        Result.Items.Sum(i => i.EffectiveWeight!.Value).Should().BeApproximately(100, 1e-9);
    }

    [Fact]
    public void the_json_report_carries_the_same_numbers_in_moodles_units()
    {
        using var json = JsonDocument.Parse(ItemAnalysisReport.Json(Sheet(), Result));
        AssertGoldenJson(json.RootElement);
    }

    /// <summary>Shared with the command's test: the JSON object `item-analysis --json` prints for results00.csv.</summary>
    internal static void AssertGoldenJson(JsonElement root)
    {
        using var scope = new AssertionScope();
        root.GetProperty("attempts").GetInt32().Should().Be(25);
        foreach (var (name, value) in QuizValues)
            root.GetProperty(name).GetDouble().Should().BeApproximately(value, Tolerance, name);
        var questions = root.GetProperty("questions").EnumerateArray().ToList();
        questions.Should().HaveCount(7);
        foreach (var (row, question) in Expected().Zip(questions))
        {
            question.GetProperty("question").GetString().Should().Be($"slots.{row["slot"]}.mark");
            foreach (var (jsonName, csvName) in new[] { ("facility", "facility"), ("sd", "sd"),
                         ("discriminationIndex", "discriminationindex"), ("discriminativeEfficiency", "discriminativeefficiency"),
                         ("effectiveWeight", "effectiveweight") })
                question.GetProperty(jsonName).GetDouble().Should().BeApproximately(row[csvName], Tolerance, $"slot {row["slot"]} {jsonName}");
        }
    }
}
