using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OfficerTraining.Benchmarks;

/// <summary>
/// The real app (OfficerTraining.Web, published in the same configuration as this program) in a process of its own, in
/// Production, on the benchmark's schema, with no demo data. Some settings differ from a deployment, all for the
/// benchmark only: the verification and sign-in rate limits are raised so the load generator (one client address) is
/// never refused, cookies are not marked Secure (the loopback is plain HTTP), and <c>/bench/trivial</c> is mapped; the
/// caller may add more (see the benchmarks' README). Its log goes to a file.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    public required Process Process { get; init; }
    public required Uri BaseUri { get; init; }
    public required string LogFile { get; init; }
    public required StreamWriter Log { get; init; }

    public static async Task<AppProcess> Start(string connectionString, string schema, string logFile,
        IReadOnlyDictionary<string, string>? extraSettings = null)
    {
        var dll = await Published();
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        var env = start.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        env["ConnectionStrings__Marten"] = connectionString;
        env["Marten__Schema"] = schema;
        env["PersonalData__Secret"] = Convert.ToBase64String(ExamDay.PersonalDataSecret);
        env["DemoData__SeedOnFirstStart"] = "false";
        env["Verification__PermitPerMinute"] = "1000000000"; // the bench's one address would otherwise get 429 after 30
        env["SignIn__PermitPerMinutePerAddress"] = "1000000000";
        env["Security__SecureCookies"] = "false";
        env["Benchmarks__Endpoints"] = "true";
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string>()) env[key.Replace(":", "__", StringComparison.Ordinal)] = value;

        // As a deployment does: the app's own db-apply first, for what the web host adds to the schema (e.g. the
        // data-protection keys) beyond what the benchmark created.
        start.ArgumentList.Add("db-apply");
        using (var apply = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"))
        {
            var output = apply.StandardOutput.ReadToEndAsync();
            var errors = apply.StandardError.ReadToEndAsync();
            await apply.WaitForExitAsync();
            if (apply.ExitCode != 0) throw new InvalidOperationException($"db-apply failed ({apply.ExitCode}):\n{await output}{await errors}");
        }
        start.ArgumentList.RemoveAt(start.ArgumentList.Count - 1);

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var log = new StreamWriter(logFile) { AutoFlush = false };
        process.OutputDataReceived += (_, e) => { if (e.Data is { } line) lock (log) log.WriteLine(line); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) lock (log) log.WriteLine(line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppProcess { Process = process, BaseUri = new Uri($"http://127.0.0.1:{port}"), LogFile = logFile, Log = log };
        await app.WaitHealthy(TimeSpan.FromSeconds(90));
        return app;
    }

    public int ProcessId => Process.Id;

    /// <summary>The app's own CPU time so far (user + system).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            Process.Refresh();
            return Process.TotalProcessorTime;
        }
    }

    async Task WaitHealthy(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (Process.HasExited) throw new InvalidOperationException($"The app exited with {Process.ExitCode}; see {LogFile}");
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

    /// <summary>src/OfficerTraining.Web published in this program's configuration, as a deployment runs it: a build
    /// output alone has no wwwroot outside Development (no stylesheets, scripts or MudBlazor's assets).</summary>
    static async Task<string> Published()
    {
        var own = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));   // …/tests/OfficerTraining.Benchmarks/bin/Release/net10.0
        var configuration = own.Parent!.Name;
        var root = own;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "OfficerTraining.sln"))) root = root.Parent;
        if (root is null) throw new InvalidOperationException($"No OfficerTraining.sln above {own.FullName}");
        var output = Path.Combine(own.FullName, "app");
        using var publish = Process.Start(new ProcessStartInfo("dotnet",
            ["publish", Path.Combine(root.FullName, "src", "OfficerTraining.Web"), "-c", configuration, "-o", output, "--nologo", "-v", "q"])
            { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var (log, errors) = (publish.StandardOutput.ReadToEndAsync(), publish.StandardError.ReadToEndAsync());
        await publish.WaitForExitAsync();
        if (publish.ExitCode != 0) throw new InvalidOperationException($"dotnet publish failed ({publish.ExitCode}):\n{await log}{await errors}");
        return Path.Combine(output, "OfficerTraining.Web.dll");
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            await Process.WaitForExitAsync();
        }
        Process.Dispose();
        lock (Log) Log.Dispose();
    }
}
