using Marten;
using OfficerTraining.Officers;

namespace OfficerTraining.Training;

/// <summary>Reads officers' annual ledgers: now, as of a past moment, and for an agency's view of who is behind.</summary>
public sealed class TrainingLedgers(IDocumentStore store)
{
    public async Task<AnnualLedger> For(Guid officerId, int year, decimal required = AnnualLedger.DefaultRequired,
        CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        var record = await session.LoadAsync<TrainingRecord>(TrainingRecord.StreamIdFor(officerId), ct);
        return record?.LedgerFor(year, required) ?? TrainingRecord.EmptyLedger(officerId, year, required);
    }

    /// <summary>The ledger as it stood at <paramref name="asOf"/>: only events recorded by then are folded.</summary>
    public async Task<AnnualLedger> AsOf(Guid officerId, int year, DateTimeOffset asOf,
        decimal required = AnnualLedger.DefaultRequired, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        var record = await session.Events.AggregateStreamAsync<TrainingRecord>(
            TrainingRecord.StreamIdFor(officerId), timestamp: asOf, token: ct);
        return record?.LedgerFor(year, required) ?? TrainingRecord.EmptyLedger(officerId, year, required);
    }

    /// <summary>The active officers (of one agency, or all when <paramref name="agencyId"/> is null) who have not met
    /// the year's requirement, furthest behind first. Two queries, whatever the number of officers.</summary>
    public async Task<IReadOnlyList<(Officer Officer, AnnualLedger Ledger)>> BelowTarget(
        Guid? agencyId, int year, decimal required = AnnualLedger.DefaultRequired, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        var query = session.Query<Officer>().Where(o => o.Active);
        if (agencyId is { } agency) query = query.Where(o => o.AgencyId == agency);
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
}
