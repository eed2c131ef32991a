using Npgsql;
using OfficerTraining.Infrastructure;

namespace OfficerTraining.Benchmarks;

/// <summary>
/// A throwaway durable PostgreSQL cluster in <c>/tmp/ot-bench-&lt;pid&gt;</c> (the app's own <see cref="PostgresCluster"/>,
/// fsync and synchronous_commit on, so an acknowledged write is on disk), with one database for the run and the server
/// settings every report prints. Refuses to run on a cluster that is not durable; deleted when disposed.
/// </summary>
public sealed class BenchCluster : IAsyncDisposable
{
    readonly PostgresCluster _cluster;

    BenchCluster(PostgresCluster cluster, string database, IReadOnlyDictionary<string, string> settings) =>
        (_cluster, Database, Settings) = (cluster, database, settings);

    /// <summary>The connection string of the run's database.</summary>
    public string Database { get; }
    public IReadOnlyDictionary<string, string> Settings { get; }
    public string Root => _cluster.Options.DataRoot;
    public string DataDirectory => Path.Combine(Root, "data");

    /// <param name="serverSettings">More server settings, the same for every workload of the run.</param>
    public static async Task<BenchCluster> Start(TextWriter progress, IReadOnlyList<string>? serverSettings = null)
    {
        var cluster = new PostgresCluster(new PostgresClusterOptions($"/tmp/ot-bench-{Environment.ProcessId}", Durable: true,
            ServerSettings: serverSettings));
        progress.WriteLine($"Starting a durable PostgreSQL cluster in {cluster.Options.DataRoot} …");
        try
        {
            var server = await cluster.StartAsync(CancellationToken.None);
            var database = await cluster.EnsureDatabaseAsync(server, "officer_training_bench");
            var settings = await ServerSettings(database);
            if (settings["fsync"] != "on" || settings["synchronous_commit"] != "on")
                throw new InvalidOperationException("The benchmark cluster must be durable (fsync and synchronous_commit on).");
            return new(cluster, database, settings);
        }
        catch
        {
            await cluster.StopAsync(removeData: true);
            throw;
        }
    }

    static async Task<Dictionary<string, string>> ServerSettings(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            "select name, current_setting(name) from pg_settings where name in ('server_version', 'fsync', 'synchronous_commit', " +
            "'full_page_writes', 'wal_sync_method', 'commit_delay', 'commit_siblings', 'shared_buffers', 'max_connections') order by name",
            connection);
        await using var reader = await query.ExecuteReaderAsync();
        var settings = new Dictionary<string, string>();
        while (await reader.ReadAsync()) settings[reader.GetString(0)] = reader.GetString(1);
        return settings;
    }

    public async ValueTask DisposeAsync() => await _cluster.StopAsync(removeData: true);
}
