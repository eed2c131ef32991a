using Marten;
using OfficerTraining.Exams;
using OfficerTraining.Officers;

namespace OfficerTraining.Web.Features.Exams.Taking;

/// <summary>What the "my exams" page shows an officer: the sessions open to them now or later (not cancelled, not yet
/// closed, on their roster — or holding their open attempt), and all their attempts. Course quizzes are left out:
/// they are reached from their course.</summary>
public sealed record MyExams(
    Officer? Officer, IReadOnlyList<ExamSession> Sessions, IReadOnlyList<ExamAttempt> Attempts, IReadOnlyDictionary<Guid, string> Titles)
{
    public IReadOnlyList<ExamAttempt> AttemptsIn(Guid sessionId) => [.. Attempts.Where(a => a.SessionId == sessionId)];

    /// <summary>Attempts not shown as "continue" on an open session's card.</summary>
    public IReadOnlyList<ExamAttempt> Past => [.. Attempts.Where(a => !a.IsOpen || Sessions.All(s => s.Id != a.SessionId))];

    public static async Task<MyExams> Load(IDocumentStore store, Guid officerId, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        var officer = await session.LoadAsync<Officer>(officerId, ct);
        var attempts = await session.Query<ExamAttempt>().Where(a => a.OfficerId == officerId)
            .OrderByDescending(a => a.StartedAt).ToListAsync(ct);
        var open = officer is null ? [] : await session.Query<ExamSession>()
            .Where(s => !s.Cancelled && s.Closes > now && s.Purpose != ExamPurpose.CourseQuiz).OrderBy(s => s.Opens).ToListAsync(ct);
        var mine = open.Where(s => s.Roster.Includes(officer!.Id, officer.AgencyId, officer.Domains)
            || attempts.Any(a => a.SessionId == s.Id && a.IsOpen)).ToList();
        var others = attempts.Select(a => a.SessionId).Distinct().Where(id => mine.All(s => s.Id != id)).ToArray();
        var titles = mine.Concat(others.Length == 0 ? [] : await session.LoadManyAsync<ExamSession>(ct, others))
            .ToDictionary(s => s.Id, s => s.Title);
        return new(officer, mine, attempts, titles);
    }
}
