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

    static IEnumerable<ActiveSpan> SpansOfOneTab(IEnumerable<Heartbeat> ordered, StudyClockRules rules)
    {
        Heartbeat? previous = null;
        DateTimeOffset? lastInteraction = null;
        foreach (var beat in ordered)
        {
            if (previous is not null && previous.Visible && beat.Visible && beat.At - previous.At <= rules.MaxGap)
            {
                // An interaction reported by this beat happened somewhere in the interval, so the whole interval counts;
                // otherwise accrual runs out IdleLimit after the last interaction.
                var until = beat.Interacted ? beat.At
                    : lastInteraction is { } last ? Min(beat.At, last + rules.IdleLimit)
                    : previous.At;
                if (until > previous.At) yield return new ActiveSpan(previous.At, until);
            }
            if (beat.Interacted && beat.Visible) lastInteraction = beat.At;
            previous = beat;
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

    static IEnumerable<ActiveSpan> SplitAtNewYear(ActiveSpan span)
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
