using OfficerTraining.Training;

namespace OfficerTraining.Tests.Training;

public class when_the_expected_pace_is_worked_out
{
    [Fact]
    public void by_the_first_of_july_about_half_is_expected() =>
        Pace.ExpectedBy(new DateOnly(2026, 7, 1), 60).Should().BeApproximately(30, 0.2m);

    [Fact]
    public void by_the_last_day_of_the_year_all_is_expected()
    {
        Pace.ExpectedBy(new DateOnly(2026, 12, 31), 60).Should().Be(60);
        Pace.ExpectedBy(new DateOnly(2028, 12, 31), 60).Should().Be(60); // leap year
    }
}

public class when_an_officers_pace_is_checked
{
    static readonly DateOnly July1 = new(2026, 7, 1);

    [Fact]
    public void fewer_hours_than_expected_is_behind() =>
        Pace.Behind(Ledgers.For2026(Ledgers.Credit(20)), July1).Should().BeTrue();

    [Fact]
    public void as_many_hours_as_expected_is_not_behind() =>
        Pace.Behind(Ledgers.For2026(Ledgers.Credit(30)), July1).Should().BeFalse();

    [Fact]
    public void a_tolerance_forgives_a_small_shortfall() =>
        Pace.Behind(Ledgers.For2026(Ledgers.Credit(25)), July1, tolerance: 5).Should().BeFalse();

    [Fact]
    public void after_the_year_ends_only_a_missed_requirement_is_behind()
    {
        var next = new DateOnly(2027, 1, 15);
        Pace.Behind(Ledgers.For2026(Ledgers.Credit(59)), next).Should().BeTrue();
        Pace.Behind(Ledgers.For2026(Ledgers.Credit(60)), next).Should().BeFalse();
    }
}
