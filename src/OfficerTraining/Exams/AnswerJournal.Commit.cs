using Marten;
using OfficerTraining.Infrastructure;

namespace OfficerTraining.Exams;

/// <summary>How a batch of answers is decided and committed: on the sheets a writer keeps, at their versions.</summary>
public sealed partial class AnswerJournal
{
    /// <summary>One round trip, one commit; waiters complete after it. Each attempt is decided on the sheet this writer
    /// last committed or read (read, with the paper's shape, only when it has none), and written at the version that sheet
    /// had (<see cref="AnswerBatch"/>): if anyone else wrote the attempt since, the commit fails with a concurrency error
    /// and nothing of the batch is written. A retry or a refusal appends nothing but still checks the version, so every
    /// outcome stands on the attempt as committed, or is decided again.</summary>
    async Task Commit(IReadOnlyList<IGrouping<Guid, PendingSave>> attempts, SheetCache sheets, AnswerBatch database,
        CancellationToken ct)
    {
        var missing = attempts.Where(a => sheets.Get(a.Key) is null).Select(a => a.Key).ToList();
        if (missing.Count > 0)
            foreach (var read in await Read(missing, ct)) sheets.Keep(read); // forgotten again if the commit fails
        var outcomes = new List<(PendingSave Save, AnswerSaveResult Result)>();
        var writes = new List<AttemptWrite>(attempts.Count);
        foreach (var attempt in attempts)
        {
            var kept = sheets.Get(attempt.Key);
            var answers = new List<(AnswerRecorded, string)>();
            var sheet = Decide(kept, attempt, outcomes, answers);
            if (kept is not null) writes.Add(new AttemptWrite(attempt.Key, kept.Sheet.Version, sheet!, answers));
        }
        if (writes.Count > 0)
        {
            await database.Write(writes, ct);
            Interlocked.Increment(ref _commits);
        }
        foreach (var write in writes) sheets.Keep(sheets.Get(write.AttemptId)! with { Sheet = write.Sheet });
        foreach (var (save, result) in outcomes) save.Result.TrySetResult(result);
        Interlocked.Add(ref _saves, outcomes.Count);
    }

    /// <summary>The attempts' sheets as committed (with the stream's version) and their papers' shapes.</summary>
    async Task<List<KeptSheet>> Read(List<Guid> attemptIds, CancellationToken ct)
    {
        await using var session = _store.LightweightSession(); // for FetchManyForWriting's versions; never saved
        var streams = await session.Events.FetchManyForWriting<AnswerSheet>(attemptIds, ct);
        var papers = (await session.LoadManyAsync<ExamAttempt>(ct, attemptIds)).ToDictionary(a => a.Id, a => PaperShape.Of(a.Paper));
        return [.. streams.Where(s => s.Aggregate is not null && papers.ContainsKey(s.Id))
            .Select(s => new KeptSheet(s.Aggregate! with { Version = s.StartingVersion ?? 0 }, papers[s.Id]))];
    }

    /// <summary>Decides the saves for one attempt in the order they arrived, each on the sheet the previous ones left;
    /// returns the sheet after them (its <see cref="AnswerSheet.Version"/> the stream's version), null when there is none.</summary>
    static AnswerSheet? Decide(KeptSheet? kept, IEnumerable<PendingSave> saves, List<(PendingSave, AnswerSaveResult)> outcomes,
        List<(AnswerRecorded, string)> appended)
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
                    appended.Add((e, save.Actor.UserName)); // one batch carries many officers' answers
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
