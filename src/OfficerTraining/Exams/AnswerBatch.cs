using JasperFx;
using Marten;
using Marten.Events;
using Npgsql;
using NpgsqlTypes;
using Weasel.Postgresql.Functions;

namespace OfficerTraining.Exams;

/// <summary>What one attempt adds to a journal batch: the answers decided on the sheet at <paramref name="ExpectedVersion"/>
/// (none for a retry or a refusal, which still checks the version) and the sheet after them.</summary>
public sealed record AttemptWrite(Guid AttemptId, long ExpectedVersion, AnswerSheet Sheet, IReadOnlyList<(AnswerRecorded Answer, string UserName)> Answers);

/// <summary>
/// Writes a journal batch to Marten's tables with one call of one function, whatever the number of attempts: one round
/// trip, committed by itself. The function moves the attempts' stream versions on (only from the version each was decided
/// on), inserts the new <see cref="AnswerRecorded"/> events and writes the attempts' <see cref="AnswerSheet"/>s, three
/// statements over arrays. Marten's own append costs one call of its append function and one upsert of the inline
/// snapshot per attempt, which made PostgreSQL spend more on an answer than on a bare durable insert (the answers
/// benchmark). The rows are the ones Marten writes itself (its event type
/// names, serializer, event sequence and default tenant; the snapshot's version is the stream's), so Marten reads and
/// projects them as its own. If any attempt's stream is not at the version it was decided on, nothing is written and a
/// <see cref="ConcurrencyException"/> says so. Each journal writer has its own, which keeps its connection open between
/// batches (no pool round and session reset per commit) and opens a new one after any failure.
/// </summary>
public sealed class AnswerBatch : IAsyncDisposable
{
    readonly IDocumentStore _store;
    NpgsqlConnection? _connection;
    long _lastUsed; // Environment.TickCount64 of the last batch on _connection
    readonly ISerializer _serializer;
    readonly string _record, _answerType, _answerDotNetType;

    public AnswerBatch(IDocumentStore store)
    {
        _store = store;
        _serializer = store.Options.Serializer();
        var answers = ((EventGraph)((StoreOptions)store.Options).Events).EventMappingFor(typeof(AnswerRecorded));
        (_answerType, _answerDotNetType) = (answers.EventTypeName, answers.DotNetTypeName);
        _record = $"select {store.Options.DatabaseSchemaName}.{FunctionName}($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)";
    }

    const string FunctionName = "ot_record_answers";

    /// <summary>The function that writes a batch, for the schema (<see cref="ExamsConfiguration"/>): one call, so a batch
    /// is one round trip that PostgreSQL commits by itself (an implicit transaction) unless an attempt moved on, which
    /// raises <c>OT409</c> and writes nothing.</summary>
    public static Function Schema(StoreOptions opts)
    {
        var (events, docs) = (opts.Events.DatabaseSchemaName, opts.DatabaseSchemaName);
        return Function.ForSql($$"""
            CREATE OR REPLACE FUNCTION {{docs}}.{{FunctionName}}(attempt_ids uuid[], expected_versions bigint[],
                new_versions bigint[], event_ids uuid[], event_attempts uuid[], event_versions bigint[], event_bodies jsonb[],
                user_names character varying[], sheet_ids uuid[], sheet_bodies jsonb[], sheet_versions bigint[],
                event_type character varying, event_dotnet_type character varying, tenant character varying,
                sheet_dotnet_type character varying)
             RETURNS void
             LANGUAGE plpgsql
            AS $function$
            DECLARE
                moved integer;
            BEGIN
                UPDATE {{events}}.mt_streams AS s
                SET version = w.version, timestamp = CASE WHEN w.version > w.expected THEN now() ELSE s.timestamp END
                FROM unnest(attempt_ids, expected_versions, new_versions) AS w(id, expected, version)
                WHERE s.id = w.id AND s.version = w.expected AND s.is_archived IS NOT TRUE;
                GET DIAGNOSTICS moved = ROW_COUNT;
                IF moved <> cardinality(attempt_ids) THEN
                    RAISE EXCEPTION '% of % attempts moved on since their answers were decided',
                        cardinality(attempt_ids) - moved, cardinality(attempt_ids) USING ERRCODE = '{{MovedOn}}';
                END IF;

                INSERT INTO {{events}}.mt_events (seq_id, id, stream_id, version, data, type, tenant_id, timestamp,
                    mt_dotnet_type, is_archived, headers, user_name)
                SELECT nextval('{{events}}.mt_events_sequence'), e.id, e.stream_id, e.version, e.data, event_type, tenant,
                    now(), event_dotnet_type, false, 'null'::jsonb, e.user_name
                FROM unnest(event_ids, event_attempts, event_versions, event_bodies, user_names)
                    AS e(id, stream_id, version, data, user_name);

                INSERT INTO {{docs}}.mt_doc_answersheet (id, data, mt_version, mt_dotnet_type, mt_last_modified)
                SELECT w.id, w.data, w.version, sheet_dotnet_type, transaction_timestamp()
                FROM unnest(sheet_ids, sheet_bodies, sheet_versions) AS w(id, data, version)
                ON CONFLICT (id) DO UPDATE SET data = excluded.data, mt_version = excluded.mt_version,
                    mt_dotnet_type = excluded.mt_dotnet_type, mt_last_modified = excluded.mt_last_modified;
            END
            $function$;
            """);
    }

    /// <summary>The SQLSTATE the function raises when an attempt's stream is not at the version it was decided on.</summary>
    const string MovedOn = "OT409";

    /// <summary>Commits <paramref name="writes"/> (at most one per attempt) or nothing.</summary>
    public async Task Write(IReadOnlyList<AttemptWrite> writes, CancellationToken ct)
    {
        if (writes.Count == 0) return;
        try
        {
            await Send(await Connection(ct), writes, ct);
            _lastUsed = Environment.TickCount64;
        }
        catch (Exception e) when (e is not ConcurrencyException) // a conflict is rolled back and leaves it usable
        {
            await DisposeAsync(); // in whatever state the failure left it: the next batch opens another
            throw;
        }
    }

    /// <summary>The writer's connection; after a minute without answers it goes back to the pool, which closes connections
    /// left idle for minutes, so a quiet night does not leave the first batch of the morning on a connection a firewall
    /// dropped meanwhile.</summary>
    async Task<NpgsqlConnection> Connection(CancellationToken ct)
    {
        if (_connection is not null && Environment.TickCount64 - _lastUsed > 60_000) await DisposeAsync();
        if (_connection is not null) return _connection;
        var connection = _store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        return _connection = connection;
    }

    async Task Send(NpgsqlConnection connection, IReadOnlyList<AttemptWrite> writes, CancellationToken ct)
    {
        var changed = writes.Where(w => w.Answers.Count > 0).ToList();
        var answers = changed.SelectMany(w => w.Answers.Select((a, i) => (w.AttemptId, Version: w.ExpectedVersion + 1 + i, a.Answer, a.UserName))).ToList();
        await using var command = new NpgsqlCommand(_record, connection)
        {
            Parameters =
            {
                Array(writes.Select(w => w.AttemptId), NpgsqlDbType.Uuid),
                Array(writes.Select(w => w.ExpectedVersion), NpgsqlDbType.Bigint),
                Array(writes.Select(w => w.ExpectedVersion + w.Answers.Count), NpgsqlDbType.Bigint),
                Array(answers.Select(_ => Guid.CreateVersion7()), NpgsqlDbType.Uuid),
                Array(answers.Select(a => a.AttemptId), NpgsqlDbType.Uuid),
                Array(answers.Select(a => a.Version), NpgsqlDbType.Bigint),
                Array(answers.Select(a => _serializer.ToJson(a.Answer)), NpgsqlDbType.Jsonb),
                Array(answers.Select(a => a.UserName), NpgsqlDbType.Varchar),
                Array(changed.Select(w => w.AttemptId), NpgsqlDbType.Uuid),
                Array(changed.Select(w => _serializer.ToJson(w.Sheet)), NpgsqlDbType.Jsonb),
                Array(changed.Select(w => w.Sheet.Version), NpgsqlDbType.Bigint),
                Text(_answerType), Text(_answerDotNetType), Text(StorageConstants.DefaultTenantId), Text(typeof(AnswerSheet).FullName!),
            },
        };
        try
        {
            await command.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState is MovedOn or PostgresErrorCodes.UniqueViolation)
        {
            // Another writer (a submit, the closer, another node) moved one of the attempts on: nothing was written.
            throw new ConcurrencyException($"{e.MessageText} ({writes.Count} attempts in the batch)");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is null) return;
        await _connection.DisposeAsync();
        _connection = null;
    }

    static NpgsqlParameter Text(string value) => new() { Value = value, NpgsqlDbType = NpgsqlDbType.Varchar };

    static NpgsqlParameter Array<T>(IEnumerable<T> values, NpgsqlDbType type) =>
        new() { Value = values.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | type };
}
