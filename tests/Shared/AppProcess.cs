using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OfficerTraining.Shared;

/// <summary>
/// The real app (<c>OfficerTraining.Web.dll</c> run by <c>dotnet</c>) in an OS process of its own, for the test projects
/// that need one: the fault journeys kill it and start it again, the benchmarks read its CPU time. Compiled into each of
/// them (linked in their .csproj). The caller says which build to run (<see cref="Built"/> or <see cref="Published"/>),
/// in which environment and with which settings; nothing here is set for it beyond the address. The app's output goes
/// to a log file, named in every failure.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    readonly Process _process;
    readonly StreamWriter _log;
    public string LogFile { get; }
    public Uri BaseUri { get; }
    public int ProcessId => _process.Id;

    AppProcess(Process process, StreamWriter log, string logFile, Uri baseUri) => (_process, _log, LogFile, BaseUri) = (process, log, logFile, baseUri);

    /// <param name="settings">Configuration keys (<c>Marten:Schema</c>) and values, passed as environment variables.</param>
    /// <param name="applyDatabaseFirst">Run the app's own <c>db-apply</c> first, as a deployment does: Production creates
    /// nothing in the database by itself.</param>
    public static async Task<AppProcess> Start(string dll, string environment, int port, string logFile,
        IReadOnlyDictionary<string, string> settings, bool applyDatabaseFirst, TimeSpan startTimeout)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;

        if (applyDatabaseFirst)
        {
            start.ArgumentList.Add("db-apply");
            using var apply = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
            var (output, errors) = (apply.StandardOutput.ReadToEndAsync(), apply.StandardError.ReadToEndAsync());
            await apply.WaitForExitAsync();
            if (apply.ExitCode != 0) throw new InvalidOperationException($"db-apply failed ({apply.ExitCode}):\n{await output}{await errors}");
            start.ArgumentList.RemoveAt(start.ArgumentList.Count - 1);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        // Not flushed line by line: the benchmarks' app logs thousands of lines a second. Flushed when the file is named
        // in a failure, when the app is killed and when it is disposed; appended to, so a restart continues the file.
        var log = new StreamWriter(logFile, append: true);
        process.OutputDataReceived += (_, e) => { if (e.Data is { } line) lock (log) log.WriteLine(line); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) lock (log) log.WriteLine(line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppProcess(process, log, logFile, new Uri($"http://127.0.0.1:{port}"));
        await app.WaitHealthy(startTimeout);
        return app;
    }

    /// <summary>The app's own CPU time so far (user + system).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>SIGKILL: no shutdown, nothing flushed, as when the machine or the container dies.</summary>
    public async Task KillHard()
    {
        _process.Kill(entireProcessTree: false); // SIGKILL on Linux
        await _process.WaitForExitAsync();
        FlushLog();
    }

    async Task WaitHealthy(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync(); // its last output is in the log
                FlushLog();
                throw new InvalidOperationException($"The app exited with {_process.ExitCode}; see {LogFile}");
            }
            try
            {
                if ((await http.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        FlushLog();
        throw new TimeoutException($"The app did not answer /healthz within {timeout.TotalSeconds:0} s; see {LogFile}");
    }

    void FlushLog()
    {
        lock (_log) _log.Flush();
    }

    /// <summary>src/OfficerTraining.Web/bin/{Configuration}/{tfm}/OfficerTraining.Web.dll, built with the calling
    /// project (which references the app) in its configuration. Outside Development it serves no static files.</summary>
    public static string Built()
    {
        var (own, root) = Folders();
        var dll = Path.Combine(root, "src", "OfficerTraining.Web", "bin", own.Parent!.Name, own.Name, "OfficerTraining.Web.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the app first: dotnet build src/OfficerTraining.Web -c {own.Parent!.Name}", dll);
    }

    /// <summary>src/OfficerTraining.Web published in the calling program's configuration into its output folder's
    /// <c>app/</c>, as a deployment runs it: with its wwwroot (stylesheets, scripts, MudBlazor's assets) in any environment.</summary>
    public static async Task<string> Published()
    {
        var (own, root) = Folders();
        var output = Path.Combine(own.FullName, "app");
        using var publish = Process.Start(new ProcessStartInfo("dotnet",
            ["publish", Path.Combine(root, "src", "OfficerTraining.Web"), "-c", own.Parent!.Name, "-o", output, "--nologo", "-v", "q"])
            { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var (log, errors) = (publish.StandardOutput.ReadToEndAsync(), publish.StandardError.ReadToEndAsync());
        await publish.WaitForExitAsync();
        if (publish.ExitCode != 0) throw new InvalidOperationException($"dotnet publish failed ({publish.ExitCode}):\n{await log}{await errors}");
        return Path.Combine(output, "OfficerTraining.Web.dll");
    }

    /// <summary>The caller's output folder (…/bin/{Configuration}/{tfm}) and the repository's root above it.</summary>
    static (DirectoryInfo Own, string Root) Folders()
    {
        var own = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
        var root = own;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "OfficerTraining.sln"))) root = root.Parent;
        return root is null ? throw new InvalidOperationException($"No OfficerTraining.sln above {own.FullName}") : (own, root.FullName);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        lock (_log) _log.Dispose();
    }
}
