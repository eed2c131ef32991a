using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace OfficerTraining.Infrastructure;

/// <param name="DataRoot">Folder that holds <c>data/</c> (the cluster), <c>port</c>, <c>password</c>, <c>server.log</c>
/// and the Unix socket. When running as root every parent folder must be o+x so the postgres user can reach it.</param>
/// <param name="Durable">true for the app's own database (fsync on, scram passwords); false for throwaway test clusters
/// (fsync, synchronous_commit and full_page_writes off, <c>initdb --no-sync</c>, trust authentication).</param>
/// <param name="Port">A fixed port instead of a free one on every start: a server restarted under running clients
/// (the fault tests) must come back where their connection strings point.</param>
/// <param name="ServerSettings">More <c>name=value</c> server settings (e.g. the benchmarks' pg_stat_statements).</param>
public sealed record PostgresClusterOptions(string DataRoot, bool Durable, int? Port = null, IReadOnlyList<string>? ServerSettings = null);

/// <summary>A PostgreSQL cluster made with the installed server binaries (initdb, pg_ctl), listening on 127.0.0.1 only.
/// Used by the app when no connection string is configured and by the integration tests. No Docker.</summary>
public sealed class PostgresCluster(PostgresClusterOptions options)
{
    public const string BinariesMissingMessage =
        "PostgreSQL server binaries not found (looked in /usr/lib/postgresql/*/bin and PATH). " +
        "Install them, e.g. `apt-get install -y postgresql-15`, or configure ConnectionStrings:Marten.";

    readonly string _root = Path.GetFullPath(options.DataRoot);
    string DataDir => Path.Combine(_root, "data");
    string PortFile => Path.Combine(_root, "port");
    string PasswordFile => Path.Combine(_root, "password");
    string LogFile => Path.Combine(_root, "server.log");
    string PidFile => Path.Combine(DataDir, "postmaster.pid");

    public PostgresClusterOptions Options => options;
    /// <summary>The TCP port on 127.0.0.1, known after <see cref="StartAsync"/>.</summary>
    public int Port { get; private set; }
    /// <summary>Whether the last <see cref="StartAsync"/> found the server already running and reused it.</summary>
    public bool ReusedRunningServer { get; private set; }

    /// <summary>The highest-version /usr/lib/postgresql/*/bin with initdb and pg_ctl, else a PATH folder with both.</summary>
    public static string? FindBinDirectory()
    {
        static bool HasTools(string dir) =>
            File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl"));
        static Version VersionOf(string dir) =>
            Version.TryParse(Path.GetFileName(dir) is var n && n.Contains('.') ? n : n + ".0", out var v) ? v : new Version(0, 0);

        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(VersionOf).Select(d => Path.Combine(d, "bin"))
            : [];
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return installed.Concat(onPath).FirstOrDefault(HasTools);
    }

    /// <summary>Starts the cluster (running initdb first if there is none) or reuses the server already running in
    /// DataRoot. Returns an Npgsql connection string for the database <c>postgres</c>.</summary>
    public async Task<string> StartAsync(CancellationToken ct)
    {
        var bin = FindBinDirectory() ?? throw new InvalidOperationException(BinariesMissingMessage);
        Directory.CreateDirectory(_root);
        if (ProcessRunner.IsRoot) await ProcessRunner.EnsurePostgresUserCanReachAsync(_root, ct);
        ReusedRunningServer = false;

        if (File.Exists(Path.Combine(DataDir, "PG_VERSION")))
        {
            var status = await Pg(bin, "pg_ctl", ["status", "-D", DataDir], ct);
            var pid = ReadPostmasterPid();
            var ours = pid is { } p && IsOurPostmaster(p);
            if (status.Succeeded && ours)
            {
                if (int.TryParse(ReadOrNull(PortFile), CultureInfo.InvariantCulture, out var port) && await AnswersAsync(port, ct))
                {
                    (Port, ReusedRunningServer) = (port, true);
                    return ConnectionString();
                }
                await Pg(bin, "pg_ctl", ["stop", "-D", DataDir, "-m", "fast", "-w", "-t", "60"], ct);
            }
            // A crashed server's pid is still taken (an unreaped zombie, or reused by another process): postgres would
            // refuse the lock file. A free pid is left to postgres. Either way postgres itself refuses to start while an
            // orphaned backend still uses the old shared memory (retried below).
            else if (pid is { } q && !ours && Directory.Exists($"/proc/{q}")) File.Delete(PidFile);
        }
        else await InitDbAsync(bin, ct);

        if (ProcessRunner.IsRoot) await ProcessRunner.ChownToPostgresAsync(_root, recursive: true, ct);
        for (var attempt = 1; ; attempt++)
        {
            Port = options.Port ?? FreePort();
            await File.WriteAllTextAsync(PortFile, Port.ToString(CultureInfo.InvariantCulture), ct);
            var socketDir = (_root + "/.s.PGSQL.65535").Length < 100 ? _root : ""; // "" = no Unix socket (path too long)
            var serverOptions = $"-p {Port} -k '{socketDir}' -c listen_addresses=127.0.0.1 -c max_connections=300"
                + (options.Durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off")
                + string.Concat((options.ServerSettings ?? []).Select(setting => $" -c {setting}"));
            var logStart = File.Exists(LogFile) ? new FileInfo(LogFile).Length : 0;
            var result = await Pg(bin, "pg_ctl", ["start", "-D", DataDir, "-l", LogFile, "-w", "-t", "60", "-o", serverOptions], ct);
            if (result.Succeeded) return ConnectionString();

            var log = ProcessRunner.TailOfFile(LogFile, from: logStart);
            // Another process took the port in between, or orphaned backends of a crashed server are still exiting.
            var transient = log.Contains("Address already in use", StringComparison.Ordinal)
                || log.Contains("is still in use", StringComparison.Ordinal);
            if (!transient || attempt == 5)
                throw new InvalidOperationException(
                    $"pg_ctl start failed (exit {result.ExitCode}) for {DataDir}:\n{ProcessRunner.Tail(result.Output)}\n" +
                    $"--- end of {LogFile} ---\n{log}");
            await Task.Delay(TimeSpan.FromSeconds(attempt), ct);
        }
    }

    /// <summary>Stops the server if it runs (fast shutdown, or immediate for a non-durable cluster) and, if asked,
    /// deletes DataRoot.</summary>
    public async Task StopAsync(bool removeData)
    {
        var bin = FindBinDirectory();
        if (bin is not null && ReadPostmasterPid() is { } pid && IsOurPostmaster(pid))
        {
            var mode = options.Durable ? "fast" : "immediate";
            await Pg(bin, "pg_ctl", ["stop", "-D", DataDir, "-m", mode, "-w", "-t", "60"], CancellationToken.None);
        }
        if (removeData && Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    /// <summary>Creates <paramref name="database"/> if it is missing; returns the connection string for it.</summary>
    public async Task<string> EnsureDatabaseAsync(string connectionString, string database, CancellationToken ct = default)
    {
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(ct);
            await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", connection)
            {
                Parameters = { new() { Value = database } },
            };
            if (await exists.ExecuteScalarAsync(ct) is null)
            {
                var quoted = "\"" + database.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
                await using var create = new NpgsqlCommand($"create database {quoted} template template0 encoding 'UTF8'", connection);
                try { await create.ExecuteNonQueryAsync(ct); }
                catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation) { }
            }
        }
        return new NpgsqlConnectionStringBuilder(connectionString) { Database = database }.ConnectionString;
    }

    async Task InitDbAsync(string bin, CancellationToken ct)
    {
        if (Directory.Exists(DataDir) && Directory.EnumerateFileSystemEntries(DataDir).Any())
        {
            if (options.Durable)
                throw new InvalidOperationException(
                    $"{DataDir} exists but holds no PostgreSQL cluster (no PG_VERSION). Move it away or choose another data folder.");
            Directory.Delete(DataDir, recursive: true);
        }
        List<string> args = ["-D", DataDir, "-U", "postgres", "-E", "UTF8", "--no-locale"];
        if (options.Durable)
        {
            var mode = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) mode.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite; // 0600
            await using (var writer = new StreamWriter(PasswordFile, mode)) await writer.WriteAsync(RandomNumberGenerator.GetHexString(32, lowercase: true));
            args.AddRange(["--auth-local=scram-sha-256", "--auth-host=scram-sha-256", "--pwfile=" + PasswordFile]);
        }
        else args.AddRange(["--auth=trust", "--no-sync"]);

        if (ProcessRunner.IsRoot) await ProcessRunner.ChownToPostgresAsync(_root, recursive: true, ct);
        var result = await Pg(bin, "initdb", args, ct);
        if (!result.Succeeded)
            throw new InvalidOperationException($"initdb failed (exit {result.ExitCode}) for {DataDir}:\n{ProcessRunner.Tail(result.Output)}");
    }

    Task<ProcessResult> Pg(string bin, string tool, IEnumerable<string> args, CancellationToken ct) =>
        ProcessRunner.RunAsync(Path.Combine(bin, tool), args, asPostgresUser: true, workingDirectory: _root, ct: ct);

    string ConnectionString()
    {
        var builder = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Database = "postgres", Username = "postgres" };
        if (options.Durable)
            builder.Password = ReadOrNull(PasswordFile)?.Trim()
                ?? throw new InvalidOperationException($"{PasswordFile} is missing; it holds the password of the cluster in {DataDir}.");
        return builder.ConnectionString;
    }

    int? ReadPostmasterPid() =>
        int.TryParse(ReadOrNull(PidFile)?.Split('\n')[0], CultureInfo.InvariantCulture, out var pid) ? pid : null;

    /// <summary>Whether the pid is a postgres server started on this data directory (not a reused pid).</summary>
    bool IsOurPostmaster(int pid) =>
        !Directory.Exists("/proc/self") // no procfs: let pg_ctl judge
        || ReadOrNull($"/proc/{pid}/cmdline")?.Replace('\0', ' ') is { } cmd
           && cmd.Contains("postgres", StringComparison.Ordinal) && cmd.Contains(DataDir, StringComparison.Ordinal);

    static string? ReadOrNull(string path)
    {
        try { return File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try { return ((IPEndPoint)listener.LocalEndpoint).Port; }
        finally { listener.Stop(); }
    }

    static async Task<bool> AnswersAsync(int port, CancellationToken ct)
    {
        using var client = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try { await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token); return true; }
        catch (Exception e) when (e is SocketException || (e is OperationCanceledException && !ct.IsCancellationRequested)) { return false; }
    }
}
