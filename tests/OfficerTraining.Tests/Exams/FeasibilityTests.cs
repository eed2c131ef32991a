using OfficerTraining.Exams;
using OfficerTraining.Infrastructure;
using OfficerTraining.QuestionBank;

namespace OfficerTraining.Tests.Exams;

public class when_a_blueprint_is_checked_against_the_bank
{
    static IReadOnlyList<ApprovedQuestion> Law(string prefix, int count, string law) =>
        [.. Enumerable.Range(1, count).Select(n => Bank.Approved($"{prefix}-{n:000}", QuestionType.Single, law))];

    static IReadOnlyList<ApprovedQuestion> NoLaw(int count) =>
        [.. Enumerable.Range(1, count).Select(n => Bank.Approved($"QT-{n:000}", QuestionType.Single))];

    [Fact]
    public void a_bank_that_can_fill_every_section_has_no_shortfall() =>
        Feasibility.Check(Blueprint.Default(), Bank.Of(single: 20, multiple: 10, trueFalse: 20)).Should().BeEmpty();

    [Fact]
    public void the_default_blueprint_over_a_bank_without_multiple_choice_names_the_multiple_choice_section()
    {
        var pool = Bank.Of(single: 30, multiple: 0, trueFalse: 30);
        Feasibility.Check(Blueprint.Default(), pool).Should().Equal(new SectionShortfall(1, "多选题", 10, 0));
        FluentActions.Invoking(() => PaperDrawer.Draw(Blueprint.Default(), pool, 1))
            .Should().Throw<DomainException>().WithMessage(Messages.Format("Exam.SectionCannotBeFilled", "多选题", 10, 0));
    }

    [Fact]
    public void each_short_section_is_named_in_section_order()
    {
        var pool = Bank.Of(single: 19, multiple: 10, trueFalse: 3);
        Feasibility.Check(Blueprint.Default(), pool).Should().Equal(
            new SectionShortfall(0, "单选题", 20, 19), new SectionShortfall(2, "判断题", 20, 3));
    }

    [Fact]
    public void a_later_section_counts_only_what_earlier_overlapping_sections_cannot_take()
    {
        // 8 questions on 行政处罚法 and 7 others. The first section takes 5 of the 8, leaving 10 for the second.
        var blueprint = Bank.Blueprint(
            Bank.Section("行政处罚法", QuestionType.Single, 5, 2m, "行政处罚法"),
            Bank.Section("单选题", QuestionType.Single, 10));
        Feasibility.Check(blueprint, [.. Law("XZCF", 8, "行政处罚法"), .. NoLaw(7)]).Should().BeEmpty();
        Feasibility.Check(blueprint, [.. Law("XZCF", 8, "行政处罚法"), .. NoLaw(6)])
            .Should().Equal(new SectionShortfall(1, "单选题", 10, 9));
    }

    [Fact]
    public void an_earlier_broad_section_may_take_everything_a_later_narrow_section_needs()
    {
        // In the worst case the broad section draws the only question on 行政处罚法, so some seeds cannot fill the second.
        var blueprint = Bank.Blueprint(
            Bank.Section("单选题", QuestionType.Single, 1),
            Bank.Section("行政处罚法", QuestionType.Single, 1, 2m, "行政处罚法"));
        IReadOnlyList<ApprovedQuestion> pool = [.. Law("XZCF", 1, "行政处罚法"), .. NoLaw(1)];

        Feasibility.Check(blueprint, pool).Should().Equal(new SectionShortfall(1, "行政处罚法", 1, 0));
        Enumerable.Range(0, 100).Should().Contain(seed => Fails(blueprint, pool, seed), "the check names a real risk");

        Feasibility.Check(blueprint, [.. pool, .. Law("XZCF-B", 1, "行政处罚法")]).Should().BeEmpty();
    }

    [Fact]
    public void sections_of_different_types_never_compete()
    {
        var blueprint = Bank.Blueprint(
            Bank.Section("单选题", QuestionType.Single, 3),
            Bank.Section("判断题", QuestionType.TrueFalse, 3));
        Feasibility.Check(blueprint, Bank.Of(single: 3, multiple: 0, trueFalse: 3)).Should().BeEmpty();
    }

    [Fact]
    public void when_the_check_finds_nothing_drawing_never_fails()
    {
        string[] laws = ["行政处罚法", "行政许可法", "行政强制法"];
        QuestionType[] types = [QuestionType.Single, QuestionType.TrueFalse]; // two types, so sections often overlap
        var feasible = 0;
        var overlapping = 0;
        for (var trial = 0; trial < 200; trial++)
        {
            var random = new Random(trial);
            string[] SomeLaws(int oneIn) => [.. laws.Where(_ => random.Next(oneIn) == 0)];
            int? Bound() => random.Next(4) == 0 ? random.Next(1, 6) : null;

            var pool = Enumerable.Range(1, random.Next(0, 25)).Select(n => Bank.Approved($"Q-{n:000}",
                Bank.Content(types[random.Next(types.Length)], SomeLaws(2), difficulty: random.Next(1, 6)))).ToList();
            // Counts up to what matches each section alone, so overlapping sections are often just (in)feasible.
            var blueprint = Bank.Blueprint([.. Enumerable.Range(1, random.Next(1, 6)).Select(n =>
            {
                var type = types[random.Next(types.Length)];
                var filter = QuestionFilter.Any with { Laws = SomeLaws(4), MinDifficulty = Bound(), MaxDifficulty = Bound() };
                var matching = pool.Count(q => q.Matches(type, filter));
                return new BlueprintSection($"第{n}部分", type, filter, random.Next(1, Math.Max(matching, 1) + 1), 1m);
            })]);

            if (Feasibility.Check(blueprint, pool).Count > 0) continue;
            feasible++;
            if (blueprint.Sections.Where((a, i) => blueprint.Sections.Skip(i + 1).Any(b => pool.Any(q => q.Matches(a) && q.Matches(b)))).Any())
                overlapping++;
            for (var seed = 0; seed < 25; seed++)
            {
                var paper = PaperDrawer.Draw(blueprint, Bank.Shuffled(pool, seed), seed);
                paper.Questions.Select(q => q.QuestionId).Should().OnlyHaveUniqueItems();
                paper.Questions.GroupBy(q => q.Section).Select(g => g.Count())
                    .Should().Equal(blueprint.Sections.Select(s => s.Count), "trial {0}, seed {1}", trial, seed);
            }
        }
        feasible.Should().BeGreaterThan(50, "the trials must exercise feasible blueprints");
        overlapping.Should().BeGreaterThan(15, "and feasible blueprints whose sections compete for questions");
    }

    static bool Fails(Blueprint blueprint, IReadOnlyList<ApprovedQuestion> pool, int seed)
    {
        try
        {
            PaperDrawer.Draw(blueprint, pool, seed);
            return false;
        }
        catch (DomainException)
        {
            return true;
        }
    }
}
