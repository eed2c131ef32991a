using Marten;
using OfficerTraining.Agencies;
using OfficerTraining.Certificates;
using OfficerTraining.Exams;
using OfficerTraining.Infrastructure;
using OfficerTraining.Settings;

namespace OfficerTraining.Reports.Compliance;

/// <summary>Which officers the dashboard counts: active officers of the agencies (all when null) and of the domain.</summary>
public sealed record DashboardFilter(int Year, IReadOnlyCollection<Guid>? AgencyIds = null, EnforcementDomain? Domain = null,
    int ExpiringWithinDays = 90);

/// <summary>The figures behind one part of the dashboard (the whole selection, or one agency).</summary>
public sealed record ComplianceFigures(
    int Officers, int MeetingHours, int ExamSitters, int ExamPassed, IReadOnlyDictionary<CertificateStatus, int> CertificatesByStatus,
    int ExpiringSoon)
{
    public double ShareMeetingHours => Officers == 0 ? 0 : (double)MeetingHours / Officers;
    public double Participation => Officers == 0 ? 0 : (double)ExamSitters / Officers;
    public double PassRate => ExamSitters == 0 ? 0 : (double)ExamPassed / ExamSitters;
}

/// <summary>How far the async projection behind the dashboard is behind the event store.</summary>
public sealed record ProjectionLag(long EventsBehind, long HighWaterMark, long Processed);

public sealed record Dashboard(int Year, decimal RequiredHours, ComplianceFigures Total, IReadOnlyDictionary<Guid, ComplianceFigures> ByAgency,
    ProjectionLag Lag);

/// <summary>What a number on the dashboard stands for, to list the officers behind it.</summary>
public enum DrillDown { Officers, MeetingHours, BelowHours, ExamSitters, ExamPassed, ExamFailed, ExpiringSoon, CertificateStatus }

/// <summary>
/// The compliance dashboard: per year, agency and domain, from the <see cref="OfficerCompliance"/> read model (an async
/// projection, whose lag is reported with the figures), and the lists of officers behind every figure.
/// </summary>
public sealed class ComplianceDashboard(IDocumentStore store, PolicyReader policies, TimeProvider clock)
{
    public async Task<Dashboard> For(DashboardFilter filter, CancellationToken ct = default)
    {
        var required = (await policies.For(filter.Year, ct)).RequiredClassHours;
        var officers = await Select(filter, ct);
        var today = ChinaTime.Today(clock);
        return new Dashboard(filter.Year, required, Figures(officers, filter, required, today),
            officers.GroupBy(o => o.AgencyId).ToDictionary(g => g.Key, g => Figures([.. g], filter, required, today)), await Lag(ct));
    }

    /// <summary>The officers behind a figure, by name.</summary>
    public async Task<IReadOnlyList<OfficerCompliance>> Officers(DashboardFilter filter, DrillDown what, CertificateStatus? status = null,
        CancellationToken ct = default)
    {
        var required = (await policies.For(filter.Year, ct)).RequiredClassHours;
        var today = ChinaTime.Today(clock);
        var officers = await Select(filter, ct);
        return [.. officers.Where(o => what switch
        {
            DrillDown.Officers => true,
            DrillDown.MeetingHours => o.HoursIn(filter.Year) >= required,
            DrillDown.BelowHours => o.HoursIn(filter.Year) < required,
            DrillDown.ExamSitters => o.ReviewAttemptsIn(filter.Year).Any(),
            DrillDown.ExamPassed => o.ReviewAttemptsIn(filter.Year).Any(a => a.Passed == true),
            DrillDown.ExamFailed => o.ReviewAttemptsIn(filter.Year).Any() && !o.ReviewAttemptsIn(filter.Year).Any(a => a.Passed == true),
            DrillDown.ExpiringSoon => Expiring(o, today, filter.ExpiringWithinDays),
            DrillDown.CertificateStatus => o.Certificates.Values.Any(c => c.StatusOn(today) == status),
            _ => false,
        }).OrderBy(o => o.Name, StringComparer.Ordinal)];
    }

    public async Task<ProjectionLag> Lag(CancellationToken ct = default)
    {
        var statistics = await store.Advanced.FetchEventStoreStatistics(token: ct);
        var progress = await store.Advanced.AllProjectionProgress(token: ct);
        var processed = progress.Where(p => p.ShardName.StartsWith(nameof(OfficerCompliance) + ":", StringComparison.Ordinal))
            .Select(p => p.Sequence).DefaultIfEmpty(0).Max();
        var high = statistics.EventSequenceNumber;
        return new ProjectionLag(Math.Max(0, high - processed), high, processed);
    }

    async Task<List<OfficerCompliance>> Select(DashboardFilter filter, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var query = session.Query<OfficerCompliance>().Where(o => o.Active);
        if (filter.AgencyIds is { } agencies)
        {
            var ids = agencies.ToArray();
            query = query.Where(o => ids.Contains(o.AgencyId));
        }
        var found = await query.ToListAsync(ct);
        return [.. found.Where(o => filter.Domain is not { } d || o.Domains.Contains(d))];
    }

    static ComplianceFigures Figures(IReadOnlyList<OfficerCompliance> officers, DashboardFilter filter, decimal required, DateOnly today)
    {
        var certificates = officers.SelectMany(o => o.Certificates.Values).ToList();
        return new ComplianceFigures(
            officers.Count,
            officers.Count(o => o.HoursIn(filter.Year) >= required),
            officers.Count(o => o.ReviewAttemptsIn(filter.Year).Any()),
            officers.Count(o => o.ReviewAttemptsIn(filter.Year).Any(a => a.Passed == true)),
            Enum.GetValues<CertificateStatus>().ToDictionary(s => s, s => certificates.Count(c => c.StatusOn(today) == s)),
            officers.Count(o => Expiring(o, today, filter.ExpiringWithinDays)));
    }

    static bool Expiring(OfficerCompliance o, DateOnly today, int days) => o.Certificates.Values.Any(c =>
        c.StatusOn(today) == CertificateStatus.Valid && c.ValidUntil.DayNumber - today.DayNumber <= days);
}
