using System.Collections.Concurrent;
using System.Diagnostics;
using HdrHistogram;
using Microsoft.Playwright;

namespace OfficerTraining.Benchmarks.Circuits;

/// <summary>
/// The cross-check: a few officers in real Chromium tabs (Debian's <c>/usr/bin/chromium</c>, driven by Playwright, as
/// the end-to-end journeys do) answering on the same open-loop timetable while the headless officers run. Each click is
/// timed inside the page: <c>performance.now()</c> from the option's click to the badge turning saved, observed by a
/// MutationObserver, i.e. what the officer sees, including blazor.web.js's own work.
/// </summary>
public sealed record BrowserResult(Percentiles SavedLatency, long Errors, IReadOnlyList<string> Problems);

public sealed class BrowserOfficers : IAsyncDisposable
{
    const string ChromiumPath = "/usr/bin/chromium";
    readonly LongHistogram _saved = new(600_000_000, 3);
    IPlaywright _playwright = default!;
    IBrowser _browser = default!;

    public ConcurrentDictionary<Guid, long> SavedByAttempt { get; } = new();
    public long Errors;
    public ConcurrentQueue<string> Problems { get; } = new();

    public static async Task<BrowserOfficers> Launch()
    {
        var officers = new BrowserOfficers { _playwright = await Playwright.CreateAsync() };
        officers._browser = await officers._playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath, Headless = true,
            Args = ["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--disable-dev-shm-usage"],
        });
        return officers;
    }

    /// <summary>This level's figures so far; the next <see cref="Answer"/> starts afresh.</summary>
    public BrowserResult Result()
    {
        lock (_saved)
        {
            var latency = _saved.TotalCount == 0 ? new Percentiles(0, 0, 0, 0)
                : new(_saved.GetValueAtPercentile(50) / 1000.0, _saved.GetValueAtPercentile(99) / 1000.0, _saved.GetMaxValue() / 1000.0, _saved.TotalCount);
            return new(latency, Interlocked.Read(ref Errors), [.. Problems]);
        }
    }

    /// <summary>One tab per officer: open the exam page with the officer's cookie, wait until the circuit ticks the clock
    /// (so the page is interactive), then click answers until <paramref name="until"/>.</summary>
    public async Task Answer(Uri baseUri, IReadOnlyList<(Guid AttemptId, string Cookie)> officers, TimeSpan thinkTime, long until)
    {
        lock (_saved) _saved.Reset();
        Interlocked.Exchange(ref Errors, 0);
        Problems.Clear();
        await Task.WhenAll(officers.Select(async (o, i) =>
        {
            await using var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUri.ToString() });
            await context.AddCookiesAsync([new Cookie { Name = SignInForm.AuthCookie, Value = o.Cookie, Domain = baseUri.Host, Path = "/" }]);
            var page = await context.NewPageAsync();
            try
            {
                await page.GotoAsync($"exams/attempts/{o.AttemptId}");
                await page.EvaluateAsync(WaitInteractive);
                var random = new Random(7_919 * (i + 1));
                var next = Stopwatch.GetTimestamp();
                while (true)
                {
                    next += (long)(-Math.Log(1 - random.NextDouble()) * thinkTime.TotalSeconds * Stopwatch.Frequency);
                    if (next >= until) break;
                    var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
                    if (wait > TimeSpan.Zero) await Task.Delay(wait);
                    var ms = await page.EvaluateAsync<double>(ClickAndWaitSaved);
                    if (ms < 0) throw new TimeoutException("no saved answer within 30 s");
                    lock (_saved) _saved.RecordValue(Math.Max(1, (long)(ms * 1000)));
                    SavedByAttempt.AddOrUpdate(o.AttemptId, 1, (_, n) => n + 1);
                }
            }
            catch (Exception e)
            {
                Interlocked.Increment(ref Errors);
                if (Problems.Count < 10) Problems.Enqueue($"browser {o.AttemptId}: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
            }
        }));
    }

    /// <summary>The clock counts down only once the circuit has handed the browser the time left, so a new figure means
    /// the page is interactive.</summary>
    const string WaitInteractive = """
        () => new Promise((resolve, reject) => {
            const first = document.querySelector('.exam-clock-value')?.textContent;
            const started = performance.now();
            const poll = () => {
                const now = document.querySelector('.exam-clock-value')?.textContent;
                if (now && now !== first) resolve(true);
                else if (performance.now() - started > 60000) reject(new Error('the page did not become interactive'));
                else setTimeout(poll, 50);
            };
            poll();
        })
        """;

    /// <summary>The same choice rule as the headless officers: the radio option not chosen, or the first or second
    /// checkbox by turns. Resolves with the ms from the click to the badge showing saved after it showed saving.</summary>
    const string ClickAndWaitSaved = """
        () => new Promise(resolve => {
            const options = [...document.querySelectorAll('input[id^="answer-"]')].slice(0, 2);
            window.__clicks = (window.__clicks || 0) + 1;
            const target = options[0].type === 'checkbox' ? options[window.__clicks % 2] : options.find(o => !o.checked);
            let sawSaving = false;
            const started = performance.now();
            const check = () => {
                const badge = document.querySelector('.exam-save');
                if (!badge) return;
                if (badge.classList.contains('exam-save-saving') || badge.classList.contains('exam-save-retrying')) sawSaving = true;
                else if (sawSaving && (badge.classList.contains('exam-save-saved') || badge.classList.contains('exam-save-empty'))) {
                    observer.disconnect();
                    resolve(performance.now() - started);
                }
            };
            const observer = new MutationObserver(check);
            observer.observe(document.body, { subtree: true, attributes: true, childList: true, characterData: true });
            setTimeout(() => { observer.disconnect(); resolve(-1); }, 30000);
            target.click();
        })
        """;

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
    }
}
