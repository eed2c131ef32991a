using OfficerTraining.Training;

namespace OfficerTraining.Tests.Training;

static class Beats
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
    public static readonly StudyClockRules Rules = StudyClockRules.Default;

    /// <summary>A heartbeat every 10 seconds for <paramref name="minutes"/> minutes, the officer interacting at each.</summary>
    public static IEnumerable<Heartbeat> Every10s(DateTimeOffset from, double minutes, string tab = "a", bool visible = true,
        bool interacted = true) =>
        Enumerable.Range(0, (int)(minutes * 6) + 1).Select(i => new Heartbeat(from.AddSeconds(10 * i), tab, visible, interacted));

    public static double Minutes(IEnumerable<Heartbeat> beats) =>
        StudyClock.ActiveSpans(beats, Rules).Sum(s => s.Duration.TotalMinutes);
}

public class when_an_officer_studies_in_one_visible_tab
{
    [Fact]
    public void the_time_between_heartbeats_counts() => Beats.Minutes(Beats.Every10s(Beats.T0, 10)).Should().Be(10);

    [Fact]
    public void a_hidden_tab_accrues_nothing() =>
        Beats.Minutes(Beats.Every10s(Beats.T0, 10, visible: false)).Should().Be(0);

    [Fact]
    public void heartbeats_arriving_out_of_order_count_the_same() =>
        Beats.Minutes(Beats.Every10s(Beats.T0, 10).Reverse()).Should().Be(10);
}

public class when_the_officer_stops_interacting
{
    [Fact]
    public void accrual_stops_once_the_idle_limit_passes()
    {
        var beats = Beats.Every10s(Beats.T0, 2)
            .Concat(Beats.Every10s(Beats.T0.AddMinutes(2).AddSeconds(10), 20, interacted: false));
        StudyClock.ActiveSpans(beats, Beats.Rules).Should().Equal(new ActiveSpan(Beats.T0, Beats.T0.AddMinutes(7)));
    }

    [Fact]
    public void a_tab_never_touched_accrues_nothing() =>
        Beats.Minutes(Beats.Every10s(Beats.T0, 10, interacted: false)).Should().Be(0);

    [Fact]
    public void interacting_again_resumes_accrual()
    {
        var beats = Beats.Every10s(Beats.T0, 1)
            .Concat(Beats.Every10s(Beats.T0.AddMinutes(1).AddSeconds(10), 10, interacted: false))
            .Append(new Heartbeat(Beats.T0.AddMinutes(11).AddSeconds(20), "a", true, true));
        Beats.Minutes(beats).Should().BeApproximately(6 + 1.0 / 6, 1e-9); // 1 + 5 idle-tolerated + the last 10 s
    }
}

public class when_the_heartbeats_stop_for_longer_than_the_max_gap
{
    [Fact]
    public void the_gap_counts_nothing_and_both_sides_still_count()
    {
        var beats = Beats.Every10s(Beats.T0, 5).Concat(Beats.Every10s(Beats.T0.AddMinutes(65), 5));
        var spans = StudyClock.ActiveSpans(beats, Beats.Rules);
        spans.Should().HaveCount(2);
        spans.Sum(s => s.Duration.TotalMinutes).Should().Be(10);
    }
}

public class when_two_tabs_are_open_at_once
{
    [Fact]
    public void wall_clock_time_counts_once()
    {
        var beats = Beats.Every10s(Beats.T0, 10, "a").Concat(Beats.Every10s(Beats.T0.AddSeconds(5), 10, "b"));
        StudyClock.ActiveSpans(beats, Beats.Rules).Should().Equal(new ActiveSpan(Beats.T0, Beats.T0.AddMinutes(10).AddSeconds(5)));
    }

    [Fact]
    public void interleaved_beats_of_two_tabs_do_not_bridge_each_others_gaps()
    {
        var beats = new[] { new Heartbeat(Beats.T0, "a", true, true), new Heartbeat(Beats.T0.AddSeconds(20), "b", true, true),
            new Heartbeat(Beats.T0.AddSeconds(40), "a", true, true), new Heartbeat(Beats.T0.AddSeconds(60), "b", true, true) };
        Beats.Minutes(beats).Should().Be(0);
    }
}

public class when_study_crosses_new_year_in_china
{
    // 16:00 UTC on 31 December is midnight in China.
    static readonly DateTimeOffset Midnight = new(2026, 12, 31, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public void the_span_is_split_at_midnight_china_time()
    {
        var spans = StudyClock.ActiveSpans(Beats.Every10s(Midnight.AddMinutes(-20), 30), Beats.Rules);
        spans.Should().Equal(new ActiveSpan(Midnight.AddMinutes(-20), Midnight), new ActiveSpan(Midnight, Midnight.AddMinutes(10)));
        spans.Select(s => s.Year).Should().Equal(2026, 2027);
    }

    [Fact]
    public void minutes_by_year_credit_each_part_to_its_own_year() =>
        StudyClock.MinutesByYear(StudyClock.ActiveSpans(Beats.Every10s(Midnight.AddMinutes(-20), 30), Beats.Rules))
            .Should().Equal(new Dictionary<int, double> { [2026] = 20, [2027] = 10 });

    [Fact]
    public void midnight_utc_is_not_new_year()
    {
        var utcMidnight = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);
        StudyClock.ActiveSpans(Beats.Every10s(utcMidnight.AddMinutes(-10), 20), Beats.Rules).Should().ContainSingle()
            .Which.Year.Should().Be(2027);
    }
}
