using Npgsql;
using NpgsqlTypes;
using OfficerTraining.Infrastructure;

namespace OfficerTraining.Benchmarks;

/// <summary>
/// Workload (b), the reference: what PostgreSQL itself does with one durable single-row INSERT per acknowledgement
/// (autocommit) into a plain table, with up to <see cref="MaxConnections"/> pooled connections.
/// </summary>
public sealed class RawInserts(NpgsqlDataSource dataSource, IReadOnlyList<Taker> takers) : IAsyncDisposable
{
    /// <summary>The cluster allows 300 connections; the app's store keeps a few. Above this the callers share a pool.</summary>
    public const int MaxConnections = 250;

    public static async Task<RawInserts> Create(string connectionString, int callers, IReadOnlyList<Taker> takers)
    {
        // The app's connection settings, prepared statements included, so the reference gets what the app gets.
        var builder = new NpgsqlConnectionStringBuilder(MartenSetup.WithPreparedStatements(connectionString))
        {
            MaxPoolSize = Math.Min(callers, MaxConnections), MinPoolSize = 0, Timeout = 60,
        };
        var dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        await using var create = dataSource.CreateCommand(
            "create table if not exists raw_answers (id bigserial primary key, attempt uuid not null, item text not null, " +
            "choice int not null, at timestamptz not null)");
        await create.ExecuteNonQueryAsync();
        return new(dataSource, takers);
    }

    public async Task<bool> InsertNext(int caller)
    {
        await using var insert = dataSource.CreateCommand("insert into raw_answers (attempt, item, choice, at) values ($1, $2, $3, $4)");
        insert.Parameters.Add(new() { Value = takers[caller].AttemptId, NpgsqlDbType = NpgsqlDbType.Uuid });
        insert.Parameters.Add(new() { Value = takers[caller].Items[caller % takers[caller].Items.Count] });
        insert.Parameters.Add(new() { Value = caller % 2 });
        insert.Parameters.Add(new() { Value = DateTimeOffset.UtcNow });
        return await insert.ExecuteNonQueryAsync() == 1;
    }

    public async Task<long> Count()
    {
        await using var count = dataSource.CreateCommand("select count(*) from raw_answers");
        return (long)(await count.ExecuteScalarAsync())!;
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
