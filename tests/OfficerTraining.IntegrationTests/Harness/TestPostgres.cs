using System.Diagnostics;
using Npgsql;
using OfficerTraining.Infrastructure;

[assembly: AssemblyFixture(typeof(OfficerTraining.IntegrationTests.Harness.TestPostgresCleanup))]

namespace OfficerTraining.IntegrationTests.Harness;

/// <summary>
/// One throwaway PostgreSQL cluster per test run. <see cref="ConnectionString"/> is the env var <c>TEST_PG</c> when it is
/// set (a developer's own server); otherwise a non-durable cluster in <c>/tmp/pgtest-&lt;pid&gt;</c> is started on first use
/// and stopped and deleted when the run ends (assembly fixture, and ProcessExit as a second line). Folders of earlier
/// runs whose process is gone are swept at start, since a test host can be killed before it cleans up.
/// Isolation is a schema per test class: drop it with <see cref="DropSchemaAsync"/>.
/// </summary>
public static class TestPostgres
{
    const string FolderPrefix = "pgtest-";
    static readonly Lazy<string> _connectionString = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    static PostgresCluster? _cluster;

    /// <summary>Npgsql connection string for the database <c>postgres</c> of the run's cluster.</summary>
    public static string ConnectionString => _connectionString.Value;

    public static async Task DropSchemaAsync(string schema)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var quoted = "\"" + schema.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        await using var drop = new NpgsqlCommand($"drop schema if exists {quoted} cascade", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>Stops and deletes the run's cluster, if this process started one. Safe to call more than once.</summary>
    internal static Task StopAsync() =>
        Interlocked.Exchange(ref _cluster, null) is { } started ? started.StopAsync(removeData: true) : Task.CompletedTask;

    static string Start()
    {
        var external = Environment.GetEnvironmentVariable("TEST_PG");
        if (!string.IsNullOrWhiteSpace(external)) return external;

        // Off any synchronization context: this runs inside a Lazy, on whichever test thread comes first.
        return Task.Run(async () =>
        {
            await SweepAbandonedClustersAsync();
            var started = new PostgresCluster(new PostgresClusterOptions(Path.Combine("/tmp", FolderPrefix + Environment.ProcessId), Durable: false));
            await started.StopAsync(removeData: true); // leftovers of an earlier process that had our pid
            _cluster = started;
            AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAsync().GetAwaiter().GetResult();
            var server = await started.StartAsync(CancellationToken.None);
            return new NpgsqlConnectionStringBuilder(server) { IncludeErrorDetail = true }.ConnectionString;
        }).GetAwaiter().GetResult();
    }

    /// <summary>Stops (pg_ctl -m immediate) and deletes /tmp/pgtest-PID[-…] folders whose PID no longer runs.</summary>
    static async Task SweepAbandonedClustersAsync()
    {
        foreach (var folder in Directory.EnumerateDirectories("/tmp", FolderPrefix + "*"))
        {
            var name = Path.GetFileName(folder).AsSpan(FolderPrefix.Length); // "PID" or "PID-…" (PostgresClusterTests)
            if (!int.TryParse(name.IndexOf('-') is var dash and >= 0 ? name[..dash] : name, out var pid)
                || pid == Environment.ProcessId || IsRunning(pid))
                continue;
            try { await new PostgresCluster(new PostgresClusterOptions(folder, Durable: false)).StopAsync(removeData: true); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { } // another run is sweeping it too
        }
    }

    static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException) { return false; }
    }
}

/// <summary>Stops the run's cluster when the test assembly is done (xUnit v3 assembly fixture).</summary>
public sealed class TestPostgresCleanup : IAsyncDisposable
{
    public async ValueTask DisposeAsync() => await TestPostgres.StopAsync();
}
