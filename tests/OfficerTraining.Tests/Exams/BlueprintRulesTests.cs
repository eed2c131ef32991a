using OfficerTraining.Exams;
using OfficerTraining.Infrastructure;
using OfficerTraining.QuestionBank;

namespace OfficerTraining.Tests.Exams;

public class when_a_blueprint_is_checked
{
    static readonly Blueprint Default = Blueprint.Default();

    static BlueprintSection First => Default.Sections[0];

    static Blueprint WithFirst(BlueprintSection section) => Default with { Sections = [section, .. Default.Sections.Skip(1)] };

    [Fact]
    public void the_default_blueprint_is_valid()
    {
        BlueprintRules.Problems(Default).Should().BeEmpty();
        BlueprintRules.SmallestTotal(Default).Should().Be(100m);
    }

    [Fact]
    public void it_needs_a_name() =>
        BlueprintRules.Problems(Default with { Name = " " }).Should().Equal(Messages.Format("Blueprint.NameRequired"));

    [Fact]
    public void it_needs_a_section()
    {
        var problems = BlueprintRules.Problems(Default with { Sections = [], PassMark = 0m });
        problems.Should().Equal(Messages.Format("Blueprint.NoSections"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void each_section_draws_at_least_one_question(int count) =>
        BlueprintRules.Problems(WithFirst(First with { Count = count }) with { PassMark = 0m })
            .Should().Equal(Messages.Format("Blueprint.SectionCount", 1, "单选题", count));

    [Theory]
    [InlineData(0)]
    [InlineData(-1.5)]
    public void each_question_is_worth_something(double points) =>
        BlueprintRules.Problems(WithFirst(First with { Points = (decimal)points }) with { PassMark = 0m })
            .Should().Equal(Messages.Format("Blueprint.SectionPoints", 1, "单选题", (decimal)points));

    [Fact]
    public void each_section_needs_a_title_and_sensible_difficulty_bounds()
    {
        var section = First with { Title = "", Filter = QuestionFilter.Any with { MinDifficulty = 4, MaxDifficulty = 2 } };
        BlueprintRules.Problems(WithFirst(section)).Should().Equal(
            Messages.Format("Blueprint.SectionTitleRequired", 1), Messages.Format("Blueprint.SectionDifficulty", 1, "", 4, 2));
    }

    [Fact]
    public void the_duration_is_positive()
    {
        BlueprintRules.Problems(Default with { Duration = TimeSpan.Zero }).Should().Equal(Messages.Format("Blueprint.Duration"));
        BlueprintRules.Problems(Default with { Duration = TimeSpan.FromMinutes(-5) }).Should().Equal(Messages.Format("Blueprint.Duration"));
    }

    [Fact]
    public void the_pass_mark_lies_between_zero_and_the_total()
    {
        BlueprintRules.Problems(Default with { PassMark = 100m }).Should().BeEmpty();
        BlueprintRules.Problems(Default with { PassMark = 0m }).Should().BeEmpty();
        BlueprintRules.Problems(Default with { PassMark = 100.5m }).Should().Equal(Messages.Format("Blueprint.PassMarkAboveTotal", 100.5m, 100m));
        BlueprintRules.Problems(Default with { PassMark = -1m }).Should().Equal(Messages.Format("Blueprint.PassMarkNegative", -1m));
    }

    [Fact]
    public void a_case_section_counts_its_fewest_sub_questions_towards_the_total()
    {
        var withCases = Default with { Sections = [.. Default.Sections, new("案例分析题", QuestionType.Case, QuestionFilter.Any, 2, 5m)] };
        BlueprintRules.SmallestTotal(withCases).Should().Be(120m);
        BlueprintRules.Problems(withCases with { PassMark = 120m }).Should().BeEmpty();
        BlueprintRules.Problems(withCases with { PassMark = 121m }).Should().Equal(Messages.Format("Blueprint.PassMarkAboveTotal", 121m, 120m));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void at_least_one_attempt_is_allowed(int attempts) =>
        BlueprintRules.Problems(Default with { AttemptsAllowed = attempts }).Should().Equal(Messages.Format("Blueprint.Attempts", attempts));

    [Fact]
    public void every_problem_is_reported_at_once() =>
        BlueprintRules.Problems(new Blueprint("", [], TimeSpan.Zero, 10m, MultipleChoiceScoring.AllOrNothing, true, true, 0,
            ReviewDetail.ScoreOnly, ReviewTiming.AtOnce)).Should().HaveCount(5);
}
