using OfficerTraining.Infrastructure;
using OfficerTraining.Reports.ItemAnalysis;

namespace OfficerTraining.Tests.Reports.ItemAnalysis;

static class Csv
{
    public static (MarksSheet? Sheet, IReadOnlyList<ImportError> Errors) Read(string text, IReadOnlyList<double>? maxMarks = null) =>
        MarksCsv.Read(new StringReader(text), "marks.csv", maxMarks);
}

public class when_reading_a_marks_file
{
    [Fact]
    public void maxima_come_from_the_header_or_default_to_1_and_a_rounded_total_is_accepted()
    {
        var (sheet, errors) = Csv.Read("\uFEFF考生,Q1,Q2 (2),Q3（0.5）,总分\nA,1,1.5,0.5,3\n\nB,0,2,0.3333333,2.33333\n");
        errors.Should().BeEmpty();
        sheet!.Questions.Should().Equal("Q1", "Q2", "Q3");
        sheet.MaxMarks.Should().Equal(1, 2, 0.5);
        sheet.Attempts.Should().Equal("A", "B");
        sheet.Marks[1].Should().Equal(0, 2, 0.3333333);
    }

    [Fact]
    public void max_replaces_the_maxima_and_a_total_column_is_optional()
    {
        var (sheet, errors) = Csv.Read("id,Q1,Q2 (2)\nA,3,1\n", [4, 1]);
        errors.Should().BeEmpty();
        sheet!.MaxMarks.Should().Equal(4, 1);
    }

    [Fact]
    public void the_value_of_max_is_a_list_of_positive_numbers()
    {
        MarksCsv.ParseMaxMarks("1, 1,2.5").MaxMarks.Should().Equal(1, 1, 2.5);
        var (maxima, error) = MarksCsv.ParseMaxMarks("1,0,2");
        maxima.Should().BeNull();
        error.Should().Contain("2").And.Contain("0");
        MarksCsv.ParseMaxMarks("1,,2").Error.Should().NotBeNull();
        MarksCsv.ParseMaxMarks("1,x").Error.Should().Contain("x");
    }
}

public class when_a_marks_file_is_malformed
{
    const string Header = "attempt,Q1,Q2,total\n";

    [Theory]
    [InlineData(Header + "A,1,1,2\nB,1\n", 3, "Q2", "2")]                  // too few cells: the first missing column
    [InlineData(Header + "A,1,1,2,9\n", 2, "5", "5")]                      // too many: the first extra column
    [InlineData(Header + "A,1,one,1\n", 2, "Q2", "one")]
    [InlineData(Header + "A,1,NaN,1\n", 2, "Q2", "NaN")]
    [InlineData(Header + "A,\"1,5\",0,1.5\n", 2, "Q1", "1,5")]
    [InlineData(Header + "A,1,,1\n", 2, "Q2", "0")]
    [InlineData(Header + "A,-1,1,0\n", 2, "Q1", "-1")]
    [InlineData(Header + "A,1,2,3\n", 2, "Q2", "2")]                      // above the default maximum of 1
    [InlineData(Header + "A,1,1,2\n\nB,1,0,2\n", 4, "total", "2")]        // line numbers count the blank line
    [InlineData("attempt,Q1,Q1,total\nA,1,1,2\n", 1, "Q1", "3")]
    [InlineData("attempt,Q1,,total\nA,1,1,2\n", 1, "3", "3")]
    [InlineData("attempt,Q1,total,sum\nA,1,1,1\n", 1, "sum", "total")]
    [InlineData("attempt,Q1 (0),Q2\nA,0,1\n", 1, "Q1 (0)", "0")]
    [InlineData("attempt,total\nA,1\n", 1, "attempt", "")]
    [InlineData(Header, 2, "attempt", "")]
    [InlineData("", 1, "", "")]
    public void the_error_names_the_line_and_the_column(string text, int line, string field, string mentioned)
    {
        var (sheet, errors) = Csv.Read(text);
        sheet.Should().BeNull();
        var error = errors.Should().ContainSingle().Subject;
        error.File.Should().Be("marks.csv");
        error.Line.Should().Be(line);
        if (field.Length > 0) error.Field.Should().Contain(field);
        else error.Field.Should().BeEmpty();
        if (mentioned.Length > 0) error.Message.Should().Contain(mentioned);
    }

    [Fact]
    public void every_problem_is_reported_and_a_row_with_a_bad_mark_is_not_also_blamed_for_its_total()
    {
        var (sheet, errors) = Csv.Read(Header + "A,x,1,5\nB,1,1,2\nC,1,1.5,2.5\nD,1,1,1\n");
        sheet.Should().BeNull();
        errors.Select(e => (e.Line, e.Field)).Should().Equal((2, "Q1"), (4, "Q2"), (5, "total"));
    }

    [Fact]
    public void max_must_give_one_maximum_per_question()
    {
        var (sheet, errors) = Csv.Read(Header + "A,1,1,2\n", [1, 1, 1]);
        sheet.Should().BeNull();
        errors.Should().ContainSingle().Which.Field.Should().Be("--max");
    }
}
