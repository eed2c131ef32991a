using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OfficerTraining.EndToEndTests.Harness;
using OfficerTraining.Exams;

namespace OfficerTraining.EndToEndTests.Journeys;

/// <summary>
/// An officer mid-exam in Chromium while the app process is killed, or while PostgreSQL stops: what the page showed
/// as saved is what the database holds, and the attempt goes on with the same deadline. The app runs as an OS process
/// of its own on a cluster of its own (<see cref="ExamStand"/>); the browser is the run's.
/// </summary>
public sealed class when_the_app_or_its_database_fails_mid_exam(E2EApp run, ExamStand stand, ITestOutputHelper output)
    : IClassFixture<ExamStand>
{
    [Fact]
    public async Task after_a_kill_9_and_a_restart_the_reloaded_page_resumes_the_attempt_with_the_same_deadline_and_every_saved_answer()
    {
        var page = await stand.SignedIn(run.Browser, "officer1");
        var attemptId = await OpenExams.StartFromMyExams(page, stand.SessionId);
        var deadline = (await stand.Stored(attemptId)).Attempt.Deadline;
        var shownDeadline = await page.Locator(".exam-clock-deadline").InnerTextAsync();
        var saved = new List<(string Item, int Option)>();
        for (var position = 0; position < 4; position++)
            saved.Add(await Answer(page, position, option: position % 2, expectSaved: true));
        output.WriteLine($"saved before the kill: {string.Join(", ", saved)}");

        await stand.App.KillHard();
        await stand.StartApp();
        await page.GotoAsync($"/exams/attempts/{attemptId}"); // the reload, once the node is back
        await OpenExams.WaitForClock(page);

        (await stand.Stored(attemptId)).Attempt.Deadline.Should().Be(deadline, "the deadline is the server's, kept in the database");
        await Assertions.Expect(page.Locator(".exam-clock-deadline")).ToHaveTextAsync(shownDeadline);
        var before = (deadline - DateTimeOffset.UtcNow).TotalSeconds;
        var shown = Remaining(await page.Locator(".exam-clock-value").InnerTextAsync());
        var after = (deadline - DateTimeOffset.UtcNow).TotalSeconds;
        // The clock ticks once a second and a busy machine renders late: two seconds either way, against the ten or so
        // a kill and a restart take (a deadline started afresh would show them).
        shown.Should().BeInRange(after - 2, before + 2, "the clock counts down to the same deadline");
        foreach (var (item, option) in saved)
            await ShowsSaved(page, item, option);
        (await stand.Stored(attemptId)).Sheet.Answers.Keys.Should().BeEquivalentTo(saved.Select(s => s.Item));
    }

    [Fact]
    public async Task while_postgresql_is_down_the_page_shows_answers_unsaved_and_they_save_by_themselves_once_it_is_back()
    {
        var page = await stand.SignedIn(run.Browser, "officer2");
        var attemptId = await OpenExams.StartFromMyExams(page, stand.SessionId);
        var saved = new List<(string Item, int Option)> { await Answer(page, 0, option: 0, expectSaved: true) };
        await page.EvaluateAsync("() => window.__sameDocument = true"); // gone if the page reloads

        await stand.CrashDatabase();
        var pending = new List<(string Item, int Option)>();
        try
        {
            foreach (var position in new[] { 1, 2 })
            {
                pending.Add(await Answer(page, position, option: 1, expectSaved: false));
                await Assertions.Expect(page.Locator(".exam-save")).ToHaveClassAsync(new Regex(@"\bexam-save-retrying\b"), new() { Timeout = 60_000 });
                await Assertions.Expect(page.Locator(".exam-save")).ToContainTextAsync("未保存");
            }
            await Assertions.Expect(page.Locator(".exam-bar-saves")).ToHaveTextAsync("2 题尚未保存");
            (await LeavingAsksFirst(page)).Should().BeTrue("an answer is still on its way: leaving or reloading asks first");
            (await stand.Stored(attemptId).ContinueWith(t => t.IsFaulted)).Should().BeTrue("the database is down");
        }
        finally
        {
            await stand.Cluster.StartAsync(CancellationToken.None); // the same port: the app's connection string still points there
        }
        await Assertions.Expect(page.Locator(".exam-bar-saves")).ToHaveTextAsync("答案均已保存", new() { Timeout = 60_000 });
        (await page.EvaluateAsync<bool>("() => window.__sameDocument === true")).Should().BeTrue("the saves resumed without a reload");
        (await LeavingAsksFirst(page)).Should().BeFalse("every answer is saved: nothing to lose by leaving");
        saved.AddRange(pending);
        foreach (var (item, option) in saved)
            await ShowsSaved(page, item, option);

        var (sheet, _, events) = await stand.Stored(attemptId);
        sheet.Answers.Keys.Should().BeEquivalentTo(saved.Select(s => s.Item), "every answer the page showed as saved is stored");
        events.Select(e => e.Data).OfType<AnswerRecorded>().Select(e => e.Item).Should()
            .BeEquivalentTo(saved.Select(s => s.Item), "each answer is recorded once: none lost, none duplicated by the retries");
    }

    /// <summary>Opens the item at <paramref name="position"/> of the paper and chooses the option shown at
    /// <paramref name="option"/>; returns the item's key. With <paramref name="expectSaved"/> it waits until the page
    /// says the answer is saved.</summary>
    static async Task<(string Item, int Option)> Answer(IPage page, int position, int option, bool expectSaved)
    {
        var item = (await page.Locator(".exam-nav-list button").Nth(position).InnerTextAsync()).Trim();
        await GoTo(page, item);
        await page.Locator("fieldset.exam-options label.exam-option").Nth(option).ClickAsync();
        await Assertions.Expect(page.Locator("fieldset.exam-options input").Nth(option)).ToBeCheckedAsync();
        if (expectSaved) await Assertions.Expect(page.Locator(".exam-save")).ToContainTextAsync("已保存");
        return (item, option);
    }

    static async Task ShowsSaved(IPage page, string item, int option)
    {
        await GoTo(page, item);
        await Assertions.Expect(page.Locator("fieldset.exam-options input").Nth(option)).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator(".exam-save")).ToHaveClassAsync(new Regex(@"\bexam-save-saved\b"));
        await Assertions.Expect(page.Locator(".exam-save")).ToContainTextAsync("已保存");
    }

    /// <summary>Whether the browser would ask before leaving the page: a beforeunload the page cancels.</summary>
    static Task<bool> LeavingAsksFirst(IPage page) => page.EvaluateAsync<bool>(
        "() => { const e = new Event('beforeunload', { cancelable: true }); dispatchEvent(e); return e.defaultPrevented; }");

    /// <summary>Opens the item with the key <paramref name="item"/> from the navigator.</summary>
    static async Task GoTo(IPage page, string item)
    {
        await page.Locator(".exam-nav-list button").Filter(new() { HasTextRegex = new Regex($@"^\s*{item}\s*$") }).ClickAsync();
        await Assertions.Expect(page.Locator("article.exam-item h2")).ToContainTextAsync($"第 {item} 题");
    }

    /// <summary>The seconds on the exam clock ("29:55" or "1:29:55").</summary>
    static double Remaining(string clock) => clock.Trim().Split(':').Aggregate(0, (total, part) => total * 60 + int.Parse(part));
}
