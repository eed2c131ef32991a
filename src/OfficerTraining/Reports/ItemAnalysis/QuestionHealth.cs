using OfficerTraining.Infrastructure;

namespace OfficerTraining.Reports.ItemAnalysis;

/// <summary>
/// The question bank's health flags: each question version's statistics over all finished sessions, averaged per session
/// as Moodle's question bank does. Computed at most every <see cref="Lifetime"/> and shared (a singleton), so the bank
/// list does not analyse every exam on each page; a session that has just closed shows up within that time.
/// </summary>
public sealed class QuestionHealth
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    readonly ExamItemAnalysis _analysis;
    readonly SharedLoad<Health> _health;

    public QuestionHealth(ExamItemAnalysis analysis, TimeProvider clock)
    {
        _analysis = analysis;
        _health = new SharedLoad<Health>(Load, Lifetime, clock);
    }

    /// <summary>The statistics of one version of a question; null when no finished session drew it.</summary>
    public async Task<QuestionVersionStatistics?> For(string code, int version, CancellationToken ct = default) =>
        (await Current(ct)).ByVersion.GetValueOrDefault((code, version));

    /// <summary>By question code, the newest version that finished sessions drew (normally the approved one).</summary>
    public async Task<IReadOnlyDictionary<string, QuestionVersionStatistics>> Latest(CancellationToken ct = default) =>
        (await Current(ct)).Latest;

    /// <summary>The codes whose newest analysed version is flagged (<see cref="QuestionVersionStatistics.Flagged"/>).</summary>
    public async Task<IReadOnlyList<string>> FlaggedCodes(CancellationToken ct = default) =>
        [.. (await Current(ct)).Latest.Values.Where(q => q.Flagged).Select(q => q.Code)];

    /// <summary>Forgets the cached statistics, so the next call computes them again.</summary>
    public void Invalidate() => _health.Invalidate();

    Task<Health> Current(CancellationToken ct) => _health.Current(ct);

    async Task<Health> Load()
    {
        var sessions = await _analysis.AllFinished(CancellationToken.None);
        var byVersion = Average(sessions.SelectMany(s => s.Questions));
        var latest = byVersion.Values.GroupBy(q => q.Code).ToDictionary(g => g.Key, g => g.MaxBy(q => q.Version)!);
        return new Health(byVersion, latest);
    }

    /// <summary>Each session's value counts once; a statistic undefined in a session (null) is left out of its mean.</summary>
    public static IReadOnlyDictionary<(string Code, int Version), QuestionVersionStatistics> Average(
        IEnumerable<QuestionVersionStatistics> perSession) =>
        perSession.GroupBy(q => (q.Code, q.Version)).ToDictionary(g => g.Key, g =>
        {
            var list = g.ToList();
            double? Mean(Func<QuestionVersionStatistics, double?> value) =>
                list.Select(value).OfType<double>().DefaultIfEmpty(double.NaN).Average() is var m && double.IsNaN(m) ? null : m;
            return new QuestionVersionStatistics(g.Key.Code, g.Key.Version, list.Sum(q => q.Attempts), list.Sum(q => q.Sessions),
                list.Max(q => q.MaxMark), list.Average(q => q.Facility), Mean(q => q.Sd), Mean(q => q.DiscriminationIndex),
                Mean(q => q.DiscriminativeEfficiency), Mean(q => q.RandomGuessScore));
        });

    sealed record Health(
        IReadOnlyDictionary<(string Code, int Version), QuestionVersionStatistics> ByVersion,
        IReadOnlyDictionary<string, QuestionVersionStatistics> Latest);
}
