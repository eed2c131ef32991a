using OfficerTraining.Training;

namespace OfficerTraining.Tests.Training;

static class Ledgers
{
    public static readonly Guid Officer = Guid.NewGuid();

    public static ClassHoursCredited Credit(decimal hours, DateOnly? on = null, TrainingCategory category = TrainingCategory.PublicLaw,
        CreditSource source = CreditSource.Course) =>
        new(Officer, Guid.NewGuid(), on ?? new DateOnly(2026, 5, 1), hours, category, source, Guid.NewGuid(), "课程");

    public static AnnualLedger For2026(params object[] events) => AnnualLedger.Fold(Officer, 2026, 60, events);
}

public class when_the_year_is_folded
{
    [Fact]
    public void only_credits_studied_in_that_year_count()
    {
        var inYear = Ledgers.Credit(3, new DateOnly(2026, 12, 31));
        var ledger = Ledgers.For2026(Ledgers.Credit(5, new DateOnly(2025, 12, 31)), inYear, Ledgers.Credit(7, new DateOnly(2027, 1, 1)));
        (ledger.Total, ledger.Remaining).Should().Be((3m, 57m));
        ledger.Credits.Should().Equal(inYear.CreditId);
    }

    [Fact]
    public void another_officers_credits_do_not_count() =>
        Ledgers.For2026(Ledgers.Credit(5) with { OfficerId = Guid.NewGuid() }).Total.Should().Be(0);

    [Fact]
    public void a_credit_recorded_twice_counts_once()
    {
        var c = Ledgers.Credit(2);
        Ledgers.For2026(c, c).Total.Should().Be(2);
    }

    [Fact]
    public void hours_are_totalled_by_category_and_by_source()
    {
        var ledger = Ledgers.For2026(
            Ledgers.Credit(2, category: TrainingCategory.PoliticalTheory),
            Ledgers.Credit(3, category: TrainingCategory.PoliticalTheory, source: CreditSource.InPerson),
            Ledgers.Credit(1.5m, category: TrainingCategory.Skills, source: CreditSource.Adjustment));
        ledger.ByCategory.Should().Equal(new Dictionary<TrainingCategory, decimal>
        {
            [TrainingCategory.PublicLaw] = 0, [TrainingCategory.ProfessionalLaw] = 0,
            [TrainingCategory.PoliticalTheory] = 5, [TrainingCategory.Skills] = 1.5m,
        });
        ledger.BySource.Should().Equal(new Dictionary<CreditSource, decimal>
        {
            [CreditSource.Course] = 2, [CreditSource.InPerson] = 3, [CreditSource.Adjustment] = 1.5m,
        });
    }
}

public class when_a_credit_is_withdrawn
{
    [Fact]
    public void it_vanishes_from_every_total()
    {
        var wrong = Ledgers.Credit(10, category: TrainingCategory.Skills, source: CreditSource.InPerson);
        var kept = Ledgers.Credit(4);
        var ledger = Ledgers.For2026(wrong, kept, new ClassHoursWithdrawn(Ledgers.Officer, wrong.CreditId, "签到名单有误"));
        ledger.Total.Should().Be(4);
        ledger.ByCategory[TrainingCategory.Skills].Should().Be(0);
        ledger.BySource[CreditSource.InPerson].Should().Be(0);
        ledger.Credits.Should().Equal(kept.CreditId);
    }
}

public class when_the_requirement_is_reached
{
    [Fact]
    public void exactly_sixty_hours_meet_it()
    {
        var ledger = Ledgers.For2026(Ledgers.Credit(40), Ledgers.Credit(20));
        (ledger.Met, ledger.Remaining).Should().Be((true, 0m));
    }

    [Fact]
    public void a_tenth_short_does_not() => Ledgers.For2026(Ledgers.Credit(59.9m)).Met.Should().BeFalse();

    [Fact]
    public void hours_beyond_it_leave_nothing_remaining() => Ledgers.For2026(Ledgers.Credit(75)).Remaining.Should().Be(0);
}
