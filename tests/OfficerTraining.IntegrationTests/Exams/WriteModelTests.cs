using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OfficerTraining.Exams;
using OfficerTraining.IntegrationTests.Harness;

namespace OfficerTraining.IntegrationTests.Exams;

/// <summary>The journal, the closer and the commands decide on what FetchForWriting hands them: it must be the state as
/// last committed, by this session's store or any other.</summary>
public class when_an_attempt_is_written_again(ExamFixture f) : IClassFixture<ExamFixture>
{
    async Task<ExamAttempt> FetchAndWrite(IDocumentStore store, Guid id, Func<ExamAttempt, AnswerSheet, object[]> decide)
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<ExamAttempt>(id);
        stream.Aggregate!.Version.Should().Be(stream.StartingVersion);
        stream.AppendMany(decide(stream.Aggregate, (await session.LoadAsync<AnswerSheet>(id))!));
        await session.SaveChangesAsync();
        return stream.Aggregate;
    }

    /// <summary>Fails with opts.Events.CacheAggregatesForWriting&lt;ExamAttempt&gt;() on Marten 9.58: the second fetch
    /// returned the attempt as before the flag (version 2, nothing flagged) at starting version 3.</summary>
    [Fact]
    public async Task a_fetch_for_writing_sees_the_last_commit()
    {
        var id = await f.Start(await f.Schedule(), 0);
        var now = f.Clock.GetUtcNow();
        await FetchAndWrite(f.Store, id, (a, _) => AttemptDecider.Decide(new FlagAnswer(id, "1", true), a, now));
        (await FetchAndWrite(f.Store, id, (a, answers) => AttemptDecider.Decide(new SubmitAttempt(id), a, answers, now)))
            .Should().BeEquivalentTo(new { Version = 2L, Flagged = new[] { "1" }, Status = AttemptStatus.InProgress });
        (await FetchAndWrite(f.Store, id, (a, answers) => AttemptDecider.Decide(new SubmitAttempt(id), a, answers, now)))
            .Should().BeEquivalentTo(new { Version = 4L, Status = AttemptStatus.Submitted }, "the submit is seen, so nothing more is decided");
        (await f.Events(id)).Should().HaveCount(4);
    }

    [Fact]
    public async Task an_answer_rewrites_the_small_answer_sheet_and_not_the_attempt_with_its_paper_and_a_submit_grades_it()
    {
        var id = await f.Start(await f.Schedule(), 2);
        var started = await f.Attempt(id);
        (await f.Get<AnswerJournal>().Save(new RecordAnswer(id, "1", [0], 1), f.Officer(2))).Should().Be(AnswerSaveResult.Saved(2));
        (await f.Get<AnswerJournal>().Save(new RecordAnswer(id, "2", [0], 1), f.Officer(2))).Should().Be(AnswerSaveResult.Saved(3));

        (await f.Attempt(id)).Should().BeEquivalentTo(started, "the paper is written when the attempt starts, not with each answer");
        (await f.Answers(id)).Should().BeEquivalentTo(new { Version = 3L, Status = AttemptStatus.InProgress,
            Answers = new Dictionary<string, int[]> { ["1"] = [0], ["2"] = [0] } });

        await f.Get<AttemptCommands>().Handle(new SubmitAttempt(id), f.Officer(2));
        var graded = await f.Attempt(id);
        graded.Result!.Marks.Where(m => m.Item is "1" or "2").Should().OnlyContain(m => m.Points == m.Max, "both answers were the key");
        (await f.Answers(id)).Status.Should().Be(AttemptStatus.Submitted);
    }

    /// <summary>Sheets written before the paper's shape left them (a node upgraded during an exam reads them).</summary>
    [Fact]
    public async Task a_sheet_stored_with_the_paper_shape_in_it_still_loads_and_takes_answers()
    {
        var id = await f.Start(await f.Schedule(), 3);
        await using (var connection = new NpgsqlConnection(TestPostgres.ConnectionString))
        {
            await connection.OpenAsync();
            await using var old = new NpgsqlCommand(
                $"update {f.Schema}.mt_doc_answersheet set data = data || '{{\"Options\": {{\"1\": 4}}, \"Multiple\": [\"2\"]}}'::jsonb where id = @id",
                connection);
            old.Parameters.AddWithValue("id", id);
            (await old.ExecuteNonQueryAsync()).Should().Be(1);
        }

        (await f.Get<AnswerJournal>().Save(new RecordAnswer(id, "5", [0, 2], 1), f.Officer(3))).Should().Be(AnswerSaveResult.Saved(2));
        (await f.Answers(id)).Should().BeEquivalentTo(new { Version = 2L, Answers = new Dictionary<string, int[]> { ["5"] = [0, 2] } },
            "the stored fields are skipped: the shape comes from the paper (item 5 is multiple choice)");
    }

    [Fact]
    public async Task the_closers_query_can_use_the_status_and_deadline_index()
    {
        await using var session = f.Store.QuerySession();
        var cutoff = f.Clock.GetUtcNow();
        await using var command = session.Query<ExamAttempt>().Where(a => a.Status == AttemptStatus.InProgress && a.Deadline < cutoff).ToCommand();
        var sql = command.CommandText;
        await using var connection = new NpgsqlConnection(TestPostgres.ConnectionString);
        await connection.OpenAsync();
        await using (var off = new NpgsqlCommand("set enable_seqscan = off", connection)) await off.ExecuteNonQueryAsync();
        command.Connection = connection;
        command.CommandText = "explain " + sql;
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.Add(reader.GetString(0));
        plan.Should().Contain(line => line.Contains("idx_statusdeadline"), "the plan was:\n{0}\nfor:\n{1}", string.Join("\n", plan), sql)
            .And.Contain(line => line.Contains("Index Cond") && line.Contains("Status") && line.Contains("Deadline"), "both columns are searched in the index");
    }

    [Fact]
    public async Task when_another_node_commits_the_same_attempt_first_the_journal_writes_its_saves_again_and_none_is_lost()
    {
        var id = await f.Start(await f.Schedule(), 1);
        var (nodeA, nodeB) = (f.Get<AnswerJournal>(), f.StartHost(f.NewStore()).GetRequiredService<AnswerJournal>());
        var rewrittenBefore = nodeA.Stats.Rewritten + nodeB.Stats.Rewritten;

        // Hold the attempt's rows so that both nodes fetch version 1 and then wait to commit; released, one commit wins.
        Task<AnswerSaveResult>[] saves;
        await using (var held = await AttemptRowLock.Hold(f.Schema, id))
        {
            saves =
            [
                nodeA.Save(new RecordAnswer(id, "1", [0], 1), f.Officer(1)),
                nodeB.Save(new RecordAnswer(id, "2", [0], 1), f.Officer(1)),
            ];
            await held.WaitForBlockedWriters(2);
        }

        (await Task.WhenAll(saves)).Should().OnlyContain(r => r.Status == AnswerSaveStatus.Saved);
        (nodeA.Stats.Rewritten + nodeB.Stats.Rewritten - rewrittenBefore).Should().Be(1, "the node that lost wrote its save again");
        (await f.Answers(id)).Answers.Keys.Should().BeEquivalentTo(["1", "2"]);
    }
}
