using OfficerTraining.Infrastructure;

namespace OfficerTraining.Training;

/// <summary>What a course page reports every few seconds; <see cref="At"/> is the server's receipt time, never the browser's.</summary>
/// <param name="Interacted">The officer scrolled, clicked, typed or answered since the tab's previous heartbeat.</param>
public sealed record Heartbeat(DateTimeOffset At, string TabId, bool Visible, bool Interacted);

/// <param name="MaxGap">A longer silence means the page was not running (laptop closed, network gone): nothing counts.</param>
/// <param name="IdleLimit">Without a real interaction for this long, a visible tab stops accruing (background playback).</param>
public sealed record StudyClockRules(TimeSpan MaxGap, TimeSpan IdleLimit)
{
    public static readonly StudyClockRules Default = new(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5));
}

/// <summary>A tab as the clock remembers it between heartbeats.</summary>
public sealed record TabState(Heartbeat Last, DateTimeOffset? LastInteraction);

public sealed record ActiveSpan(DateTimeOffset From, DateTimeOffset To)
{
    public TimeSpan Duration => To - From;

    /// <summary>The calendar year (China time) the span belongs to; spans are split at New Year so it is unambiguous.</summary>
    public int Year => From.ToOffset(ChinaTime.Offset).Year;
}

/// <summary>
/// Active study time, measured on the server from heartbeats. Time between two heartbeats of the same tab counts only
/// when both say the tab was visible, the gap is short, and the officer interacted recently; wall-clock time studied in
/// two tabs at once counts once.
/// </summary>
public static class StudyClock
{
    public static IReadOnlyList<ActiveSpan> ActiveSpans(IEnumerable<Heartbeat> beats, StudyClockRules rules)
    {
        var raw = beats.GroupBy(b => b.TabId).SelectMany(tab => SpansOfOneTab(tab.OrderBy(b => b.At), rules));
        return Merge(raw).SelectMany(SplitAtNewYear).ToList();
    }

    public static IReadOnlyDictionary<int, double> MinutesByYear(IEnumerable<ActiveSpan> spans) =>
        spans.SelectMany(SplitAtNewYear)
            .GroupBy(s => s.Year)
            .OrderBy(g => g.Key)
            .ToDictionary(g => g.Key, g => g.Sum(s => s.Duration.TotalMinutes));

    /// <summary>One tab's next heartbeat: the active time since its previous one, if any. The live tracker steps each
    /// tab as beats arrive; <see cref="ActiveSpans"/> folds the same steps over a recorded list.</summary>
    public static (TabState State, ActiveSpan? Span) Step(TabState? state, Heartbeat beat, StudyClockRules rules)
    {
        ActiveSpan? span = null;
        if (state is { Last: var previous } && previous.Visible && beat.Visible && beat.At - previous.At <= rules.MaxGap)
        {
            // An interaction reported by this beat happened somewhere in the interval, so the whole interval counts;
            // otherwise accrual runs out IdleLimit after the last interaction.
            var until = beat.Interacted ? beat.At
                : state.LastInteraction is { } last ? Min(beat.At, last + rules.IdleLimit)
                : previous.At;
            if (until > previous.At) span = new ActiveSpan(previous.At, until);
        }
        var lastInteraction = beat.Interacted && beat.Visible ? beat.At : state?.LastInteraction;
        return (new TabState(beat, lastInteraction), span);
    }

    static IEnumerable<ActiveSpan> SpansOfOneTab(IEnumerable<Heartbeat> ordered, StudyClockRules rules)
    {
        TabState? state = null;
        foreach (var beat in ordered)
        {
            (state, var span) = Step(state, beat, rules);
            if (span is not null) yield return span;
        }
    }

    static IEnumerable<ActiveSpan> Merge(IEnumerable<ActiveSpan> spans)
    {
        ActiveSpan? current = null;
        foreach (var s in spans.OrderBy(s => s.From))
        {
            if (current is null) current = s;
            else if (s.From <= current.To) current = current with { To = Max(current.To, s.To) };
            else
            {
                yield return current;
                current = s;
            }
        }
        if (current is not null) yield return current;
    }

    public static IEnumerable<ActiveSpan> SplitAtNewYear(ActiveSpan span)
    {
        var from = span.From;
        while (true)
        {
            var newYear = new DateTimeOffset(from.ToOffset(ChinaTime.Offset).Year + 1, 1, 1, 0, 0, 0, ChinaTime.Offset);
            if (span.To <= newYear)
            {
                yield return new ActiveSpan(from, span.To);
                yield break;
            }
            yield return new ActiveSpan(from, newYear);
            from = newYear;
        }
    }

    static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
