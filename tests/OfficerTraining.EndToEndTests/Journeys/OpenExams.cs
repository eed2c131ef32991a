using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OfficerTraining.EndToEndTests.Harness;
using OfficerTraining.Exams;
using OfficerTraining.Infrastructure;

namespace OfficerTraining.EndToEndTests.Journeys;

/// <summary>
/// What the officer's exam journeys share: an annual review session of their own, open now (scheduled through the app's
/// services, as a trainer would), starting it from 我的考试, and waiting for a Blazor page to be interactive.
/// </summary>
static partial class OpenExams
{
    /// <summary>A fresh annual review session for this year, open from a minute ago for a day, for everyone: the default
    /// paper if the approved bank fills it, else a smaller one.</summary>
    public static async Task<Guid> Schedule(E2EApp app, string label)
    {
        var clock = app.Get<TimeProvider>();
        var now = clock.GetUtcNow();
        var year = ChinaTime.Today(clock).Year;
        var blueprint = Blueprint.Default();
        if ((await app.Get<ApprovedPool>().Shortfalls(blueprint)).Count > 0)
            blueprint = blueprint with
            {
                Sections =
                [
                    new("单选题", OfficerTraining.QuestionBank.QuestionType.Single, QuestionFilter.Any, 5, 8m),
                    new("多选题", OfficerTraining.QuestionBank.QuestionType.Multiple, QuestionFilter.Any, 3, 10m),
                    new("判断题", OfficerTraining.QuestionBank.QuestionType.TrueFalse, QuestionFilter.Any, 5, 6m),
                ],
            };
        var id = Guid.CreateVersion7();
        await app.Get<ExamSessionCommands>().Handle(
            new ScheduleExamSession(id, $"{year}年度行政执法人员年审考试（E2E {label}）", blueprint, ExamPurpose.AnnualReview, year,
                now.AddMinutes(-1), now.AddDays(1), Roster.All),
            new Actor("trainer", [Roles.Trainer]));
        return id;
    }

    /// <summary>Opens 我的考试, starts the session from its card and returns the attempt the page went to.</summary>
    public static async Task<Guid> StartFromMyExams(IPage page, Guid sessionId)
    {
        await page.GotoAsync("/exams");
        var card = page.Locator($"section[aria-labelledby='session-{sessionId}']");
        var start = card.GetByRole(AriaRole.Button, new() { Name = "开始考试", Exact = true });
        await Assertions.Expect(start).ToBeVisibleAsync();
        await ClickUntil(start, () => page.WaitForURLAsync(AttemptUrl(), new() { Timeout = 3_000 }));
        await WaitForClock(page);
        return Guid.Parse(page.Url.Split('/')[^1]);
    }

    /// <summary>The exam clock ticks only in a live circuit (the browser counts down what the circuit hands it): once
    /// it shows a time other than the prerendered one, the page answers clicks.</summary>
    public static async Task WaitForClock(IPage page)
    {
        var clock = page.Locator(".exam-clock-value");
        var shown = await clock.InnerTextAsync();
        await Assertions.Expect(clock).ToHaveTextAsync(new Regex($@"^(?!{Regex.Escape(shown)}$)\d+:\d\d"), new() { Timeout = 10_000 });
    }

    /// <summary>Clicks until the effect shows: a prerendered button does nothing until the page's circuit is up.</summary>
    public static async Task ClickUntil(ILocator target, Func<Task> effect, int tries = 8)
    {
        for (var i = 1; ; i++)
        {
            try
            {
                await target.ClickAsync(new() { Timeout = 3_000 });
            }
            catch (TimeoutException)
            {
                // gone (the page moved on) or disabled while busy: the effect decides
            }
            try
            {
                await effect();
                return;
            }
            catch (TimeoutException) when (i < tries)
            {
            }
        }
    }

    [GeneratedRegex(@"/exams/attempts/[0-9a-f-]{36}$")]
    public static partial Regex AttemptUrl();
}
