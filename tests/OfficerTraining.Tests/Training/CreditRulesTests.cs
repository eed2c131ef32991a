using OfficerTraining.Infrastructure;
using OfficerTraining.Training;

namespace OfficerTraining.Tests.Training;

public class when_a_course_credits_its_fixed_hours
{
    static readonly CreditRules PerCourse = new(CreditMode.PerCourse);

    [Fact]
    public void all_studied_in_one_year_credits_the_whole_course_to_it() =>
        CreditRule.ForCourse(3, new Dictionary<int, double> { [2026] = 50 }, PerCourse)
            .Should().Equal(new YearCredit(2026, 3));

    [Fact]
    public void a_course_spanning_new_year_is_split_by_the_minutes_studied_in_each() =>
        CreditRule.ForCourse(4, new Dictionary<int, double> { [2026] = 90, [2027] = 30 }, PerCourse)
            .Should().Equal(new YearCredit(2026, 3), new YearCredit(2027, 1));

    [Fact]
    public void rounding_never_loses_or_invents_hours() =>
        CreditRule.ForCourse(1, new Dictionary<int, double> { [2026] = 1, [2027] = 2 }, PerCourse)
            .Should().Equal(new YearCredit(2026, 0.3m), new YearCredit(2027, 0.7m));

    [Fact]
    public void nothing_studied_credits_nothing() =>
        CreditRule.ForCourse(2, new Dictionary<int, double>(), PerCourse).Should().BeEmpty();
}

public class when_a_course_credits_its_active_minutes
{
    [Fact]
    public void forty_five_active_minutes_are_one_class_hour() =>
        CreditRule.ForCourse(4, new Dictionary<int, double> { [2026] = 90 }, CreditRules.Default)
            .Should().Equal(new YearCredit(2026, 2));

    [Fact]
    public void hours_round_down_to_a_tenth() =>
        CreditRule.ForCourse(4, new Dictionary<int, double> { [2026] = 50 }, CreditRules.Default) // 1.11 h
            .Should().Equal(new YearCredit(2026, 1.1m));

    [Fact]
    public void each_year_gets_its_own_minutes() =>
        CreditRule.ForCourse(4, new Dictionary<int, double> { [2027] = 45, [2026] = 67.5 }, CreditRules.Default)
            .Should().Equal(new YearCredit(2026, 1.5m), new YearCredit(2027, 1));

    [Fact]
    public void the_total_never_exceeds_the_course_hours_and_the_later_year_is_trimmed() =>
        CreditRule.ForCourse(2, new Dictionary<int, double> { [2026] = 67.5, [2027] = 90 }, CreditRules.Default)
            .Should().Equal(new YearCredit(2026, 1.5m), new YearCredit(2027, 0.5m));

    [Fact]
    public void another_minutes_per_class_hour_can_be_configured() =>
        CreditRule.ForCourse(4, new Dictionary<int, double> { [2026] = 100 }, new CreditRules(CreditMode.ActiveMinutes, 50))
            .Should().Equal(new YearCredit(2026, 2));

    [Fact]
    public void zero_minutes_per_class_hour_is_refused() =>
        FluentActions.Invoking(() => CreditRule.ForCourse(1, new Dictionary<int, double> { [2026] = 1 }, new CreditRules(CreditMode.ActiveMinutes, 0)))
            .Should().Throw<DomainException>().Which.Key.Should().Be("Training.InvalidMinutesPerClassHour");
}
