using Marten;
using OfficerTraining.Officers;
using OfficerTraining.Settings;

namespace OfficerTraining.Training;

/// <summary>Reads officers' annual ledgers against the year's requirement (a policy setting): now, as of a past moment,
/// and for an agency's view of who is behind.</summary>
public sealed class TrainingLedgers(IDocumentStore store, PolicyReader policy)
{
    public async Task<AnnualLedger> For(Guid officerId, int year, CancellationToken ct = default) =>
        (await Detail(officerId, year, null, ct)).Ledger;

    /// <summary>The ledger as it stood at <paramref name="asOf"/>: only events recorded by then are folded.</summary>
    public async Task<AnnualLedger> AsOf(Guid officerId, int year, DateTimeOffset asOf, CancellationToken ct = default) =>
        (await Detail(officerId, year, asOf, ct)).Ledger;

    /// <summary>The year's ledger and the credits behind it (withdrawn ones included, marked), now or as it stood at
    /// <paramref name="asOf"/>: every hour with where it came from.</summary>
    public async Task<(AnnualLedger Ledger, IReadOnlyList<TrainingCredit> Credits)> Detail(
        Guid officerId, int year, DateTimeOffset? asOf, CancellationToken ct = default)
    {
        var required = await Required(year, ct);
        await using var session = store.QuerySession();
        var id = TrainingRecord.StreamIdFor(officerId);
        var record = asOf is { } moment
            ? await session.Events.AggregateStreamAsync<TrainingRecord>(id, timestamp: moment.ToUniversalTime(), token: ct)
            : await session.LoadAsync<TrainingRecord>(id, ct);
        if (record is null) return (TrainingRecord.EmptyLedger(officerId, year, required), []);
        return (record.LedgerFor(year, required), [.. record.Credits.Where(c => c.StudiedOn.Year == year).OrderBy(c => c.StudiedOn)]);
    }

    /// <summary>The year's ledgers of many officers in one query (those with no record get an empty ledger).</summary>
    public async Task<IReadOnlyDictionary<Guid, AnnualLedger>> ForMany(IReadOnlyCollection<Guid> officerIds, int year,
        CancellationToken ct = default)
    {
        var required = await Required(year, ct);
        await using var session = store.QuerySession();
        var records = (await session.LoadManyAsync<TrainingRecord>(ct, officerIds.Select(TrainingRecord.StreamIdFor).ToArray()))
            .ToDictionary(r => r.OfficerId);
        return officerIds.Distinct().ToDictionary(id => id, id => records.TryGetValue(id, out var r)
            ? r.LedgerFor(year, required) : TrainingRecord.EmptyLedger(id, year, required));
    }

    /// <summary>The active officers (of the given agencies, or all when <paramref name="agencyIds"/> is null) who have not
    /// met the year's requirement, furthest behind first. Two queries, whatever the number of officers.</summary>
    public async Task<IReadOnlyList<(Officer Officer, AnnualLedger Ledger)>> BelowTarget(
        IReadOnlyCollection<Guid>? agencyIds, int year, CancellationToken ct = default)
    {
        var required = await Required(year, ct);
        await using var session = store.QuerySession();
        var query = session.Query<Officer>().Where(o => o.Active);
        if (agencyIds is not null)
        {
            var ids = agencyIds.ToArray();
            query = query.Where(o => ids.Contains(o.AgencyId));
        }
        var officers = await query.ToListAsync(ct);
        var records = (await session.LoadManyAsync<TrainingRecord>(ct,
            officers.Select(o => TrainingRecord.StreamIdFor(o.Id)).ToArray())).ToDictionary(r => r.OfficerId);
        return officers
            .Select(o => (Officer: o, Ledger: records.TryGetValue(o.Id, out var r)
                ? r.LedgerFor(year, required) : TrainingRecord.EmptyLedger(o.Id, year, required)))
            .Where(x => !x.Ledger.Met)
            .OrderBy(x => x.Ledger.Total).ThenBy(x => x.Officer.Name, StringComparer.Ordinal)
            .ToList();
    }

    async Task<decimal> Required(int year, CancellationToken ct) => (await policy.For(year, ct)).RequiredClassHours;
}
