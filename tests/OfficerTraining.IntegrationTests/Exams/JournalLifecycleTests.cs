using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using OfficerTraining.Exams;
using OfficerTraining.Infrastructure;
using OfficerTraining.IntegrationTests.Harness;

namespace OfficerTraining.IntegrationTests.Exams;

public class when_the_journal_stops_or_the_database_fails(ExamFixture f) : IClassFixture<ExamFixture>
{
    [Fact]
    public async Task saves_already_queued_are_written_before_it_stops_and_later_ones_are_not_taken()
    {
        var id = await f.Start(await f.Schedule(), 0);
        var journal = f.StartHost(f.NewStore()).GetRequiredService<AnswerJournal>();
        var queued = Enumerable.Range(1, 10).Select(i => journal.Save(new RecordAnswer(id, $"{i}", [0], 1), f.Officer(0))).ToList();

        await journal.StopAsync(CancellationToken.None);

        (await Task.WhenAll(queued)).Should().OnlyContain(r => r.Status == AnswerSaveStatus.Saved);
        (await f.Answers(id)).Answers.Should().HaveCount(10);
        var late = () => journal.Save(new RecordAnswer(id, "1", [1], 2), f.Officer(0));
        await late.Should().ThrowAsync<InvalidOperationException>();
    }

    [Fact]
    public async Task a_save_stuck_in_the_database_when_the_host_stops_waiting_is_cancelled_not_lost()
    {
        var id = await f.Start(await f.Schedule(), 1);
        var journal = f.StartHost(f.NewStore()).GetRequiredService<AnswerJournal>();
        Task<AnswerSaveResult> stuck;
        await using (var held = await AttemptRowLock.Hold(f.Schema, id))
        {
            stuck = journal.Save(new RecordAnswer(id, "1", [0], 1), f.Officer(1));
            await held.WaitForBlockedWriters(1);
            using var hostGivesUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
            await journal.StopAsync(hostGivesUp.Token);
            await stuck.Invoking(s => s).Should().ThrowAsync<OperationCanceledException>();
        }
        (await f.Answers(id)).Answers.Should().BeEmpty("the page never showed it as saved, and will send it again");
    }

    [Fact]
    public async Task a_failed_batch_fails_its_waiters_and_the_writer_goes_on()
    {
        using var down = DocumentStore.For(o => o.ConfigureOfficerTraining("Host=127.0.0.1;Port=1;Username=nobody;Timeout=2", f.Schema));
        await using var journal = new AnswerJournal(down, f.Clock, NullLogger<AnswerJournal>.Instance, AnswerJournalOptions.Default);
        var save = () => journal.Save(new RecordAnswer(Guid.NewGuid(), "1", [0], 1), f.Officer(2));

        await save.Should().ThrowAsync<NpgsqlException>();
        await save.Should().ThrowAsync<NpgsqlException>("the writer loop survived the first failure");
    }
}

/// <summary>Holds an attempt's stream row and snapshot row, so writers of that attempt fetch and then wait to commit.</summary>
public sealed class AttemptRowLock : IAsyncDisposable
{
    readonly NpgsqlConnection _connection;
    readonly NpgsqlTransaction _transaction;
    readonly string _schema;

    AttemptRowLock(NpgsqlConnection connection, NpgsqlTransaction transaction, string schema) =>
        (_connection, _transaction, _schema) = (connection, transaction, schema);

    public static async Task<AttemptRowLock> Hold(string schema, Guid attemptId)
    {
        var connection = new NpgsqlConnection(TestPostgres.ConnectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var hold = new NpgsqlCommand(
            $"select 1 from {schema}.mt_streams where id = @id for update; select 1 from {schema}.mt_doc_examattempt where id = @id for update",
            connection, transaction);
        hold.Parameters.AddWithValue("id", attemptId);
        await hold.ExecuteNonQueryAsync();
        return new AttemptRowLock(connection, transaction, schema);
    }

    public async Task WaitForBlockedWriters(int count)
    {
        await using var connection = new NpgsqlConnection(TestPostgres.ConnectionString);
        await connection.OpenAsync();
        await using var waiting = new NpgsqlCommand(
            $"select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like '%{_schema}%'", connection);
        for (var tries = 0; tries < 200; tries++)
        {
            if ((long)(await waiting.ExecuteScalarAsync())! >= count) return;
            await Task.Delay(25);
        }
        throw new TimeoutException($"Fewer than {count} writers waited on the held attempt.");
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.RollbackAsync();
        await _connection.DisposeAsync();
    }
}
