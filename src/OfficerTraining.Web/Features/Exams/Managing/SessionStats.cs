using Marten;
using OfficerTraining.Agencies;
using OfficerTraining.Exams;
using OfficerTraining.Officers;

namespace OfficerTraining.Web.Features.Exams.Managing;

/// <summary>An attempt as the session pages show it: without its paper and answers.</summary>
public sealed record AttemptRow(
    Guid Id, Guid SessionId, Guid OfficerId, int Number, AttemptStatus Status, DateTimeOffset StartedAt,
    DateTimeOffset Deadline, DateTimeOffset? ClosedAt, AttemptResult? Result)
{
    /// <summary>Counts for the session: a voided attempt is as if it had not been taken.</summary>
    public bool Counts => Status != AttemptStatus.Voided;
    public bool Closed => Status is AttemptStatus.Submitted or AttemptStatus.TimedOut;
}

/// <summary>Officers, not attempts: an officer with two attempts started once; passed when any counted attempt passed.</summary>
/// <param name="OnRoster">Active officers the roster includes; null where it was not counted.</param>
/// <param name="Average">The mean score of the counted, graded attempts; null when none is graded.</param>
public sealed record SessionProgress(int? OnRoster, int Started, int Closed, int Passed, int Graded, decimal? Average);

/// <summary>One bar of the score distribution: scores from <see cref="From"/> up to (not including, except the last bar)
/// <see cref="To"/>.</summary>
public sealed record ScoreBin(decimal From, decimal To, int Count);

public static class SessionStats
{
    /// <summary>The attempts of the given sessions in one query (the SessionId index), only the fields the pages show.</summary>
    public static async Task<IReadOnlyList<AttemptRow>> Attempts(IQuerySession session, IReadOnlyCollection<Guid> sessionIds, CancellationToken ct = default)
    {
        if (sessionIds.Count == 0) return [];
        var ids = sessionIds.ToArray();
        return await session.Query<ExamAttempt>().Where(a => ids.Contains(a.SessionId))
            .Select(a => new AttemptRow(a.Id, a.SessionId, a.OfficerId, a.Number, a.Status, a.StartedAt, a.Deadline, a.ClosedAt, a.Result))
            .ToListAsync(ct);
    }

    public static SessionProgress Progress(IEnumerable<AttemptRow> attempts, int? onRoster)
    {
        var counted = attempts.Where(a => a.Counts).ToList();
        var graded = counted.Where(a => a.Result is not null).ToList();
        return new SessionProgress(onRoster,
            counted.Select(a => a.OfficerId).Distinct().Count(),
            counted.Where(a => a.Closed).Select(a => a.OfficerId).Distinct().Count(),
            graded.Where(a => a.Result!.Passed).Select(a => a.OfficerId).Distinct().Count(),
            graded.Count,
            graded.Count == 0 ? null : Math.Round(graded.Average(a => a.Result!.Score), 1, MidpointRounding.AwayFromZero));
    }

    /// <summary>Ten bars of graded scores from 0 to <paramref name="max"/> (each score scaled by its own paper's maximum,
    /// so papers with bigger case questions land in the same bars). A full score goes in the last bar.</summary>
    public static IReadOnlyList<ScoreBin> Distribution(IEnumerable<AttemptRow> attempts, decimal max)
    {
        var counts = new int[10];
        foreach (var r in attempts.Where(a => a.Counts).Select(a => a.Result).OfType<AttemptResult>())
        {
            var share = r.MaxScore <= 0 ? 0 : r.Score / r.MaxScore;
            counts[Math.Clamp((int)Math.Floor(share * 10), 0, 9)]++;
        }
        return [.. counts.Select((count, i) => new ScoreBin(max * i / 10, max * (i + 1) / 10, count))];
    }

    /// <summary>How many active officers the roster includes (read once per page: ids, agencies and domains only).</summary>
    public static async Task<int> RosterSize(IQuerySession session, Roster roster, CancellationToken ct = default)
    {
        if (roster.Everyone) return await session.Query<Officer>().CountAsync(o => o.Active, ct);
        var officers = await session.Query<Officer>().Where(o => o.Active)
            .Select(o => new RosterFact(o.Id, o.AgencyId, o.Domains)).ToListAsync(ct);
        return officers.Count(o => roster.Includes(o.Id, o.AgencyId, o.Domains));
    }

    sealed record RosterFact(Guid Id, Guid AgencyId, IReadOnlyList<EnforcementDomain> Domains);
}
