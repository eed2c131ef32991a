using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;
using OfficerTraining.Infrastructure;
using OfficerTraining.IntegrationTests.Harness;

namespace OfficerTraining.IntegrationTests.Infrastructure;

/// <summary>Real clusters from the installed PostgreSQL binaries, each in its own temp DataRoot, deleted afterwards.</summary>
public sealed class PostgresClusterTests : IAsyncLifetime
{
    // Named like the run's own cluster folder so that TestPostgres sweeps it if this process dies before DisposeAsync.
    readonly string _dataRoot = $"/tmp/pgtest-{Environment.ProcessId}-cluster-{Guid.NewGuid().ToString("N")[..8]}";
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    PostgresCluster NewDurableCluster() => new(new PostgresClusterOptions(_dataRoot, Durable: true));

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await NewDurableCluster().StopAsync(removeData: true);

    [Fact]
    public void FindBinDirectory_finds_initdb_and_pg_ctl()
    {
        var bin = PostgresCluster.FindBinDirectory();

        bin.Should().NotBeNull(PostgresCluster.BinariesMissingMessage);
        File.Exists(Path.Combine(bin!, "initdb")).Should().BeTrue();
        File.Exists(Path.Combine(bin!, "pg_ctl")).Should().BeTrue();
    }

    [Fact]
    public async Task Durable_cluster_answers_select_1_with_a_password_and_fsync_on()
    {
        var cluster = NewDurableCluster();

        var connectionString = await cluster.StartAsync(Ct);

        (await ScalarAsync(connectionString, "select 1")).Should().Be(1);
        (await ScalarAsync(connectionString, "show fsync")).Should().Be("on");
        (await ScalarAsync(connectionString, "show synchronous_commit")).Should().Be("on");
        new NpgsqlConnectionStringBuilder(connectionString).Password.Should().NotBeNullOrEmpty();
        if (!OperatingSystem.IsWindows())
            File.GetUnixFileMode(Path.Combine(_dataRoot, "password")).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var wrongPassword = new NpgsqlConnectionStringBuilder(connectionString) { Password = "wrong" }.ConnectionString;
        await FluentActions.Awaiting(() => ScalarAsync(wrongPassword, "select 1")).Should().ThrowAsync<PostgresException>();
    }

    [Fact]
    public async Task Starting_again_reuses_the_running_server_on_the_same_port_without_initdb()
    {
        var first = NewDurableCluster();
        var firstConnection = await first.StartAsync(Ct);
        await ScalarAsync(firstConnection, "create table marker (id int)");
        var pgVersionWritten = File.GetLastWriteTimeUtc(Path.Combine(_dataRoot, "data", "PG_VERSION"));

        var second = NewDurableCluster(); // as a restarted app would
        var secondConnection = await second.StartAsync(Ct);

        first.ReusedRunningServer.Should().BeFalse();
        second.ReusedRunningServer.Should().BeTrue();
        second.Port.Should().Be(first.Port);
        secondConnection.Should().Be(firstConnection);
        (await ScalarAsync(secondConnection, "select count(*) from marker")).Should().Be(0L);
        File.GetLastWriteTimeUtc(Path.Combine(_dataRoot, "data", "PG_VERSION")).Should().Be(pgVersionWritten);
    }

    [Fact]
    public async Task A_stopped_server_is_started_again_and_keeps_its_data()
    {
        var cluster = NewDurableCluster();
        var connectionString = await cluster.StartAsync(Ct);
        await ScalarAsync(connectionString, "create table answers (id int primary key, answer text); insert into answers values (1, 'B')");

        var stop = await ProcessRunner.RunAsync(Path.Combine(PostgresCluster.FindBinDirectory()!, "pg_ctl"),
            ["stop", "-D", Path.Combine(_dataRoot, "data"), "-m", "fast", "-w"], asPostgresUser: true, workingDirectory: _dataRoot, ct: Ct);
        stop.Succeeded.Should().BeTrue(stop.Output);

        var restarted = NewDurableCluster();
        var again = await restarted.StartAsync(Ct);

        restarted.ReusedRunningServer.Should().BeFalse();
        (await ScalarAsync(again, "select answer from answers where id = 1")).Should().Be("B");
    }

    [Fact]
    public async Task A_crashed_server_with_a_stale_postmaster_pid_is_started_again_and_keeps_committed_data()
    {
        var cluster = NewDurableCluster();
        var connectionString = await cluster.StartAsync(Ct);
        await ScalarAsync(connectionString, "create table answers (id int); insert into answers values (7)");
        var pidFile = Path.Combine(_dataRoot, "data", "postmaster.pid");
        using (var postmaster = Process.GetProcessById(int.Parse(File.ReadLines(pidFile).First())))
        {
            postmaster.Kill(); // SIGKILL: no shutdown, postmaster.pid stays behind
            await postmaster.WaitForExitAsync(Ct);
        }
        File.Exists(pidFile).Should().BeTrue();

        var again = await NewDurableCluster().StartAsync(Ct);

        (await ScalarAsync(again, "select id from answers")).Should().Be(7);
    }

    [Fact]
    public async Task EnsureDatabaseAsync_is_idempotent()
    {
        var cluster = NewDurableCluster();
        var server = await cluster.StartAsync(Ct);

        var first = await cluster.EnsureDatabaseAsync(server, "ot_idempotent", Ct);
        var second = await cluster.EnsureDatabaseAsync(server, "ot_idempotent", Ct);

        second.Should().Be(first);
        (await ScalarAsync(first, "select current_database()")).Should().Be("ot_idempotent");
        (await ScalarAsync(server, "select count(*) from pg_database where datname = 'ot_idempotent'")).Should().Be(1L);
    }

    [Fact]
    public async Task Local_database_is_created_durable_and_its_address_is_logged()
    {
        var logger = new ListLogger();

        var connectionString = await LocalDatabase.EnsureLocalDatabaseAsync(logger, _dataRoot, Ct);
        var again = await LocalDatabase.EnsureLocalDatabaseAsync(logger, _dataRoot, Ct);

        again.Should().Be(connectionString);
        (await ScalarAsync(connectionString, "select current_database()")).Should().Be(LocalDatabase.DatabaseName);
        (await ScalarAsync(connectionString, "show fsync")).Should().Be("on");
        var port = new NpgsqlConnectionStringBuilder(connectionString).Port;
        logger.Lines.Should().HaveCount(2).And.AllBe($"Using local PostgreSQL at 127.0.0.1:{port} (data in {_dataRoot})");
    }

    [Fact]
    public async Task TestPostgres_gives_the_run_a_cluster_and_drops_schemas()
    {
        await ScalarAsync(TestPostgres.ConnectionString, "create schema t_harness_probe");

        await TestPostgres.DropSchemaAsync("t_harness_probe");

        (await ScalarAsync(TestPostgres.ConnectionString, "select count(*) from pg_namespace where nspname = 't_harness_probe'"))
            .Should().Be(0L);
    }

    /// <summary>Without pooling, so a restarted server is never handed a dead pooled connection.</summary>
    static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(Ct);
    }

    sealed class ListLogger : ILogger
    {
        public List<string> Lines { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }
}
