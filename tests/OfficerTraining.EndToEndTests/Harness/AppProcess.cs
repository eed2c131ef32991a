using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OfficerTraining.EndToEndTests.Harness;

/// <summary>
/// The real app (the built <c>OfficerTraining.Web.dll</c>, run by <c>dotnet</c>) in an OS process of its own, so a test
/// can <c>kill -9</c> it. Development (static assets come from the build output's manifest, schema changes apply at start),
/// no demo data, on the given database and schema, at a fixed port (a restart comes back where the browser points).
/// Its output goes to a log file, named in every failure.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    readonly Process _process;
    readonly StreamWriter _log;
    public string LogFile { get; }
    public Uri BaseUri { get; }

    AppProcess(Process process, StreamWriter log, string logFile, Uri baseUri) => (_process, _log, LogFile, BaseUri) = (process, log, logFile, baseUri);

    public static async Task<AppProcess> Start(string connectionString, string schema, byte[] personalDataSecret, int port, string logFile)
    {
        var dll = WebAssembly();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        var env = start.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Development";
        env["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        env["ConnectionStrings__Marten"] = connectionString;
        env["Marten__Schema"] = schema;
        env["PersonalData__Secret"] = Convert.ToBase64String(personalDataSecret);
        env["DemoData__SeedOnFirstStart"] = "false";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is { } line) lock (log) log.WriteLine(line); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) lock (log) log.WriteLine(line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppProcess(process, log, logFile, new Uri($"http://127.0.0.1:{port}"));
        await app.WaitHealthy(TimeSpan.FromSeconds(120));
        return app;
    }

    /// <summary>SIGKILL: no shutdown, nothing flushed, as when the machine or the container dies.</summary>
    public async Task KillHard()
    {
        _process.Kill(entireProcessTree: false); // SIGKILL on Linux
        await _process.WaitForExitAsync();
    }

    async Task WaitHealthy(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The app exited with {_process.ExitCode}; see {LogFile}");
            try
            {
                if ((await http.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The app did not answer /healthz within {timeout.TotalSeconds:0} s; see {LogFile}");
    }

    /// <summary>src/OfficerTraining.Web/bin/{Configuration}/{tfm}/OfficerTraining.Web.dll: built with this project,
    /// which references it.</summary>
    static string WebAssembly()
    {
        var own = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
        var (tfm, configuration) = (own.Name, own.Parent!.Name);
        var root = own;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "OfficerTraining.sln"))) root = root.Parent;
        if (root is null) throw new InvalidOperationException($"No OfficerTraining.sln above {own.FullName}");
        var dll = Path.Combine(root.FullName, "src", "OfficerTraining.Web", "bin", configuration, tfm, "OfficerTraining.Web.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the app first: dotnet build src/OfficerTraining.Web -c {configuration}", dll);
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
