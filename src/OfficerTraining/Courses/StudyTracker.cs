using System.Collections.Concurrent;
using OfficerTraining.Infrastructure;
using OfficerTraining.Training;

namespace OfficerTraining.Courses;

/// <summary>
/// Turns a lesson page's heartbeats into recorded study time. Each beat is stamped with the server's clock and stepped
/// through <see cref="StudyClock.Step"/> for its tab; what it earns is clipped to after what the officer has already
/// earned (two tabs at once count once). Earned time is held briefly and recorded when it reaches
/// <see cref="RecordEvery"/>, when the page reports the lesson's end, when the tab is hidden, and when the page closes,
/// so an hour of study is tens of events, not hundreds. A server crash loses at most that last minute.
/// </summary>
public sealed class StudyTracker(CourseStudy study, TimeProvider clock, StudyClockRules rules)
{
    public static readonly TimeSpan RecordEvery = TimeSpan.FromMinutes(1);

    /// <summary>How often the lesson page beats: well inside <see cref="StudyClockRules.MaxGap"/>.</summary>
    public static readonly TimeSpan BeatEvery = TimeSpan.FromSeconds(10);

    readonly ConcurrentDictionary<Guid, Meter> _meters = new();

    sealed class Meter
    {
        public readonly Lock Sync = new();
        public readonly Dictionary<string, TabState> Tabs = [];
        public DateTimeOffset Watermark = DateTimeOffset.MinValue;
        public (Guid Enrolment, string Lesson, List<ActiveSpan> Spans)? Held;
    }

    /// <param name="interacted">The officer scrolled, clicked, pressed a key or played the video since the last beat.</param>
    /// <param name="reachedEnd">The page has just reached the lesson's end (sent until the record shows it).</param>
    /// <param name="toComplete">The study the lesson still needs as the page knows it: earned time is recorded as soon
    /// as it covers that, so the lesson completes without waiting for the next minute.</param>
    /// <returns>The seconds earned on this lesson and not yet recorded (the page adds them to what is recorded).</returns>
    public async Task<double> Beat(Guid enrolmentId, string lesson, string tabId, bool visible, bool interacted,
        bool reachedEnd, TimeSpan toComplete, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Officer);
        var meter = _meters.GetOrAdd(actor.OfficerId ?? throw new DomainException("Exam.OnlyYourself"), _ => new Meter());
        var beat = new Heartbeat(clock.GetUtcNow(), tabId, visible, interacted);
        var due = new List<StudyReport>();
        double held;
        lock (meter.Sync)
        {
            var (state, span) = StudyClock.Step(meter.Tabs.GetValueOrDefault(tabId), beat, rules);
            meter.Tabs[tabId] = state;
            if (span is not null && span.To > meter.Watermark)
            {
                if (span.From < meter.Watermark) span = span with { From = meter.Watermark };
                meter.Watermark = span.To;
                if (meter.Held is { } other && (other.Enrolment != enrolmentId || other.Lesson != lesson)) due.Add(Release(meter)!);
                meter.Held ??= (enrolmentId, lesson, []);
                foreach (var part in StudyClock.SplitAtNewYear(span)) Hold(meter.Held.Value.Spans, part);
            }
            var mine = meter.Held is { } h && h.Enrolment == enrolmentId && h.Lesson == lesson;
            held = mine ? meter.Held!.Value.Spans.Sum(x => x.Duration.TotalSeconds) : 0;
            if (reachedEnd || !visible || held >= RecordEvery.TotalSeconds || (held > 0 && held >= toComplete.TotalSeconds))
            {
                due.Add(new StudyReport(enrolmentId, lesson, mine ? Release(meter)!.Spans : [], reachedEnd));
                held = 0;
            }
        }
        foreach (var report in due.Where(r => r.Spans.Count > 0 || r.ReachedEnd)) await study.Record(report, actor, ct);
        return held;
    }

    /// <summary>The page is closing (navigated away, tab closed, circuit gone): record what it earned and forget the tab.</summary>
    public async Task Leave(string tabId, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Officer);
        if (actor.OfficerId is not { } officerId || !_meters.TryGetValue(officerId, out var meter)) return;
        StudyReport? report;
        lock (meter.Sync)
        {
            meter.Tabs.Remove(tabId);
            report = Release(meter);
        }
        if (report is not null) await study.Record(report, actor, ct);
    }

    /// <summary>Consecutive beats extend one span (within a year), so a minute of study is one record, not six.</summary>
    static void Hold(List<ActiveSpan> held, ActiveSpan part)
    {
        if (held.Count > 0 && held[^1].To == part.From && held[^1].Year == part.Year) held[^1] = held[^1] with { To = part.To };
        else held.Add(part);
    }

    static StudyReport? Release(Meter meter)
    {
        if (meter.Held is not { } h) return null;
        meter.Held = null;
        return new StudyReport(h.Enrolment, h.Lesson, h.Spans, false);
    }
}
