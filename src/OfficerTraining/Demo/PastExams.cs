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

    /// <param name="sitters">Who sat it, and whether they passed.</param>
    /// <param name="realistic">False: those who pass answer everything right and the others everything wrong. True: those
    /// who pass miss some questions and the others get some right, and a few questions (a fixed share of codes, see
    /// <see cref="IsFlawed"/>) are answered right more often by those who fail — the spread item analysis looks for.
    /// Either way the outcome is the one given.</param>
    /// <returns>The session's id.</returns>
    public async Task<Guid> Record(string title, Blueprint blueprint, ExamPurpose purpose, int? year, DateTimeOffset opens,
        IReadOnlyList<(Guid OfficerId, bool Pass)> sitters, Actor actor, CancellationToken ct = default, bool realistic = false)
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
                var start = (ExamAttemptStarted)events[0];
                var answered = Answer(start, started, random, q => realistic
                    ? IsFlawed(q) ? !pass : pass ? random.NextDouble() > 0.15 : random.NextDouble() < 0.35
                    : pass);
                // A realistic spread may cross the pass mark the wrong way: then the attempt is answered plainly (the flawed
                // questions still the wrong way round, so they stay flawed whoever drew them).
                if (answered.OfType<ExamAttemptGraded>().Single().Passed != pass)
                    answered = Answer(start, started, random, q => realistic && IsFlawed(q) ? !pass : pass);
                events.AddRange(answered);
                write.Events.StartStream<ExamAttempt>(id, [.. events]);
            }
            await write.SaveChangesAsync(ct);
        }
        return sessionId;
    }

    /// <summary>The answers (right or wrong per question, as <paramref name="right"/> says) and the submit.</summary>
    static List<object> Answer(ExamAttemptStarted start, DateTimeOffset at, Random random, Func<string, bool> right)
    {
        var attempt = ExamAttempt.Create(start);
        var answers = AnswerSheet.Create(start);
        var shape = PaperShape.Of(start.Paper);
        var events = new List<object>();
        foreach (var question in attempt.Paper.Questions)
        {
            var correct = right(question.Code);
            foreach (var item in question.Items)
            {
                at = at.AddSeconds(random.Next(20, 90));
                foreach (var e in AttemptDecider.Decide(new RecordAnswer(start.AttemptId, item.Key, correct ? item.Correct : Wrong(item), 1), answers, shape, at))
                {
                    answers = AnswerSheet.Apply((AnswerRecorded)e, answers);
                    events.Add(e);
                }
            }
        }
        events.AddRange(AttemptDecider.Decide(new SubmitAttempt(start.AttemptId), attempt, answers, at.AddMinutes(1)));
        return events;
    }

    /// <summary>About one question in twenty, fixed by its code: the demo's badly discriminating questions.</summary>
    public static bool IsFlawed(string code) => NameBasedId.For("officer-training/demo/flawed/" + code).GetHashCode() % 20 == 0;

    /// <summary>An answer that scores nothing: the first option that is not part of the key, or, when every option is
    /// (a multiple choice with all options right), one of them alone, which all-or-nothing scoring gives nothing for.</summary>
    static IReadOnlyList<int> Wrong(PaperItem item) =>
        [item.OptionOrder.Where(i => !item.Correct.Contains(i)).DefaultIfEmpty(item.Correct[0]).First()];
}
