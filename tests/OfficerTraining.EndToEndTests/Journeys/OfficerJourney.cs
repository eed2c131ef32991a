using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OfficerTraining.EndToEndTests.Harness;

namespace OfficerTraining.EndToEndTests.Journeys;

public partial class An_officer(E2EApp app)
{
    const string Course = "《中华人民共和国行政处罚法》精讲";

    [Fact]
    public async Task studies_a_lesson_whose_timer_runs_only_while_the_page_is_used_and_seen_then_takes_the_annual_review_exam_through_a_reload()
    {
        await using var journey = Journey.Start(app, "officer");
        var sessionId = await OpenExams.Schedule(app, "officer");
        var page = await journey.As("officer");

        // Home: the officer's own record, reminders and hours.
        await Assertions.Expect(page.Locator("#officer-profile")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("邓思远");
        await journey.Screenshot(page, "officer-home", fullPage: true);

        // 课程学习 → start (or continue) the course → lesson 1.
        await page.GotoAsync("/courses");
        var enter = page.GetByRole(AriaRole.Button, new() { NameRegex = new($"^(开始学习|继续学习)：{Regex.Escape(Course)}$") }).First;
        await Assertions.Expect(enter).ToBeVisibleAsync();
        await OpenExams.ClickUntil(enter, () => page.WaitForURLAsync(new Regex(@"/courses/study/[0-9a-f-]{36}$"), new() { Timeout = 3_000 }));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = Course, Level = 1 })).ToBeVisibleAsync();
        await page.Locator("ol.study-lessons a").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/lessons/"));

        // The study timer counts while the page is visible and used: scroll every few seconds.
        var timer = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "本课时已有效学习" });
        await Assertions.Expect(timer).ToBeVisibleAsync();
        await page.Mouse.MoveAsync(640, 600);
        var wheel = 0;
        async Task Scroll() => await page.Mouse.WheelAsync(0, wheel++ % 2 == 0 ? 400 : -400);
        for (var i = 0; i < 12 && !(await timer.InnerTextAsync()).Contains("计时中"); i++)
        {
            await Scroll();
            await page.WaitForTimeoutAsync(2_500);
        }
        await Assertions.Expect(timer).ToContainTextAsync("计时中");
        var counting = Seconds(await timer.InnerTextAsync());
        for (var i = 0; i < 9; i++)
        {
            await Scroll();
            await page.WaitForTimeoutAsync(3_000);
        }
        var counted = Seconds(await timer.InnerTextAsync());
        counted.Should().BeGreaterThanOrEqualTo(counting + 10, "27 s of scrolling span at least two 10-second beats, each counted");
        await Assertions.Expect(timer).ToContainTextAsync("计时中");
        await journey.Screenshot(page, "lesson");

        // Hidden, as a real background tab reports it: the timer pauses and stays where it was.
        await page.EvaluateAsync("""
            () => {
                Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
                Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
                document.dispatchEvent(new Event('visibilitychange'));
            }
            """);
        await Assertions.Expect(timer).ToContainTextAsync("已暂停", new() { Timeout = 10_000 });
        var paused = Seconds(await timer.InnerTextAsync());
        paused.Should().BeGreaterThanOrEqualTo(counted);
        for (var i = 0; i < 5; i++)
        {
            await Scroll(); // interactions do not count while the page is hidden
            await page.WaitForTimeoutAsync(4_000);
        }
        Seconds(await timer.InnerTextAsync()).Should().Be(paused, "a hidden page earns no study time");
        await Assertions.Expect(timer).ToContainTextAsync("已暂停");

        // The annual review exam: start, answer three questions, each saved.
        var attemptId = await OpenExams.StartFromMyExams(page, sessionId);
        var heading = page.Locator("article.exam-item h2");
        var options = page.Locator("fieldset.exam-options input");
        var answered = new List<(string Heading, int Option)>();
        for (var i = 0; i < 3; i++)
        {
            var title = await heading.InnerTextAsync();
            var option = i % 2;
            await page.Locator("fieldset.exam-options label.exam-option").Nth(option).ClickAsync();
            await Assertions.Expect(page.Locator(".exam-save")).ToContainTextAsync("已保存");
            await Assertions.Expect(options.Nth(option)).ToBeCheckedAsync();
            answered.Add((title, option));
            await page.GetByRole(AriaRole.Button, new() { Name = "下一题", Exact = true }).ClickAsync();
            await Assertions.Expect(heading).Not.ToHaveTextAsync(title);
        }
        await Assertions.Expect(page.Locator(".exam-bar-saves")).ToHaveTextAsync("答案均已保存");

        // Reload mid-exam: the same answers, and the clock runs on from the server's deadline.
        var clock = page.Locator(".exam-clock-value");
        var deadline = await page.Locator(".exam-clock-deadline").InnerTextAsync();
        var before = Remaining(await clock.InnerTextAsync());
        var sinceBefore = Stopwatch.StartNew();
        await page.ReloadAsync();
        page.Url.Should().EndWith($"/exams/attempts/{attemptId}");
        await OpenExams.WaitForClock(page);
        var after = Remaining(await clock.InnerTextAsync());
        var elapsed = sinceBefore.Elapsed.TotalSeconds;
        after.Should().BeInRange(before - elapsed - 3, before - elapsed + 3, "the time left is the server's deadline less now, not a new start");
        await Assertions.Expect(page.Locator(".exam-clock-deadline")).ToHaveTextAsync(deadline);
        var navigator = page.Locator(".exam-nav-list button");
        for (var i = 0; i < answered.Count; i++)
        {
            await Assertions.Expect(navigator.Nth(i)).ToHaveClassAsync(new Regex(@"\banswered\b"));
            await navigator.Nth(i).ClickAsync();
            await Assertions.Expect(heading).ToHaveTextAsync(answered[i].Heading);
            await Assertions.Expect(options.Nth(answered[i].Option)).ToBeCheckedAsync();
            await Assertions.Expect(options.Nth(1 - answered[i].Option)).Not.ToBeCheckedAsync();
            await Assertions.Expect(page.Locator(".exam-save")).ToContainTextAsync("已保存");
        }
        await Assertions.Expect(navigator.Nth(answered.Count)).Not.ToHaveClassAsync(new Regex(@"\banswered\b"));
        await journey.Screenshot(page, "exam"); // after the reload, back on an answered question

        // Submit: the dialog lists what is unanswered; then the result.
        await page.GetByRole(AriaRole.Button, new() { Name = "交卷", Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("题未作答");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "确认交卷", Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"**/exams/attempts/{attemptId}/result", new() { Timeout = 60_000 }); // grading 50 items, with every journey running
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "考试成绩", Level = 1 })).ToBeVisibleAsync();
        var result = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "得分" });
        await Assertions.Expect(result).ToContainTextAsync(new Regex("不及格|及格"));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("年审考试（E2E officer）");
        await journey.Screenshot(page, "exam-result", fullPage: true);
        journey.Passed();
    }

    /// <summary>The seconds in "本课时已有效学习 M 分 S 秒 / 需 N 分钟".</summary>
    static int Seconds(string timer)
    {
        var m = StudiedTime().Match(timer);
        m.Success.Should().BeTrue($"the timer reads minutes and seconds: {timer}");
        return int.Parse(m.Groups[1].Value) * 60 + int.Parse(m.Groups[2].Value);
    }

    /// <summary>The seconds on the exam clock ("1:29:55" or "9:05").</summary>
    static double Remaining(string clock) => clock.Trim().Split(':').Aggregate(0, (total, part) => total * 60 + int.Parse(part));

    [GeneratedRegex(@"已有效学习\s*(\d+)\s*分\s*(\d+)\s*秒")]
    private static partial Regex StudiedTime();
}
