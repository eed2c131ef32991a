using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Text;

namespace OfficerTraining.Infrastructure;

/// <summary>The outcome of a finished process: its exit code and its stdout and stderr, interleaved.</summary>
public sealed record ProcessResult(int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;
}

/// <summary>Runs command-line tools (initdb, pg_ctl, chown) and collects their output. PostgreSQL's tools refuse to run
/// as root, so <see cref="RunAsync"/> can run them as the <c>postgres</c> system user through <c>runuser</c>.</summary>
public static class ProcessRunner
{
    /// <summary>Running as root (never on Windows): PostgreSQL's tools must then run as the postgres user.</summary>
    [UnsupportedOSPlatformGuard("windows")]
    public static bool IsRoot { get; } = !OperatingSystem.IsWindows() && (Environment.UserName == "root" || EffectiveUserIdIsZero());

    [DllImport("libc", EntryPoint = "geteuid")]
    static extern uint GetEffectiveUserId();

    static bool EffectiveUserIdIsZero()
    {
        try { return GetEffectiveUserId() == 0; }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { return false; }
    }

    public static async Task<ProcessResult> RunAsync(
        string fileName, IEnumerable<string> arguments, bool asPostgresUser = false,
        string? workingDirectory = null, CancellationToken ct = default)
    {
        var start = new ProcessStartInfo
        {
            FileName = fileName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            // The postgres user may not be able to enter the caller's directory (e.g. /root).
            WorkingDirectory = workingDirectory ?? "/",
        };
        if (asPostgresUser && IsRoot)
        {
            start.FileName = File.Exists("/usr/sbin/runuser") ? "/usr/sbin/runuser" : "runuser";
            foreach (var a in (string[])["-u", "postgres", "--", fileName]) start.ArgumentList.Add(a);
        }
        foreach (var a in arguments) start.ArgumentList.Add(a);

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or FileNotFoundException)
        {
            return new ProcessResult(127, $"could not start {start.FileName}: {e.Message}");
        }
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            throw;
        }
        lock (output) return new ProcessResult(process.ExitCode, output.ToString());
    }

    /// <summary>chown (-R) postgres:postgres, for folders the server (run as postgres because we are root) must own.</summary>
    public static async Task ChownToPostgresAsync(string path, bool recursive, CancellationToken ct)
    {
        var result = await RunAsync("chown", recursive ? ["-R", "postgres:postgres", path] : ["postgres:postgres", path], ct: ct);
        if (!result.Succeeded)
            throw new InvalidOperationException($"chown postgres:postgres {path} failed:\n{Tail(result.Output)}");
    }

    /// <summary>As root: checks that the postgres user exists and can traverse every parent folder of <paramref name="path"/>.</summary>
    [UnsupportedOSPlatform("windows")]
    public static async Task EnsurePostgresUserCanReachAsync(string path, CancellationToken ct)
    {
        if (!(await RunAsync("id", ["-u", "postgres"], ct: ct)).Succeeded)
            throw new InvalidOperationException(
                "Running as root, so PostgreSQL must run as the 'postgres' system user, which does not exist. " +
                "Install postgresql-15 (it creates the user) or run `useradd --system postgres`.");
        for (var dir = Path.GetDirectoryName(Path.GetFullPath(path)); dir is not null; dir = Path.GetDirectoryName(dir))
            if (!File.GetUnixFileMode(dir).HasFlag(UnixFileMode.OtherExecute))
                throw new InvalidOperationException(
                    $"The postgres user cannot reach {path}: {dir} is not o+x. Choose a data folder under /var/lib or /tmp.");
    }

    /// <summary>The last <paramref name="lines"/> lines of a text, for error messages.</summary>
    public static string Tail(string text, int lines = 25) =>
        string.Join('\n', text.TrimEnd().Split('\n').TakeLast(lines));

    /// <summary>The last lines of a log file (only what follows byte <paramref name="from"/>), or why it can't be read.</summary>
    public static string TailOfFile(string path, int lines = 25, long from = 0)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            stream.Seek(Math.Min(from, stream.Length), SeekOrigin.Begin);
            using var reader = new StreamReader(stream);
            return Tail(reader.ReadToEnd(), lines);
        }
        catch (IOException e) { return $"({path}: {e.Message})"; }
        catch (UnauthorizedAccessException e) { return $"({path}: {e.Message})"; }
    }
}
