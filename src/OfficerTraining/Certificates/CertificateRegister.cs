using Marten;
using OfficerTraining.Agencies;
using OfficerTraining.Infrastructure;

namespace OfficerTraining.Certificates;

/// <summary>Which certificates the register lists; nulls mean "any".</summary>
/// <param name="ExpiringWithinDays">Only certificates in force that expire within this many days.</param>
public sealed record RegisterFilter(
    IReadOnlyCollection<Guid>? AgencyIds = null, EnforcementDomain? Domain = null, CertificateStatus? Status = null,
    int? ExpiringWithinDays = null, CertificateKind? Kind = null);

/// <summary>Reads certificates: by token (the public page), by number, an officer's, the filtered register, and any of
/// them as they stood on a past date.</summary>
public sealed class CertificateRegister(IDocumentStore store, TimeProvider clock)
{
    public async Task<Certificate?> ByToken(string token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 64) return null;
        await using var session = store.QuerySession();
        return await session.Query<Certificate>().Where(c => c.Token == token).FirstOrDefaultAsync(ct);
    }

    /// <summary>By number, through the number's natural key.</summary>
    public async Task<Certificate?> ByNumber(string number, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(number) || number.Length > 64) return null;
        await using var session = store.LightweightSession(); // FetchLatest lives on the writing side of the event store
        return await session.Events.FetchLatest<Certificate, string>(number.Trim(), ct);
    }

    public async Task<Certificate?> Get(Guid id, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<Certificate>(id, ct);
    }

    /// <summary>Every certificate the officer has held, newest first.</summary>
    public async Task<IReadOnlyList<Certificate>> OfOfficer(Guid officerId, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        return [.. (await session.Query<Certificate>().Where(c => c.Holder.OfficerId == officerId).ToListAsync(ct))
            .OrderByDescending(c => c.ValidFrom).ThenByDescending(c => c.Number, StringComparer.Ordinal)];
    }

    /// <summary>The register, by number. Status and expiry filter by the status on today's date.</summary>
    public async Task<IReadOnlyList<Certificate>> List(RegisterFilter filter, CancellationToken ct = default)
    {
        var today = ChinaTime.Today(clock);
        await using var session = store.QuerySession();
        IQueryable<Certificate> query = session.Query<Certificate>();
        if (filter.AgencyIds is { } agencies)
        {
            var ids = agencies.ToArray();
            query = query.Where(c => ids.Contains(c.Holder.AgencyId));
        }
        if (filter.Kind is { } kind) query = query.Where(c => c.Kind == kind);
        var all = await query.ToListAsync(ct);
        return [.. all
            .Where(c => filter.Domain is not { } d || c.Holder.Domains.Contains(d))
            .Where(c => filter.Status is not { } s || c.StatusOn(today) == s)
            .Where(c => filter.ExpiringWithinDays is not { } days || c.InForceOn(today) && c.ValidUntil <= today.AddDays(days))
            .OrderBy(c => c.Number, StringComparer.Ordinal)];
    }

    /// <summary>The certificate as it stood at the end of <paramref name="date"/> (China time); null if not yet issued.</summary>
    public async Task<Certificate?> AsOf(Guid id, DateOnly date, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        return await session.Events.AggregateStreamAsync<Certificate>(id, timestamp: EndOf(date), token: ct);
    }

    /// <summary>Which certificates the officer held at the end of <paramref name="date"/>, each as it then stood.</summary>
    public async Task<IReadOnlyList<Certificate>> OfOfficerAsOf(Guid officerId, DateOnly date, CancellationToken ct = default)
    {
        var result = new List<Certificate>();
        foreach (var c in await OfOfficer(officerId, ct))
            if (await AsOf(c.Id, date, ct) is { } then) result.Add(then);
        return result;
    }

    /// <summary>Every event of a certificate, oldest first, with who and when (the timeline).</summary>
    public async Task<IReadOnlyList<JasperFx.Events.IEvent>> Timeline(Guid id, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        return await session.Events.FetchStreamAsync(id, token: ct);
    }

    /// <summary>The end of a China-time day, in UTC (PostgreSQL's timestamptz parameters must be UTC).</summary>
    static DateTimeOffset EndOf(DateOnly date) => new DateTimeOffset(date.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime();
}
