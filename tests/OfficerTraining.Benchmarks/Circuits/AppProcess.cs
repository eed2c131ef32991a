using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;

namespace OfficerTraining.Benchmarks.Circuits;

/// <summary>What the app's bench-only <c>/_bench/memory</c> returns after a full compacting GC.</summary>
public sealed record MemoryReading(long HeapSizeBytes, long TotalMemoryBytes, long WorkingSetBytes, int Gen2Collections, bool ServerGc);

/// <summary>
/// The real app in its own process: <c>src/OfficerTraining.Web</c> published in Release, run as in Production on a
/// loopback port against the bench cluster's schema. Two settings differ from a production node, both for the bench
/// only: Benchmarks:Diagnostics maps the memory endpoint, and Identity:PasswordHashIterations makes the throwaway
/// accounts cheap to sign in (see README). Its log (warnings and errors, compact JSON) goes to a file.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    Process _process = default!;
    public Uri BaseUri { get; private init; } = default!;
    public string LogPath { get; private init; } = default!;

    public static async Task<AppProcess> Start(string connectionString, string schema, byte[] personalDataSecret,
        int passwordHashIterations, TextWriter progress)
    {
        var repo = RepositoryRoot();
        var output = Path.Combine(AppContext.BaseDirectory, "app");
        progress.WriteLine($"Publishing src/OfficerTraining.Web (Release) to {output} …");
        await Run("dotnet", ["publish", Path.Combine(repo, "src", "OfficerTraining.Web"), "-c", "Release", "-o", output, "--nologo", "-v", "q"]);

        var port = FreePort();
        var app = new AppProcess { BaseUri = new($"http://127.0.0.1:{port}/"), LogPath = Path.Combine(Path.GetTempPath(), $"ot-bench-app-{Environment.ProcessId}.log") };
        var start = new ProcessStartInfo("dotnet", [Path.Combine(output, "OfficerTraining.Web.dll")])
        {
            WorkingDirectory = output, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        var env = start.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["ASPNETCORE_URLS"] = app.BaseUri.ToString().TrimEnd('/');
        env["ConnectionStrings__Marten"] = connectionString;
        env["Marten__Schema"] = schema;
        env["PersonalData__Secret"] = Convert.ToBase64String(personalDataSecret);
        env["DemoData__SeedOnFirstStart"] = "false";
        env["Benchmarks__Diagnostics"] = "true";
        env["Identity__PasswordHashIterations"] = passwordHashIterations.ToString(System.Globalization.CultureInfo.InvariantCulture);
        env["Serilog__MinimumLevel__Default"] = "Warning";
        app._process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
        var log = new StreamWriter(app.LogPath) { AutoFlush = true };
        app._process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        app._process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        await app.WaitHealthy();
        progress.WriteLine($"App (pid {app._process.Id}) listening on {app.BaseUri}, log in {app.LogPath}");
        return app;
    }

    public int ProcessId => _process.Id;

    async Task WaitHealthy()
    {
        using var http = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The app exited with {_process.ExitCode}; see {LogPath}.");
            try
            {
                if ((await http.GetAsync("healthz")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The app did not become healthy; see {LogPath}.");
    }

    public async Task<MemoryReading> Memory(HttpClient http) =>
        (await http.GetFromJsonAsync<MemoryReading>(new Uri(BaseUri, "_bench/memory")))!;

    /// <summary>The app's own CPU time so far (user + system), from /proc.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OfficerTraining.sln"))) return dir.FullName;
        throw new InvalidOperationException("Run the benchmark from the repository (OfficerTraining.sln not found above it).");
    }

    static async Task Run(string file, string[] args)
    {
        // Its output is kept off stdout, which --json reserves for the report.
        using var process = Process.Start(new ProcessStartInfo(file, args)
            { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}):\n{await output}{await errors}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
