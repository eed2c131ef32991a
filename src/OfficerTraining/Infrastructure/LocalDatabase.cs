using Microsoft.Extensions.Logging;

namespace OfficerTraining.Infrastructure;

/// <summary>The app's own PostgreSQL when no <c>ConnectionStrings:Marten</c> is configured: a durable cluster in a
/// per-user data folder, started on first use and reused while it runs.</summary>
public static class LocalDatabase
{
    public const string DatabaseName = "officer_training";

    /// <summary>As root <c>/var/lib/officer-training/postgres</c>; otherwise <c>$XDG_DATA_HOME/officer-training/postgres</c>
    /// or <c>~/.local/share/officer-training/postgres</c>.</summary>
    public static string DefaultDataRoot()
    {
        if (ProcessRunner.IsRoot) return "/var/lib/officer-training/postgres";
        var dataHome = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        if (string.IsNullOrWhiteSpace(dataHome))
            dataHome = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(dataHome, "officer-training", "postgres");
    }

    /// <summary>Starts (or reuses) the local cluster, creates the database <c>officer_training</c> if it is missing and
    /// returns its connection string.</summary>
    public static Task<string> EnsureLocalDatabaseAsync(ILogger logger, CancellationToken ct) =>
        EnsureLocalDatabaseAsync(logger, DefaultDataRoot(), ct);

    internal static async Task<string> EnsureLocalDatabaseAsync(ILogger logger, string dataRoot, CancellationToken ct)
    {
        const UnixFileMode mode0755 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        if (ProcessRunner.IsRoot)
        {
            // The server runs as the postgres user, which must be able to reach and own the folder.
            var parent = Path.GetDirectoryName(Path.GetFullPath(dataRoot));
            if (parent is not null && !Directory.Exists(parent)) Directory.CreateDirectory(parent, mode0755);
            if (!Directory.Exists(dataRoot)) Directory.CreateDirectory(dataRoot, mode0755);
            await ProcessRunner.ChownToPostgresAsync(dataRoot, recursive: false, ct);
        }
        else Directory.CreateDirectory(dataRoot);

        var cluster = new PostgresCluster(new PostgresClusterOptions(dataRoot, Durable: true));
        var server = await cluster.StartAsync(ct);
        var connectionString = await cluster.EnsureDatabaseAsync(server, DatabaseName, ct);
        logger.LogInformation("Using local PostgreSQL at 127.0.0.1:{Port} (data in {DataRoot})", cluster.Port, Path.GetFullPath(dataRoot));
        return connectionString;
    }
}
