using Marten;
using OfficerTraining.Exams;
using OfficerTraining.Infrastructure;
using OfficerTraining.Settings;
using OfficerTraining.Training;

namespace OfficerTraining.Certificates;

/// <summary>A run of the annual review for a year and stage, as the report shows it.</summary>
public sealed record ReviewReport(int Year, ReviewStage Stage, bool DryRun, IReadOnlyList<ReviewDecision> Decisions)
{
    public int Count(ReviewAction action) => Decisions.Count(d => d.Action == action);
}

/// <summary>A run was carried out: what it was asked and what it did, on the review's own stream (one per year).</summary>
public sealed record AnnualReviewRun(int Year, ReviewStage Stage, int Passed, int Suspended, int Reinstated, int Revoked);

/// <summary>The runs of one year's review (an inline snapshot of the year's review stream).</summary>
public sealed record AnnualReviewHistory(Guid Id, int Year, IReadOnlyList<AnnualReviewRun> Runs)
{
    public long Version { get; init; }

    public static Guid StreamIdFor(int year) => NameBasedId.For($"officer-training/annual-review/{year}");

    public static AnnualReviewHistory Create(JasperFx.Events.IEvent<AnnualReviewRun> e) => new(e.StreamId, e.Data.Year, [e.Data]);

    public static AnnualReviewHistory Apply(AnnualReviewRun e, AnnualReviewHistory h) => h with { Runs = [.. h.Runs, e] };
}

/// <summary>
/// Runs the annual review over every certificate in scope: the dry run decides and writes nothing; the run decides
/// again at that moment and records each certificate's outcome, <see cref="BatchSize"/> certificates per transaction,
/// reporting progress. Each batch re-reads its certificates, so a certificate decided by an earlier (or a parallel)
/// run is skipped: running twice changes nothing.
/// </summary>
public sealed class AnnualReviewRunner(
    IDocumentStore store, PolicyReader policies, TrainingLedgers ledgers, ExamResults exams, TimeProvider clock)
{
    public const int BatchSize = 50;

    public async Task<ReviewReport> Run(int year, ReviewStage stage, bool dryRun, Actor actor,
        IProgress<(int Done, int Total)>? progress = null, CancellationToken ct = default)
    {
        actor.Require(Roles.CertificateOfficer, Roles.Administrator);
        var today = ChinaTime.Today(clock);
        if (year >= today.Year) throw new DomainException("Review.YearNotOver", year);
        var policy = await policies.For(today.Year, ct);
        List<Certificate> candidates;
        await using (var q = store.QuerySession())
            candidates = [.. (await q.Query<Certificate>().Where(c => c.Status == CertificateStatus.Valid || c.Status == CertificateStatus.Suspended)
                .ToListAsync(ct)).Where(c => AnnualReview.InScope(c, year, stage, today)).OrderBy(c => c.Number, StringComparer.Ordinal)];
        var officerIds = candidates.Select(c => c.Holder.OfficerId).Distinct().ToArray();
        var yearLedgers = await ledgers.ForMany(officerIds, year, ct);
        var passedExam = await exams.PassedAnnualReview(year, ct);
        ReviewDecision Decide(Certificate c) =>
            AnnualReview.Decide(c, year, stage, yearLedgers[c.Holder.OfficerId], passedExam.Contains(c.Holder.OfficerId), policy, today);

        if (dryRun) return new ReviewReport(year, stage, true, [.. candidates.Select(Decide)]);

        var decided = new List<ReviewDecision>();
        progress?.Report((0, candidates.Count));
        foreach (var batch in candidates.Chunk(BatchSize))
        {
            await using var session = store.OpenSession(actor);
            foreach (var id in batch.Select(c => c.Id))
            {
                var stream = await session.Events.FetchForWriting<Certificate>(id, ct);
                if (stream.Aggregate is not { } now || !AnnualReview.InScope(now, year, stage, today)) continue;
                var decision = Decide(now);
                stream.AppendMany([.. decision.Events]);
                decided.Add(decision);
            }
            await session.SaveChangesTranslated(ct);
            progress?.Report((decided.Count, candidates.Count));
        }
        await Record(new AnnualReviewRun(year, stage, Count(ReviewAction.Pass), Count(ReviewAction.Suspend),
            Count(ReviewAction.Reinstate), Count(ReviewAction.Revoke)), actor, ct);
        return new ReviewReport(year, stage, false, decided);

        int Count(ReviewAction a) => decided.Count(d => d.Action == a);
    }

    async Task Record(AnnualReviewRun run, Actor actor, CancellationToken ct)
    {
        await using var session = store.OpenSession(actor);
        var id = AnnualReviewHistory.StreamIdFor(run.Year);
        if (await session.LoadAsync<AnnualReviewHistory>(id, ct) is null) session.Events.StartStream<AnnualReviewHistory>(id, run);
        else session.Events.Append(id, run);
        await session.SaveChangesTranslated(ct);
    }
}
