using JasperFx.Events;
using Marten;
using OfficerTraining.Exams;
using OfficerTraining.Infrastructure;
using OfficerTraining.Officers;
using OfficerTraining.Training;
using Weasel.Core;

namespace OfficerTraining.Benchmarks;

/// <summary>What the seed wrote, to check the rebuilt read model against.</summary>
public sealed record SeededHistory(int Officers, int Attempts, int GradedAttempts, int Credits, long Events);

/// <summary>
/// Five years of history for already registered officers, shaped like the app's own (the events come from the app's
/// deciders, as the demo's <c>PastExams</c> makes them): each year twenty 3-hour course credits on the officer's
/// training stream; in the first year both qualification exams, then an annual review each year, and a make-up for
/// about one in ten. An attempt is its start (with the drawn paper), every item answered (one in five changed once),
/// the submit and the grade. Written with Marten's COPY-based <c>BulkInsertEventsAsync</c>; the inline snapshots of
/// those streams (ExamAttempt, TrainingRecord) are folded with the aggregates' own Create/Apply and bulk-inserted, so
/// the store is as the app would have left it.
/// </summary>
public static class History
{
    public const int FirstYear = 2022, Years = 5, CreditsPerYear = 20;

    /// <summary>About how many events one officer's five years make (measured by the seed itself, rounded).</summary>
    public const int EventsPerOfficer = 200;

    public static async Task<SeededHistory> Seed(ExamDay day, IReadOnlyList<Guid> officerIds, TextWriter progress)
    {
        var store = day.Store;
        var questions = await day.Get<ApprovedPool>().Current();
        var sessions = await HistorySessions.Schedule(day);
        List<Officer> officers;
        await using (var q = store.QuerySession()) officers = [.. await q.LoadManyAsync<Officer>(officerIds)];

        int attempts = 0, graded = 0, credits = 0;
        long events = 0;
        foreach (var chunk in officers.Chunk(250))
        {
            var streams = new List<StreamAction>();
            var attemptDocs = new List<ExamAttempt>();
            var sheets = new List<AnswerSheet>();
            var records = new List<TrainingRecord>();
            foreach (var officer in chunk)
            {
                var random = new Random(officer.Id.GetHashCode());
                var (record, creditStream) = Credits(store, officer.Id);
                streams.Add(creditStream);
                records.Add(record);
                credits += creditStream.Events.Count;
                foreach (var session in sessions)
                {
                    if (session.Purpose == ExamPurpose.MakeUp && random.Next(10) != 0) continue;
                    var at = session.Opens.AddHours(random.Next(0, 48)).AddMinutes(random.Next(0, 60));
                    var (doc, sheet, attempt) = Attempt(store, session, officer, questions, at, random);
                    streams.Add(attempt);
                    attemptDocs.Add(doc);
                    sheets.Add(sheet);
                    attempts++;
                    if (doc.Result is not null) graded++;
                }
            }
            events += streams.Sum(s => s.Events.Count);
            await store.BulkInsertEventsAsync(streams, batchSize: 10_000);
            await store.BulkInsertAsync(attemptDocs, BulkInsertMode.InsertsOnly);
            await store.BulkInsertAsync(sheets, BulkInsertMode.InsertsOnly);
            await store.BulkInsertAsync(records, BulkInsertMode.InsertsOnly);
            progress.Write($"\r  {events:N0} events …");
        }
        progress.WriteLine();
        return new(officers.Count, attempts, graded, credits, events);
    }

    /// <summary>The officer's training stream: twenty course credits a year, each folded into the inline snapshot.</summary>
    static (TrainingRecord, StreamAction) Credits(DocumentStore store, Guid officerId)
    {
        var streamId = TrainingRecord.StreamIdFor(officerId);
        var events = new List<ClassHoursCredited>();
        for (var year = FirstYear; year < FirstYear + Years; year++)
            for (var k = 0; k < CreditsPerYear; k++)
            {
                var course = NameBasedId.For($"officer-training/bench/course/{k % 10}");
                var studiedOn = new DateOnly(year, 1 + k * 11 / CreditsPerYear, 10 + k % 15);
                events.Add(new ClassHoursCredited(officerId, TrainingRecord.CreditIdFor(course, officerId, year * 100 + k), studiedOn, 3m,
                    TrainingCategory.PublicLaw, CreditSource.Course, course, $"课程学习（第{k % 10 + 1}课）"));
            }
        var record = TrainingRecord.Create(new Event<ClassHoursCredited>(events[0]) { StreamId = streamId });
        record = events.Skip(1).Aggregate(record, (r, e) => TrainingRecord.Apply(e, r));
        var action = StreamAction.Start(store.Events, streamId, [.. events]);
        action.AggregateType = typeof(TrainingRecord);
        return (record, action);
    }

    /// <summary>One attempt through the app's decider: start, answers (some changed), submit and grade.</summary>
    static (ExamAttempt, AnswerSheet, StreamAction) Attempt(DocumentStore store, ExamSession session, Officer officer,
        IReadOnlyList<ApprovedQuestion> questions, DateTimeOffset at, Random random)
    {
        var id = AttemptIds.For(session.Id, officer.Id, 1);
        var start = (ExamAttemptStarted)AttemptDecider.Decide(new StartAttempt(id, session.Id, officer.Id, true), session, officer, 0,
            PaperDrawer.Draw(session.Blueprint, questions, random.Next()), at).Single();
        var attempt = ExamAttempt.Create(start);
        var answers = AnswerSheet.Create(start);
        var shape = PaperShape.Of(start.Paper);
        var events = new List<object> { start };
        var pass = random.Next(10) != 0;
        foreach (var item in attempt.Paper.Items)
        {
            var changes = random.Next(5) == 0 ? 2 : 1;
            for (var sequence = 1; sequence <= changes; sequence++)
            {
                at = at.AddSeconds(random.Next(20, 90));
                var right = pass ? sequence == changes : sequence != changes;
                IReadOnlyList<int> choice = right ? item.Correct : Wrong(item);
                foreach (var e in AttemptDecider.Decide(new RecordAnswer(id, item.Key, choice, sequence), answers, shape, at))
                {
                    answers = AnswerSheet.Apply((AnswerRecorded)e, answers);
                    events.Add(e);
                }
            }
        }
        foreach (var e in AttemptDecider.Decide(new SubmitAttempt(id), attempt, answers, at.AddMinutes(1)))
        {
            (attempt, answers) = e switch
            {
                ExamAttemptSubmitted s => (ExamAttempt.Apply(s, attempt), AnswerSheet.Apply(s, answers)),
                ExamAttemptTimedOut t => (ExamAttempt.Apply(t, attempt), AnswerSheet.Apply(t, answers)),
                ExamAttemptGraded g => (ExamAttempt.Apply(g, attempt), answers),
                _ => (attempt, answers),
            };
            events.Add(e);
        }
        var action = StreamAction.Start(store.Events, id, [.. events]);
        action.AggregateType = typeof(ExamAttempt);
        return (attempt with { Version = events.Count }, answers with { Version = events.Count }, action);
    }

    static IReadOnlyList<int> Wrong(PaperItem item) =>
        [item.OptionOrder.Where(i => !item.Correct.Contains(i)).DefaultIfEmpty(item.Correct[0]).First()];
}
