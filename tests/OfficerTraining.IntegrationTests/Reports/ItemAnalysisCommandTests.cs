using System.Globalization;
using System.Text.Json;
using FluentAssertions.Execution;
using JasperFx.CommandLine;
using OfficerTraining.Web.Commands;

namespace OfficerTraining.IntegrationTests.Reports.ItemAnalysis;

/// <summary>`item-analysis` in-process, on Moodle's golden fixture: no host, no database, only the file and the numbers.
/// The arguments are bound by JasperFx exactly as on the command line, then the command runs with captured output.</summary>
public class when_running_item_analysis_on_moodles_golden_quiz
{
    static string Moodle(string file)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OfficerTraining.sln"))) dir = dir.Parent;
        var path = Path.GetFullPath(Path.Combine(dir!.FullName, "..", "shared", "interop", "moodle", file));
        if (!File.Exists(path)) Assert.Fail($"The interop test data is missing: looked for {path}.");
        return path;
    }

    static (bool Ok, string Output, string Errors) Run(string commandLine)
    {
        var factory = new CommandFactory();
        factory.RegisterCommand<ItemAnalysisCommand>();
        var run = factory.BuildRun(commandLine);
        run.Command.Should().BeOfType<ItemAnalysisCommand>();
        var input = (ItemAnalysisInput)run.Input;
        var (output, errors) = (new StringWriter(), new StringWriter());
        var ok = ItemAnalysisCommand.Run(input.Marks, input.MaxFlag, input.JsonFlag, output, errors);
        return (ok, output.ToString(), errors.ToString());
    }

    [Fact]
    public void json_is_one_object_with_moodles_numbers()
    {
        var (ok, output, errors) = Run($"item-analysis \"{Moodle("quiz-statistics-results00.csv")}\" --json");
        ok.Should().BeTrue();
        errors.Should().BeEmpty();
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;

        using var scope = new AssertionScope();
        root.GetProperty("attempts").GetInt32().Should().Be(25);
        foreach (var (name, value) in new[] { ("mean", 4.617333332), ("median", 4.5), ("sd", 0.8117265554),
                     ("skewness", -0.092502502), ("kurtosis", -0.7073968557), ("cic", -87.2230935542),
                     ("errorRatio", 136.8294900795), ("standardError", 1.1106813066) })
            root.GetProperty(name).GetDouble().Should().BeApproximately(value, 1e-6, name);

        var lines = File.ReadAllLines(Moodle("quiz-statistics-qstats00.csv"));
        var header = lines[0].Split(',');
        var questions = root.GetProperty("questions").EnumerateArray().ToList();
        questions.Should().HaveCount(7);
        foreach (var (line, question) in lines.Skip(1).Zip(questions))
        {
            var row = line.Split(',').Select((v, k) => (header[k], double.Parse(v, CultureInfo.InvariantCulture)))
                .ToDictionary(c => c.Item1, c => c.Item2);
            question.GetProperty("question").GetString().Should().Be($"slots.{row["slot"]}.mark");
            foreach (var name in new[] { "facility", "sd", "discriminationIndex", "discriminativeEfficiency", "effectiveWeight" })
                question.GetProperty(name).GetDouble()
                    .Should().BeApproximately(row[name.ToLowerInvariant()], 1e-6, $"slot {row["slot"]} {name}");
        }
    }

    [Fact]
    public void the_table_shows_the_quiz_then_every_question()
    {
        var (ok, output, _) = Run($"item-analysis \"{Moodle("quiz-statistics-results00.csv")}\"");
        ok.Should().BeTrue();
        output.Should().Contain("-87.22%").And.Contain("136.83%");
        for (var slot = 1; slot <= 7; slot++) output.Should().Contain($"slots.{slot}.mark");
    }

    [Fact]
    public void max_is_bound_and_a_wrong_count_is_refused_with_nothing_on_standard_output()
    {
        var (ok, output, errors) = Run($"item-analysis \"{Moodle("quiz-statistics-results00.csv")}\" --json --max 1,1,2");
        ok.Should().BeFalse();
        output.Should().BeEmpty();
        errors.Should().Contain("quiz-statistics-results00.csv:1: --max:");
    }

    [Fact]
    public void bad_marks_are_refused_naming_the_line_and_the_column()
    {
        var file = Path.Combine(Path.GetTempPath(), $"marks-{Guid.NewGuid():N}.csv");
        File.WriteAllText(file, "attempt,Q1,Q2,total\nA,1,1,2\nB,1,x,1\n");
        try
        {
            var (ok, output, errors) = Run($"item-analysis \"{file}\" --json");
            ok.Should().BeFalse();
            output.Should().BeEmpty();
            errors.Trim().Should().StartWith($"{file}:3: Q2: ").And.Contain("x");
            errors.Trim().Split('\n').Should().ContainSingle();
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void a_missing_file_is_refused()
    {
        var (ok, output, errors) = Run("item-analysis no-such-marks.csv --json");
        ok.Should().BeFalse();
        output.Should().BeEmpty();
        errors.Should().Contain("no-such-marks.csv");
    }
}
