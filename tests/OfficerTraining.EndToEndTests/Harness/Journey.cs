using Microsoft.Playwright;

namespace OfficerTraining.EndToEndTests.Harness;

/// <summary>
/// One journey's browser context: a page per person, screenshots saved under the project's <c>screenshots/</c> folder
/// (the README shows some of them), and a Playwright trace kept only when the journey fails. Every page reports what the
/// Content-Security-Policy refused (its securitypolicyviolation events and the browser's console): a journey with a
/// refusal does not pass, so every journey proves its pages run under the policy.
/// </summary>
public sealed class Journey : IAsyncDisposable
{
    readonly E2EApp _app;
    readonly string _name;
    readonly List<IBrowserContext> _contexts = [];
    readonly List<string> _refusals = [];
    bool _passed;

    /// <summary>What the browser refused under the security headers so far, in this journey's pages.</summary>
    public IReadOnlyList<string> Refusals { get { lock (_refusals) return [.. _refusals]; } }

    /// <summary>Forgets the refusals seen so far: for a journey that provokes some on purpose.</summary>
    public void ForgetRefusals() { lock (_refusals) _refusals.Clear(); }

    void Refused(string what) { lock (_refusals) _refusals.Add(what); }

    Journey(E2EApp app, string name) => (_app, _name) = (app, name);

    public static Journey Start(E2EApp app, string name) => new(app, name);

    public string Url(string path) => _app.BaseUrl + path;

    /// <summary>A fresh browser context (its own cookies) signed in as <paramref name="user"/>, or anonymous when null.</summary>
    public async Task<IPage> As(string? user, int width = 1280, int height = 900, string locale = "zh-CN")
    {
        var context = await _app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale,
            BaseURL = _app.BaseUrl,
        });
        await context.Tracing.StartAsync(new TracingStartOptions { Screenshots = true, Snapshots = true, Title = $"{_name} {user}" });
        _contexts.Add(context);
        context.SetDefaultTimeout(30_000);
        await WatchSecurityPolicy(context);
        var page = await context.NewPageAsync();
        if (user is null) return page;
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", E2EApp.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login"));
        return page;
    }

    /// <summary>The page's securitypolicyviolation events, reported through a binding (Playwright's init script and
    /// binding run outside the page's policy), and the console's policy errors, which also cover what is refused before
    /// any script runs.</summary>
    async Task WatchSecurityPolicy(IBrowserContext context)
    {
        await context.ExposeBindingAsync("__otReportRefusal", (BindingSource source, string what) => Refused($"{source.Page?.Url}: {what}"));
        await context.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', e =>
                window.__otReportRefusal(`${e.effectiveDirective} refused ${e.blockedURI || 'inline'} (${e.sourceFile || ''}:${e.lineNumber})`));
            """);
        context.Console += (_, message) =>
        {
            if (message.Type == "error" && (message.Text.Contains("Content Security Policy") || message.Text.Contains("Permissions-Policy")))
                Refused($"{message.Page?.Url}: console: {message.Text}");
        };
    }

    /// <summary>Goes to <paramref name="path"/> and waits until the page is live: a server-rendered page shows before its
    /// circuit connects, and a click or a keystroke before that is lost.</summary>
    public static async Task Open(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('*')].some(e => [...e.attributes].some(a => a.name.startsWith('_bl_')))");
    }

    /// <summary>Saves a full-page screenshot as screenshots/<paramref name="name"/>.png.</summary>
    public Task Screenshot(IPage page, string name, bool fullPage = false) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folders.Screenshots, name + ".png"), FullPage = fullPage });

    /// <summary>Marks the journey passed, if the browser refused nothing under the security policy: its traces are then
    /// dropped.</summary>
    public void Passed()
    {
        Refusals.Should().BeEmpty("every page of a journey runs under the Content-Security-Policy without a refusal");
        _passed = true;
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = 0; i < _contexts.Count; i++)
        {
            var trace = _passed ? null : Path.Combine(Folders.Traces, $"{_name}-{i}.zip");
            await _contexts[i].Tracing.StopAsync(new TracingStopOptions { Path = trace });
            await _contexts[i].CloseAsync();
        }
    }
}

/// <summary>Where journeys write: screenshots into the repository (refreshed by every run), traces of failures into the
/// test output.</summary>
public static class Folders
{
    static readonly string Root = FindRoot();

    public static string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(Root, "tests", "OfficerTraining.EndToEndTests", "screenshots")).FullName;

    public static string Traces { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "traces")).FullName;

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OfficerTraining.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No OfficerTraining.sln above {AppContext.BaseDirectory}.");
    }
}
