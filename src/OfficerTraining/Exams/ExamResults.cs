using Marten;

namespace OfficerTraining.Exams;

/// <summary>A graded attempt as the training and certificate parts need it.</summary>
public sealed record ExamResult(
    Guid AttemptId, Guid SessionId, ExamPurpose Purpose, int? Year, DateTimeOffset ClosedAt, decimal Score, decimal MaxScore, bool Passed);

/// <summary>
/// Officers' exam results, read from the attempt snapshots (an inline projection of the attempt streams, indexed by
/// officer): what the annual review (年审) and certificate issue ask — did this officer pass this year's annual review
/// exam, or the qualification exam's public and professional parts. Voided attempts never count.
/// </summary>
public sealed class ExamResults(IDocumentStore store)
{
    public async Task<IReadOnlyList<ExamResult>> ForOfficer(Guid officerId, CancellationToken ct = default) =>
        (await ForOfficers([officerId], ct)).GetValueOrDefault(officerId) ?? [];

    /// <summary>The graded results of many officers in one query, by officer, oldest first.</summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<ExamResult>>> ForOfficers(IReadOnlyCollection<Guid> officerIds,
        CancellationToken ct = default)
    {
        var ids = officerIds.ToArray();
        await using var session = store.QuerySession();
        var attempts = await session.Query<ExamAttempt>()
            .Where(a => ids.Contains(a.OfficerId) && a.Status != AttemptStatus.Voided && a.Status != AttemptStatus.InProgress)
            .ToListAsync(ct);
        return attempts.Where(a => a.Result is not null).GroupBy(a => a.OfficerId).ToDictionary(g => g.Key,
            g => (IReadOnlyList<ExamResult>)[.. g.OrderBy(a => a.ClosedAt).Select(a => new ExamResult(
                a.Id, a.SessionId, a.Rules.Purpose, a.Rules.Year, a.ClosedAt!.Value, a.Result!.Score, a.Result.MaxScore, a.Result.Passed))]);
    }

    /// <summary>Passed the annual review exam for <paramref name="year"/>, or a make-up exam of that year.</summary>
    public async Task<bool> PassedAnnualReview(Guid officerId, int year, CancellationToken ct = default) =>
        (await ForOfficer(officerId, ct)).Any(r => r.Passed && r.Year == year
            && r.Purpose is ExamPurpose.AnnualReview or ExamPurpose.MakeUp);

    /// <summary>The officers who passed <paramref name="year"/>'s annual review exam or a make-up exam of that year: one
    /// query for a whole annual review run.</summary>
    public async Task<IReadOnlySet<Guid>> PassedAnnualReview(int year, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        var attempts = await session.Query<ExamAttempt>()
            .Where(a => a.Rules.Year == year && a.Status != AttemptStatus.Voided && a.Status != AttemptStatus.InProgress)
            .ToListAsync(ct);
        return attempts.Where(a => a.Result is { Passed: true } && a.Rules.Purpose is ExamPurpose.AnnualReview or ExamPurpose.MakeUp)
            .Select(a => a.OfficerId).ToHashSet();
    }

    /// <summary>Passed both parts of the qualification exam (公共法律知识 and 专业法律知识), in any order.</summary>
    public async Task<bool> PassedQualification(Guid officerId, CancellationToken ct = default)
    {
        var passed = (await ForOfficer(officerId, ct)).Where(r => r.Passed).Select(r => r.Purpose).ToHashSet();
        return passed.Contains(ExamPurpose.QualificationPublic) && passed.Contains(ExamPurpose.QualificationProfessional);
    }
}
