using JasperFx.Events;
using Marten;
using OfficerTraining.Certificates;
using OfficerTraining.Courses;
using OfficerTraining.Exams;
using OfficerTraining.QuestionBank;
using OfficerTraining.Training;

namespace OfficerTraining.Audit;

/// <summary>What to look for; every filter given must hold. The subject filters (officer, certificate, question,
/// attempt) select streams; actor and dates filter the events on them (or on every stream when no subject is given).</summary>
public sealed record AuditQuery(
    Guid? OfficerId = null, string? CertificateNumber = null, string? QuestionCode = null, Guid? AttemptId = null,
    string? Actor = null, DateTimeOffset? From = null, DateTimeOffset? To = null, int Limit = AuditTrail.MaxResults);

/// <summary>One recorded change: what, on which stream, when, by whom, and which command it belonged to.</summary>
public sealed record AuditEntry(
    long Sequence, Guid StreamId, string? StreamType, object Data, DateTimeOffset Timestamp, string? UserName, string? CorrelationId);

/// <summary>
/// Searches the event store, read-only. An officer's trail spans every stream about them: their record, their training
/// record, their certificates, exam attempts, course enrolments and hours adjustments.
/// </summary>
public sealed class AuditTrail(IDocumentStore store)
{
    public const int MaxResults = 500;

    public async Task<IReadOnlyList<AuditEntry>> Search(AuditQuery q, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        var streams = await Streams(session, q, ct);
        if (streams is { Count: 0 }) return [];
        IQueryable<IEvent> events = session.Events.QueryAllRawEvents();
        if (streams is not null)
        {
            var ids = streams.ToArray();
            events = events.Where(e => ids.Contains(e.StreamId));
        }
        if (!string.IsNullOrWhiteSpace(q.Actor))
        {
            var actor = q.Actor.Trim();
            events = events.Where(e => e.UserName == actor);
        }
        if (q.From is { } from)
        {
            var utc = from.ToUniversalTime();
            events = events.Where(e => e.Timestamp >= utc);
        }
        if (q.To is { } to)
        {
            var utc = to.ToUniversalTime();
            events = events.Where(e => e.Timestamp < utc);
        }
        var found = await events.OrderByDescending(e => e.Sequence).Take(Math.Clamp(q.Limit, 1, MaxResults)).ToListAsync(ct);
        return [.. found.Select(e => new AuditEntry(e.Sequence, e.StreamId, e.AggregateTypeName, e.Data, e.Timestamp, e.UserName, e.CorrelationId))];
    }

    /// <summary>Every event recorded by one command (same correlation id), in order.</summary>
    public async Task<IReadOnlyList<AuditEntry>> Correlated(string correlationId, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        var found = await session.Events.QueryAllRawEvents().Where(e => e.CorrelationId == correlationId)
            .OrderBy(e => e.Sequence).Take(MaxResults).ToListAsync(ct);
        return [.. found.Select(e => new AuditEntry(e.Sequence, e.StreamId, e.AggregateTypeName, e.Data, e.Timestamp, e.UserName, e.CorrelationId))];
    }

    /// <summary>The streams the subject filters name (intersected when several are given); null when none is given.</summary>
    static async Task<HashSet<Guid>?> Streams(IQuerySession session, AuditQuery q, CancellationToken ct)
    {
        HashSet<Guid>? result = null;
        void Narrow(IEnumerable<Guid> ids)
        {
            if (result is null) result = [.. ids];
            else result.IntersectWith(ids);
        }
        if (q.OfficerId is { } officer)
        {
            var ids = new List<Guid> { officer, TrainingRecord.StreamIdFor(officer) };
            ids.AddRange(await session.Query<Certificate>().Where(c => c.Holder.OfficerId == officer).Select(c => c.Id).ToListAsync(ct));
            ids.AddRange(await session.Query<ExamAttempt>().Where(a => a.OfficerId == officer).Select(a => a.Id).ToListAsync(ct));
            ids.AddRange(await session.Query<Enrolment>().Where(e => e.OfficerId == officer).Select(e => e.Id).ToListAsync(ct));
            ids.AddRange(await session.Query<ClassHoursAdjustment>().Where(a => a.OfficerId == officer).Select(a => a.Id).ToListAsync(ct));
            Narrow(ids);
        }
        if (!string.IsNullOrWhiteSpace(q.CertificateNumber))
        {
            var number = q.CertificateNumber.Trim();
            Narrow(await session.Query<Certificate>().Where(c => c.Number == number).Select(c => c.Id).ToListAsync(ct));
        }
        if (!string.IsNullOrWhiteSpace(q.QuestionCode)) Narrow([Question.StreamIdFor(q.QuestionCode)]);
        if (q.AttemptId is { } attempt) Narrow([attempt]);
        return result;
    }
}
