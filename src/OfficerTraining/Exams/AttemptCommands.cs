using JasperFx;
using Marten;
using Marten.Exceptions;
using OfficerTraining.Infrastructure;
using OfficerTraining.Officers;

namespace OfficerTraining.Exams;

/// <summary>
/// Starting, submitting, flagging and voiding attempts (answers go through <see cref="AnswerJournal"/>). Officers act
/// only on their own attempts; the server's clock decides everything about time.
/// </summary>
public sealed class AttemptCommands(IDocumentStore store, ApprovedPool pool, TimeProvider clock)
{
    /// <summary>How often a submit or flag decides again after another writer changed the attempt first.</summary>
    const int Tries = 3;

    /// <summary>
    /// Starts the officer's next attempt, or returns the one still open (a reload, a second tab). Two starts at the same
    /// moment (a double click, two tabs) derive the same attempt id, so exactly one stream is created and both get it.
    /// </summary>
    public async Task<Guid> Start(Guid sessionId, Guid officerId, bool acceptShortenedTime, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Officer);
        if (actor.OfficerId != officerId) throw new DomainException("Exam.OnlyYourself");
        await using var session = store.OpenSession(actor);
        var exam = await session.LoadAsync<ExamSession>(sessionId, ct) ?? throw new DomainException("Exam.SessionNotFound", sessionId);
        var officer = await session.LoadAsync<Officer>(officerId, ct) ?? throw new DomainException("Officer.NotFound", officerId);
        var earlier = await session.Query<ExamAttempt>()
            .Where(a => a.SessionId == sessionId && a.OfficerId == officerId).ToListAsync(ct);
        if (earlier.Where(a => a.IsOpen).MaxBy(a => a.Number) is { } open) return open.Id;

        // Voided attempts do not count against the officer, but keep their ids: the next one takes a fresh slot.
        var id = AttemptIds.For(sessionId, officerId, earlier.Count + 1);
        var counted = earlier.Count(a => a.Status != AttemptStatus.Voided);
        var paper = PaperDrawer.Draw(exam.Blueprint, await pool.Current(ct), Random.Shared.Next());
        var events = AttemptDecider.Decide(new StartAttempt(id, sessionId, officerId, acceptShortenedTime),
            exam, officer, counted, paper, clock.GetUtcNow());
        session.Events.StartStream<ExamAttempt>(id, events);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (ExistingStreamIdCollisionException)
        {
            // Another request started this very attempt a moment earlier: it is the same officer's, so it is the answer.
        }
        return id;
    }

    /// <summary>The officer's open attempt in the session, for the exam page to resume; null when there is none.</summary>
    public async Task<ExamAttempt?> Current(Guid sessionId, Guid officerId, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        return await session.Query<ExamAttempt>()
            .Where(a => a.SessionId == sessionId && a.OfficerId == officerId && a.Status == AttemptStatus.InProgress)
            .OrderByDescending(a => a.Number).FirstOrDefaultAsync(ct);
    }

    /// <summary>Submits and grades; a second submit (another tab, a retry) changes nothing. Returns the attempt's version.</summary>
    public async Task<long> Handle(SubmitAttempt c, Actor actor, CancellationToken ct = default) =>
        await Decide(c.AttemptId, actor, OwnAttempt(actor), withAnswers: true, (a, answers, now) => AttemptDecider.Decide(c, a, answers!, now), ct);

    public async Task<long> Handle(FlagAnswer c, Actor actor, CancellationToken ct = default) =>
        await Decide(c.AttemptId, actor, OwnAttempt(actor), withAnswers: false, (a, _, now) => AttemptDecider.Decide(c, a, now), ct);

    public async Task<long> Handle(VoidAttempt c, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.CertificateOfficer, Roles.Administrator); // supervisors read everything and change nothing
        return await Decide(c.AttemptId, actor, _ => { }, withAnswers: false, (a, _, _) => AttemptDecider.Decide(c, a), ct);
    }

    internal static Action<ExamAttempt> OwnAttempt(Actor actor)
    {
        actor.Require(Roles.Officer);
        return attempt =>
        {
            if (actor.OfficerId != attempt.OfficerId) throw new DomainException("Exam.NotYourAttempt");
        };
    }

    /// <summary>Fetch → check → decide → append → save. When another writer got in first (an answer, the closer, the
    /// other tab's submit) it decides again on what they wrote, which is what makes "submit twice" grade once. The answer
    /// sheet is read only for the decisions that grade (<paramref name="withAnswers"/>): a flag or a void needs none.</summary>
    async Task<long> Decide(Guid attemptId, Actor actor, Action<ExamAttempt> authorize, bool withAnswers,
        Func<ExamAttempt, AnswerSheet?, DateTimeOffset, object[]> decide, CancellationToken ct)
    {
        for (var tries = 1; ; tries++)
        {
            await using var session = store.OpenSession(actor);
            var stream = await session.Events.FetchForWriting<ExamAttempt>(attemptId, ct);
            var attempt = stream.Aggregate ?? throw new DomainException("Exam.AttemptNotFound");
            authorize(attempt);
            var answers = withAnswers ? await AttemptAnswers.AnswersAfter(session, stream, ct) : null;
            var events = decide(attempt, answers, clock.GetUtcNow());
            var version = stream.StartingVersion ?? 0;
            if (events.Length == 0) return version;
            stream.AppendMany(events);
            try
            {
                await session.SaveChangesAsync(ct);
                return version + events.Length;
            }
            catch (ConcurrencyException) when (tries < Tries)
            {
            }
            catch (ConcurrencyException)
            {
                throw new DomainException("Stream.Changed");
            }
        }
    }
}

/// <summary>The answers, read after the fetch for writing: at least as new as the version it holds the write to, so an answer
/// committed in between fails the write (which is decided again) instead of being graded without.</summary>
internal static class AttemptAnswers
{
    public static async Task<AnswerSheet> AnswersAfter(IDocumentSession session, JasperFx.Events.IEventStream<ExamAttempt> stream, CancellationToken ct) =>
        await session.LoadAsync<AnswerSheet>(stream.Id, ct) ?? throw new DomainException("Exam.AttemptNotFound");
}

/// <summary>Attempt ids are derived from (session, officer, slot), as question ids from their codes: two requests
/// starting the same attempt name the same stream, and the database lets only one of them create it.</summary>
public static class AttemptIds
{
    /// <param name="slot">1 for the officer's first attempt in the session, voided ones included.</param>
    public static Guid For(Guid sessionId, Guid officerId, int slot) =>
        NameBasedId.For($"officer-training/attempt/{sessionId:N}/{officerId:N}/{slot}");
}
