using Marten;
using OfficerTraining.Infrastructure;
using OfficerTraining.QuestionBank;

namespace OfficerTraining.Exams;

/// <summary>
/// The approved, non-retired questions papers are drawn from, read from the bank at most once a minute (a singleton).
/// </summary>
/// <remarks>
/// On exam day hundreds of officers start within minutes; each start must not read the whole bank. The list is loaded
/// once and shared for <see cref="Lifetime"/> (concurrent callers share one load; a failed load is not kept). So a
/// question approved, revised or retired less than a minute ago may not be drawn — or may still be drawn in its
/// previous approved version — until the cache expires. Every paper records the code, id and version it was drawn with,
/// so a paper stays exactly what it was either way.
/// </remarks>
public sealed class ApprovedPool
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    readonly IDocumentStore _store;
    readonly SharedLoad<IReadOnlyList<ApprovedQuestion>> _pool;

    public ApprovedPool(IDocumentStore store, TimeProvider clock)
    {
        _store = store;
        _pool = new SharedLoad<IReadOnlyList<ApprovedQuestion>>(Load, Lifetime, clock);
    }

    /// <summary>The approved questions in code order, at most <see cref="Lifetime"/> old.</summary>
    public Task<IReadOnlyList<ApprovedQuestion>> Current(CancellationToken ct = default) => _pool.Current(ct);

    /// <summary>Forgets the cached list, so the next call reads the bank (e.g. after a bulk approval).</summary>
    public void Invalidate() => _pool.Invalidate();

    /// <summary><see cref="Feasibility.Check"/> against the pool. The pool may be up to a minute old; before refusing, it
    /// looks again, since questions the trainer just had approved are the usual reason a blueprint becomes feasible.</summary>
    public async Task<IReadOnlyList<SectionShortfall>> Shortfalls(Blueprint blueprint, CancellationToken ct = default)
    {
        var shortfalls = Feasibility.Check(blueprint, await Current(ct));
        if (shortfalls.Count == 0) return shortfalls;
        Invalidate();
        return Feasibility.Check(blueprint, await Current(ct));
    }

    async Task<IReadOnlyList<ApprovedQuestion>> Load()
    {
        await using var session = _store.QuerySession();
        var questions = await session.Query<Question>()
            .Where(q => q.ApprovedVersion != null && q.Status != QuestionStatus.Retired)
            .ToListAsync(CancellationToken.None);
        return PaperDrawer.InCodeOrder([.. questions.Select(ApprovedQuestion.From).OfType<ApprovedQuestion>()]);
    }
}
