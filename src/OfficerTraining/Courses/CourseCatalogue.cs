using Marten;

namespace OfficerTraining.Courses;

/// <summary>Reads courses and enrolments for the pages.</summary>
public sealed class CourseCatalogue(IDocumentStore store)
{
    /// <summary>Every course, drafts and retired ones included, by code (for trainers).</summary>
    public async Task<IReadOnlyList<Course>> All(CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        return await session.Query<Course>().OrderBy(c => c.Code).ToListAsync(ct);
    }

    /// <summary>The courses an officer may enrol in, by code.</summary>
    public async Task<IReadOnlyList<Course>> Published(CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        return await session.Query<Course>().Where(c => c.Status == CourseStatus.Published).OrderBy(c => c.Code).ToListAsync(ct);
    }

    public async Task<Course?> Get(Guid courseId, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<Course>(courseId, ct);
    }

    /// <summary>The course whose quiz is this exam session, for the quiz's result page to lead back to it.</summary>
    public async Task<Course?> ByQuizSession(Guid sessionId, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        return await session.Query<Course>().Where(c => c.QuizSessionIds.Contains(sessionId)).FirstOrDefaultAsync(ct);
    }

    public async Task<Enrolment?> Enrolment(Guid enrolmentId, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<Enrolment>(enrolmentId, ct);
    }

    /// <summary>An officer's enrolments, latest first.</summary>
    public async Task<IReadOnlyList<Enrolment>> EnrolmentsOf(Guid officerId, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        return await session.Query<Enrolment>().Where(e => e.OfficerId == officerId)
            .OrderByDescending(e => e.EnrolledAt).ToListAsync(ct);
    }
}
