using JasperFx.Events;
using Marten;
using Npgsql;
using OfficerTraining.Exams;

namespace OfficerTraining.IntegrationTests.Exams;

/// <summary>The journal writes its batches past Marten's append API, with one function call into Marten's tables
/// (<see cref="AnswerBatch"/>). What it writes must be what Marten would have written: the events and the answer sheet
/// read, aggregate and rebuild through Marten as its own.</summary>
public class when_the_journal_writes_a_batch(ExamFixture f) : IClassFixture<ExamFixture>
{
    [Fact]
    public async Task its_events_carry_who_and_when_and_the_stored_sheet_is_the_one_marten_aggregates_from_them()
    {
        var session = await f.Schedule();
        var (first, second) = (await f.Start(session, 1), await f.Start(session, 2));
        var journal = f.Get<AnswerJournal>();
        var saved = await Task.WhenAll(
            journal.Save(new RecordAnswer(first, "1", [0], 1), f.Officer(1)),
            journal.Save(new RecordAnswer(second, "1", [1], 1), f.Officer(2)),
            journal.Save(new RecordAnswer(first, "2", [1], 1), f.Officer(1)));
        (await journal.Save(new RecordAnswer(first, "1", [2], 2), f.Officer(1))).Should().Be(AnswerSaveResult.Saved(4));

        saved.Should().OnlyContain(s => s.Status == AnswerSaveStatus.Saved);
        var answers = (await f.Events(first)).OfType<IEvent<AnswerRecorded>>().ToList();
        answers.Select(e => e.Version).Should().Equal(2, 3, 4);
        answers.Should().OnlyContain(e => e.UserName == "officer1" && e.StreamId == first && e.Id != Guid.Empty
            && e.Timestamp > DateTimeOffset.UtcNow.AddMinutes(-5) && e.EventTypeName == "answer_recorded");
        answers.Select(e => e.Sequence).Should().BeInAscendingOrder();
        answers.Select(e => e.Data.Item).Should().Equal("1", "2", "1");

        await using var query = f.Store.QuerySession();
        var stored = await query.LoadAsync<AnswerSheet>(first);
        var aggregated = await query.Events.AggregateStreamAsync<AnswerSheet>(first);
        stored.Should().BeEquivalentTo(aggregated);
        stored.Should().BeEquivalentTo(new
        {
            Version = 4L,
            Answers = new Dictionary<string, int[]> { ["1"] = [2], ["2"] = [1] },
            Sequences = new Dictionary<string, long> { ["1"] = 2, ["2"] = 1 },
        });
        (await query.Events.FetchStreamStateAsync(first))!.Version.Should().Be(4);
        (await f.Answers(second)).Answers.Should().BeEquivalentTo(new Dictionary<string, int[]> { ["1"] = [1] });
    }

    [Fact]
    public async Task a_connection_the_database_dropped_costs_at_most_the_batch_on_it_and_the_officer_s_retry_is_stored_once()
    {
        var id = await f.Start(await f.Schedule(), 3);
        var journal = f.Get<AnswerJournal>();
        (await journal.Save(new RecordAnswer(id, "1", [0], 1), f.Officer(3))).Should().Be(AnswerSaveResult.Saved(2));

        await using (var admin = f.Store.Storage.Database.CreateConnection())
        {
            await admin.OpenAsync();
            // Only this class's schema: other test classes share the database, and their pooled connections too.
            await using var kill = new NpgsqlCommand("""
                select count(pg_terminate_backend(pid)) from pg_stat_activity
                where datname = current_database() and pid <> pg_backend_pid() and query like '%' || $1 || '.ot_record_answers(%'
                """, admin) { Parameters = { new() { Value = f.Schema } } };
            ((long)(await kill.ExecuteScalarAsync())!).Should().BeGreaterThan(0, "the journal writer keeps its connection open");
        }
        var retry = new RecordAnswer(id, "2", [1], 1);
        var failures = 0;
        AnswerSaveResult? result = null;
        for (var tries = 0; result is null && tries < 3; tries++)
        {
            try
            {
                result = await journal.Save(retry, f.Officer(3)); // as the page does: the same answer again
            }
            catch (Exception)
            {
                failures++;
            }
        }

        failures.Should().BeLessThanOrEqualTo(1, "only the batch on the dropped connection fails");
        result.Should().Be(AnswerSaveResult.Saved(3));
        (await f.Events(id)).OfType<IEvent<AnswerRecorded>>().Select(e => e.Data.Item).Should().Equal("1", "2");
    }
}
