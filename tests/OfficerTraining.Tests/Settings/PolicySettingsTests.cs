using OfficerTraining.Infrastructure;
using OfficerTraining.Settings;

namespace OfficerTraining.Tests.Settings;

public class when_the_policy_of_a_year_is_asked
{
    static readonly Policy P2024 = Policy.Defaults with { RequiredClassHours = 50m };
    static readonly Policy P2027 = Policy.Defaults with { RequiredClassHours = 72m };

    static readonly PolicySettings Settings =
        PolicySettings.Empty with { ByYear = new Dictionary<int, Policy> { [2027] = P2027, [2024] = P2024 } };

    [Fact]
    public void no_settings_give_the_defaults() => PolicySettings.Empty.For(2026).Should().Be(Policy.Defaults);

    [Fact]
    public void the_defaults_are_those_of_domain_md() =>
        Policy.Defaults.Should().Be(new Policy(60m, 45, 5, "豫{agency}{year}{serial:D5}", 2, 60m, 1));

    [Theory]
    [InlineData(2023, 60)]
    [InlineData(2024, 50)]
    [InlineData(2026, 50)]
    [InlineData(2027, 72)]
    [InlineData(2040, 72)]
    public void the_greatest_year_not_after_it_is_in_force(int year, int hours) =>
        Settings.For(year).RequiredClassHours.Should().Be(hours);

    [Fact]
    public void a_later_set_of_the_same_year_replaces_it()
    {
        var s = PolicySettings.Apply(new PolicySet(2027, P2024, "更正"), Settings);
        s.For(2027).Should().Be(P2024);
        Settings.For(2027).Should().Be(P2027, "the snapshot is immutable");
    }
}

public class when_a_policy_is_checked
{
    static SetPolicy With(Func<Policy, Policy> change, int year = 2027, string reason = "省里新规定") =>
        new(year, change(Policy.Defaults), reason);

    static string OutOfRange(string field, decimal min, decimal max) =>
        Messages.Format("Settings.OutOfRange", Messages.Format("Field." + field), min, max);

    [Fact]
    public void the_defaults_are_valid()
    {
        PolicyRules.Problems(With(p => p)).Should().BeEmpty();
        PolicyRules.Decide(With(p => p)).Should().Equal(new PolicySet(2027, Policy.Defaults, "省里新规定"));
    }

    [Fact]
    public void every_value_must_be_in_its_range() =>
        PolicyRules.Problems(new SetPolicy(1999,
                new Policy(0m, 61, 11, "豫{agency}{year}", -1, 101m, 0), " "))
            .Should().Equal(
                OutOfRange("FromYear", 2000, 2100),
                OutOfRange("RequiredClassHours", 1, 200),
                OutOfRange("MinutesPerClassHour", 30, 60),
                OutOfRange("CertificateValidityYears", 1, 10),
                Messages.Format("Settings.PatternNeedsSerial"),
                OutOfRange("RevocationBanYears", 0, 10),
                OutOfRange("ExamPassMark", 0, 100),
                OutOfRange("AttemptsAllowed", 1, 5),
                Messages.Format("Field.Required", Messages.Format("Field.Reason")));

    [Theory]
    [InlineData(1, 30, 1, 0, 0, 1)]
    [InlineData(200, 60, 10, 10, 100, 5)]
    public void the_bounds_are_allowed(int hours, int minutes, int validity, int ban, int passMark, int attempts) =>
        PolicyRules.Problems(With(_ => new Policy(hours, minutes, validity, "{serial}", ban, passMark, attempts)))
            .Should().BeEmpty();

    [Fact]
    public void a_refusal_names_the_problems()
    {
        var refused = () => PolicyRules.Decide(With(p => p with { CertificateNumberPattern = "豫{year}" }));
        refused.Should().Throw<DomainException>().Which.Key.Should().Be("Settings.Invalid");
    }
}
