using JasperFx.Events;
using Marten;
using OfficerTraining.Infrastructure;

namespace OfficerTraining.Exams;

/// <summary>How a batch of answers is decided and committed: on the sheets a writer keeps, at their versions.</summary>
public sealed partial class AnswerJournal
{
    /// <summary>One session, one commit; waiters complete after it. Each attempt is decided on the sheet this writer last
    /// committed or read (read, with the paper's shape, only when it has none), and its events are appended at the version
    /// that sheet had: if anyone else wrote the attempt since, the commit fails with a concurrency error and nothing of
    /// the batch is written.</summary>
    async Task Commit(IReadOnlyList<IGrouping<Guid, PendingSave>> attempts, SheetCache sheets, CancellationToken ct)
    {
        await using var session = _store.LightweightSession();
        Seed(session, [.. attempts.Select(a => sheets.Get(a.Key)?.Sheet).OfType<AnswerSheet>()]);
        var missing = attempts.Where(a => sheets.Get(a.Key) is null).Select(a => a.Key).ToList();
        var read = missing.Count == 0 ? [] : await Read(session, missing, ct);
        var outcomes = new List<(PendingSave Save, AnswerSaveResult Result)>();
        var decided = new List<KeptSheet>(attempts.Count);
        var writes = 0;
        foreach (var attempt in attempts)
        {
            var stream = read.GetValueOrDefault(attempt.Key).Stream;
            var kept = stream is null ? sheets.Get(attempt.Key) : read[attempt.Key].Kept;
            var events = new List<IEvent>();
            var sheet = Decide(kept, attempt, outcomes, events);
            if (sheet is not null) decided.Add(kept! with { Sheet = sheet });
            if (stream is not null)
            {
                if (events.Count == 0) continue; // decided on the attempt as just read: nothing to check
                stream.AppendMany(events);
            }
            else
            {
                // Decided on the kept sheet: the commit checks its version, also when nothing is appended (a retry, a
                // refusal), so every outcome stands on the attempt as committed, or is decided again.
                var action = session.Events.Append(attempt.Key, events);
                (action.ExpectedVersionOnServer, action.AlwaysEnforceConsistency) = (kept!.Sheet.Version, true);
            }
            writes++;
        }
        if (writes > 0)
        {
            await session.SaveChangesAsync(ct);
            Interlocked.Increment(ref _commits);
        }
        foreach (var kept in decided) sheets.Keep(kept);
        foreach (var (save, result) in outcomes) save.Result.TrySetResult(result);
        Interlocked.Add(ref _saves, outcomes.Count);
    }

    /// <summary>Puts the kept sheets in the session's identity map, where the inline projection looks first for the
    /// sheets it applies the new answers to, so it does not read them from the database. Store puts them there and
    /// queues their writes; ejecting the pending changes takes the writes back and leaves the identity map. A kept sheet
    /// that is stale does no harm: the append at its version fails the whole commit.</summary>
    static void Seed(IDocumentSession session, AnswerSheet[] kept)
    {
        if (kept.Length == 0) return;
        session.UseIdentityMapFor<AnswerSheet>();
        session.Store(kept);
        session.EjectAllPendingChanges();
    }

    /// <summary>The attempts' sheets for writing (the stream version from the streams table) and their papers' shapes.</summary>
    static async Task<Dictionary<Guid, (IEventStream<AnswerSheet> Stream, KeptSheet? Kept)>> Read(IDocumentSession session,
        List<Guid> attemptIds, CancellationToken ct)
    {
        var streams = await session.Events.FetchManyForWriting<AnswerSheet>(attemptIds, ct);
        var papers = (await session.LoadManyAsync<ExamAttempt>(ct, attemptIds)).ToDictionary(a => a.Id, a => PaperShape.Of(a.Paper));
        return streams.ToDictionary(s => s.Id, s => (s, s.Aggregate is { } sheet && papers.TryGetValue(s.Id, out var paper)
            ? new KeptSheet(sheet with { Version = s.StartingVersion ?? 0 }, paper) : null));
    }

    /// <summary>Decides the saves for one attempt in the order they arrived, each on the sheet the previous ones left;
    /// returns the sheet after them (its <see cref="AnswerSheet.Version"/> the stream's version), null when there is none.</summary>
    static AnswerSheet? Decide(KeptSheet? kept, IEnumerable<PendingSave> saves, List<(PendingSave, AnswerSaveResult)> outcomes,
        List<IEvent> appended)
    {
        var sheet = kept?.Sheet;
        foreach (var save in saves)
        {
            try
            {
                if (sheet is null) throw new DomainException("Exam.AttemptNotFound");
                if (sheet.OfficerId != save.Actor.OfficerId) throw new DomainException("Exam.NotYourAttempt");
                var events = AttemptDecider.Decide(save.Command, sheet, kept!.Paper, save.ReceivedAt);
                foreach (var e in events.Cast<AnswerRecorded>())
                {
                    var wrapped = e.AsEvent();
                    wrapped.UserName = save.Actor.UserName; // one session carries many officers' answers
                    appended.Add(wrapped);
                    sheet = AnswerSheet.Apply(e, sheet) with { Version = sheet.Version + 1 };
                }
                outcomes.Add((save, events.Length == 0 ? AnswerSaveResult.AlreadySaved(sheet.Version) : AnswerSaveResult.Saved(sheet.Version)));
            }
            catch (DomainException e)
            {
                outcomes.Add((save, AnswerSaveResult.Refused(e)));
            }
        }
        return sheet;
    }
}
