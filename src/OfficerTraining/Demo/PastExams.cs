using Marten;
using OfficerTraining.Exams;
using OfficerTraining.Infrastructure;
using OfficerTraining.Officers;

namespace OfficerTraining.Demo;

/// <summary>
/// Writes an exam session that took place in the past, with the attempts officers made in it: every event is decided by
/// the same pure deciders as a live exam (drawn paper, answers, submit, grade), only the moments are the past ones and
/// many attempts share a transaction. The demo city's history uses it, and so do tests that need officers with results.
/// </summary>
public sealed class PastExams(IDocumentStore store, ApprovedPool pool)
{
    const int PerTransaction = 200;

    /// <param name="sitters">Who sat it, and whether they answered everything right (pass) or everything wrong.</param>
    /// <returns>The session's id.</returns>
    public async Task<Guid> Record(string title, Blueprint blueprint, ExamPurpose purpose, int? year, DateTimeOffset opens,
        IReadOnlyList<(Guid OfficerId, bool Pass)> sitters, Actor actor, CancellationToken ct = default)
    {
        var sessionId = Guid.CreateVersion7();
        var scheduled = ExamSessionDecider.Decide(new ScheduleExamSession(sessionId, title, blueprint, purpose, year, opens,
            opens.AddHours(3), Roster.All), BlueprintRules.Problems(blueprint), await pool.Shortfalls(blueprint, ct), opens.AddDays(-7));
        var session = ExamSession.Create((ExamSessionScheduled)scheduled.Single());
        var questions = await pool.Current(ct);
        await using (var write = store.OpenSession(actor))
        {
            write.Events.StartStream<ExamSession>(sessionId, scheduled);
            await write.SaveChangesAsync(ct);
        }
        var random = new Random(sessionId.GetHashCode());
        foreach (var chunk in sitters.Chunk(PerTransaction))
        {
            await using var write = store.OpenSession(actor);
            var officers = (await write.LoadManyAsync<Officer>(ct, chunk.Select(s => s.OfficerId))).ToDictionary(o => o.Id);
            foreach (var (officerId, pass) in chunk)
            {
                var officer = officers.GetValueOrDefault(officerId) ?? throw new DomainException("Officer.NotFound", officerId);
                var started = opens.AddMinutes(random.Next(0, 30));
                var id = AttemptIds.For(sessionId, officerId, 1);
                var events = new List<object>(AttemptDecider.Decide(new StartAttempt(id, sessionId, officerId, true), session, officer, 0,
                    PaperDrawer.Draw(blueprint, questions, random.Next()), started));
                var attempt = ExamAttempt.Create((ExamAttemptStarted)events[0]);
                var at = started;
                foreach (var item in attempt.Paper.Items)
                {
                    at = at.AddSeconds(random.Next(20, 90));
                    var choice = pass ? item.Correct : Wrong(item);
                    foreach (var e in AttemptDecider.Decide(new RecordAnswer(id, item.Key, choice, 1), attempt, at))
                    {
                        attempt = ExamAttempt.Apply((AnswerRecorded)e, attempt);
                        events.Add(e);
                    }
                }
                events.AddRange(AttemptDecider.Decide(new SubmitAttempt(id), attempt, at.AddMinutes(1)));
                write.Events.StartStream<ExamAttempt>(id, [.. events]);
            }
            await write.SaveChangesAsync(ct);
        }
        return sessionId;
    }

    /// <summary>An answer that scores nothing: the first option that is not part of the key, or, when every option is
    /// (a multiple choice with all options right), one of them alone, which all-or-nothing scoring gives nothing for.</summary>
    static IReadOnlyList<int> Wrong(PaperItem item) =>
        [item.OptionOrder.Where(i => !item.Correct.Contains(i)).DefaultIfEmpty(item.Correct[0]).First()];
}
