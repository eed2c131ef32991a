using System.Text;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using OfficerTraining.EndToEndTests.Harness;
using OfficerTraining.Exams;
using OfficerTraining.Infrastructure;
using OfficerTraining.QuestionBank;

namespace OfficerTraining.EndToEndTests.Journeys;

/// <summary>
/// axe-core (WCAG 2.0/2.1/2.2 A and AA rules) over the key pages of every role, and the exam taken by keyboard alone.
/// Serious and critical violations fail; moderate and minor ones are written to the test output.
/// </summary>
public class Accessibility(E2EApp app)
{
    static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
    static readonly Actor Trainer = new("trainer", [Roles.Trainer]);

    [Fact]
    public async Task the_key_pages_have_no_serious_or_critical_axe_violations()
    {
        await using var journey = Journey.Start(app, "accessibility-axe");
        var audit = new AxeAudit();

        var anonymous = await journey.As(null);
        await anonymous.GotoAsync("/account/login");
        await audit.Check(anonymous, "login");

        var officer = await journey.As("officer");
        await Settled(officer);
        await audit.Check(officer, "officer home");

        await officer.GotoAsync("/courses");
        await Settled(officer);
        await audit.Check(officer, "courses");
        var study = officer.Locator("a[href^='/courses/study/']");
        if (await study.CountAsync() == 0)
        {
            await officer.GetByRole(AriaRole.Button, new() { NameRegex = new("^开始学习") }).First.ClickAsync();
            await officer.WaitForURLAsync(url => url.Contains("/courses/study/"));
        }
        else await study.First.ClickAsync();
        await officer.WaitForURLAsync(url => url.Contains("/courses/study/"));
        await officer.Locator("a[href*='/lessons/']").First.ClickAsync();
        await officer.WaitForURLAsync(url => url.Contains("/lessons/"));
        await Settled(officer);
        await audit.Check(officer, "lesson");

        var title = "无障碍检查考试 " + Guid.NewGuid().ToString("N")[..6];
        var session = await ScheduleOpenExam(title);
        await officer.GotoAsync("/exams");
        await Settled(officer);
        await audit.Check(officer, "my exams");
        await StartExam(officer, session);
        await audit.Check(officer, "exam");

        var trainer = await journey.As("trainer");
        await trainer.GotoAsync("/questions");
        await Settled(trainer);
        await audit.Check(trainer, "question bank");
        await trainer.Locator("a[href^='/questions/']").Filter(new() { HasTextRegex = new(@"\d") }).First.ClickAsync();
        await trainer.WaitForURLAsync(url => url.Contains("/questions/") && !url.EndsWith("/questions"));
        await Settled(trainer);
        await audit.Check(trainer, "question");

        var office = await journey.As("certofficer");
        await office.GotoAsync("/certificates");
        await Settled(office);
        await audit.Check(office, "certificate register");
        var number = (await office.Locator("a[href^='/certificates/']").Filter(new() { HasTextRegex = new("^豫") }).First.InnerTextAsync()).Trim();

        var citizen = await journey.As(null, 390, 844);
        await citizen.GotoAsync("/verify?number=" + Uri.EscapeDataString(number));
        await Settled(citizen);
        await audit.Check(citizen, "verification (demo certificate)");
        await citizen.GotoAsync("/verify/not-a-real-token");
        await Settled(citizen);
        await audit.Check(citizen, "verification (unknown token)");

        var supervisor = await journey.As("supervisor");
        await supervisor.GotoAsync("/reports/compliance");
        await Settled(supervisor);
        await audit.Check(supervisor, "compliance dashboard");

        TestContext.Current.TestOutputHelper?.WriteLine(audit.Report());
        audit.Failures.Should().BeEmpty(audit.FailureMessage());
        journey.Passed();
    }

    [Fact]
    public async Task the_exam_can_be_taken_by_keyboard_alone_and_focus_is_always_visible()
    {
        await using var journey = Journey.Start(app, "accessibility-keyboard");
        var title = "无障碍键盘考试 " + Guid.NewGuid().ToString("N")[..6];
        var session = await ScheduleOpenExam(title);
        var officer = await journey.As("officer");
        await StartExam(officer, session);
        var keyboard = new KeyboardWalk(officer);

        // From the top of the page, Tab reaches the first question's options; every stop on the way shows focus.
        await officer.EvaluateAsync("() => document.activeElement?.blur()");
        await keyboard.TabUntil("the first answer option", IsAnswerOption);
        var first = officer.Locator(".exam-option").Nth(await OptionIndex(officer));
        await officer.Keyboard.PressAsync("Space");
        await ExpectChosenAndSaved(officer, first);
        await keyboard.ExpectFocusVisible("the chosen answer option");
        await journey.Screenshot(officer, "accessibility-exam-keyboard");

        // The arrow keys move between the options of a single-choice question, and choose as they go.
        await officer.Keyboard.PressAsync("ArrowDown");
        (await officer.EvaluateAsync<bool>(IsAnswerOption)).Should().BeTrue("ArrowDown stays in the option group");
        var second = officer.Locator(".exam-option").Nth(await OptionIndex(officer));
        await ExpectChosenAndSaved(officer, second);
        await Assertions.Expect(first).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bchosen\b"));
        await keyboard.ExpectFocusVisible("the option chosen with an arrow key");

        // Tab on to 下一题 and press Enter: the second question; Tab reaches its options and Enter chooses one.
        await keyboard.TabUntil("the 下一题 button", "() => document.activeElement?.textContent?.trim() === '下一题'");
        await officer.Keyboard.PressAsync("Enter");
        await Assertions.Expect(officer.Locator(".exam-item-heading")).ToContainTextAsync("第 2 题");
        await keyboard.TabUntil("the second question's options", IsAnswerOption);
        var onSecond = officer.Locator(".exam-option").Nth(await OptionIndex(officer));
        await officer.Keyboard.PressAsync("Enter");
        await ExpectChosenAndSaved(officer, onSecond);

        // Tab reaches 交卷; Enter opens the confirmation, whose 确认交卷 is reached and pressed by keyboard too.
        await keyboard.TabUntil("the 交卷 button", "() => document.activeElement?.textContent?.trim() === '交卷'", limit: 60);
        await officer.Keyboard.PressAsync("Enter");
        await Assertions.Expect(officer.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        await keyboard.TabUntil("the 确认交卷 button", "() => document.activeElement?.textContent?.trim() === '确认交卷'");
        await officer.Keyboard.PressAsync("Enter");
        await officer.WaitForURLAsync(url => url.EndsWith("/result"));

        TestContext.Current.TestOutputHelper?.WriteLine("Focus stops: \n" + string.Join("\n", keyboard.Stops));
        keyboard.Invisible.Should().BeEmpty("every control focused by keyboard shows a focus indicator");
        journey.Passed();
    }

    const string IsAnswerOption = "() => document.activeElement?.matches('.exam-options input') === true";

    static Task<int> OptionIndex(IPage page) => page.EvaluateAsync<int>(
        "() => [...document.querySelectorAll('.exam-options input')].indexOf(document.activeElement)");

    static async Task ExpectChosenAndSaved(IPage page, ILocator option)
    {
        await Assertions.Expect(option).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bchosen\b"));
        await Assertions.Expect(option.Locator("input")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator(".exam-save")).ToContainTextAsync("已保存");
    }

    /// <summary>Tabs through a page, checking at every stop that the focused control looks different from when it is not
    /// focused: an outline or box-shadow (on it, or on the option label that wraps it) that only focus draws.</summary>
    sealed class KeyboardWalk(IPage page)
    {
        public List<string> Stops { get; } = [];
        public List<string> Invisible { get; } = [];

        // Styles of the focused element and its two ancestors, focused and then blurred; a visible indicator is an outline
        // of at least 2px or a box-shadow that appears only with focus.
        const string Probe = """
            () => {
              const el = document.activeElement;
              if (!el || el === document.body) return null;
              const chain = [el, el.parentElement, el.parentElement?.parentElement].filter(Boolean);
              const look = e => { const s = getComputedStyle(e);
                return { outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 ? `${s.outlineWidth} ${s.outlineStyle} ${s.outlineColor}` : '',
                         shadow: s.boxShadow === 'none' ? '' : s.boxShadow }; };
              const focused = chain.map(look);
              const focusVisible = el.matches(':focus-visible');
              el.blur();
              const blurred = chain.map(look);
              el.focus({ focusVisible: true });
              const shown = focused.flatMap((f, i) => [
                f.outline && f.outline !== blurred[i].outline ? `outline ${f.outline}` : null,
                f.shadow && f.shadow !== blurred[i].shadow ? `box-shadow ${f.shadow}` : null]).filter(Boolean);
              const name = `${el.tagName.toLowerCase()}${el.type ? '[' + el.type + ']' : ''}.${[...el.classList].slice(0, 3).join('.')} "${(el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 30)}"`;
              return { name, focusVisible, shown };
            }
            """;

        public async Task ExpectFocusVisible(string what, bool mayLeavePage = false)
        {
            var stop = await page.EvaluateAsync<JsonElement>(Probe);
            if (stop.ValueKind == JsonValueKind.Null && mayLeavePage)
            {
                Stops.Add("(past the end of the page: the browser's own controls)");
                return;
            }
            stop.ValueKind.Should().NotBe(JsonValueKind.Null, $"focus is on {what}");
            var name = stop.GetProperty("name").GetString();
            var shown = stop.GetProperty("shown").EnumerateArray().Select(s => s.GetString()).ToList();
            Stops.Add($"{name}: {(shown.Count == 0 ? "NO VISIBLE FOCUS" : string.Join(", ", shown))}");
            if (shown.Count == 0 || !stop.GetProperty("focusVisible").GetBoolean()) Invisible.Add($"{what}: {name}");
        }

        /// <summary>Presses Tab until <paramref name="reached"/> (a JS predicate) holds, checking each stop's focus indicator.</summary>
        public async Task TabUntil(string what, string reached, int limit = 30)
        {
            for (var i = 0; i < limit; i++)
            {
                await page.Keyboard.PressAsync("Tab");
                await ExpectFocusVisible(what, mayLeavePage: true); // Tab past the last control wraps round to the first
                if (await page.EvaluateAsync<bool>(reached)) return;
            }
            throw new InvalidOperationException($"Tab never reached {what} in {limit} presses; stops:\n{string.Join("\n", Stops)}");
        }
    }

    /// <summary>An open annual review the approved bank can fill: five single-choice questions, 30 minutes.</summary>
    async Task<Guid> ScheduleOpenExam(string title)
    {
        var now = DateTimeOffset.UtcNow;
        var blueprint = new Blueprint(title,
            [new BlueprintSection("单选题", QuestionType.Single, QuestionFilter.Any, 5, 2m)],
            TimeSpan.FromMinutes(30), 6m, MultipleChoiceScoring.AllOrNothing, ShuffleQuestions: true, ShuffleOptions: true,
            AttemptsAllowed: 1, ReviewDetail.Correctness, ReviewTiming.AfterWindowCloses);
        var id = Guid.CreateVersion7();
        await app.Get<ExamSessionCommands>().Handle(new ScheduleExamSession(id, title, blueprint,
            ExamPurpose.AnnualReview, 2026, now.AddMinutes(-1), now.AddDays(1), Roster.All), Trainer);
        return id;
    }

    /// <summary>From /exams, starts the session (other journeys' sessions are listed too) and waits for its first question.</summary>
    static async Task StartExam(IPage officer, Guid session)
    {
        await OpenExams.StartFromMyExams(officer, session);
        await Assertions.Expect(officer.Locator(".exam-options input").First).ToBeVisibleAsync();
        await Settled(officer);
    }

    /// <summary>The page loaded, the circuit connected and spinners gone: axe then sees what a person sees.</summary>
    static async Task Settled(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Assertions.Expect(page.Locator(".mud-progress-linear-indeterminate, .mud-progress-circular-indeterminate")).ToHaveCountAsync(0);
    }

    /// <summary>Runs axe on page after page and keeps what it found.</summary>
    sealed class AxeAudit
    {
        readonly List<(string Page, AxeResult Result)> _results = [];

        public async Task Check(IPage page, string name, AxeRunContext? context = null, params string[] disabledRules)
        {
            var options = new AxeRunOptions
            {
                RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] },
                ResultTypes = [ResultType.Violations],
                Rules = disabledRules.ToDictionary(r => r, _ => new RuleOptions { Enabled = false }),
            };
            var result = context is null ? await page.RunAxe(options) : await page.RunAxe(context, options);
            _results.Add((name, result));
        }

        static bool Blocking(AxeResultItem v) => v.Impact is "serious" or "critical";

        public IReadOnlyList<string> Failures =>
            [.. _results.SelectMany(r => r.Result.Violations.Where(Blocking).Select(v => Describe(r.Page, v)))];

        public string FailureMessage() => "axe found serious or critical WCAG violations:\n" + string.Join("\n", Failures);

        public string Report()
        {
            var text = new StringBuilder();
            foreach (var (page, result) in _results)
            {
                text.AppendLine($"[{page}] {result.Url}: {result.Violations.Length} violation(s)");
                foreach (var v in result.Violations) text.AppendLine("  " + Describe(page, v));
            }
            return text.ToString();
        }

        static string Describe(string page, AxeResultItem v) =>
            $"{page}: {v.Id} ({v.Impact}) — {v.Help}; {v.Nodes.Length} node(s): " +
            string.Join(" | ", v.Nodes.Take(3).Select(n => n.Target.ToString() + " " + Summary(n)));

        static string Summary(AxeResultNode n) =>
            string.Join("; ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message).Where(m => !string.IsNullOrEmpty(m)).Take(1));
    }
}
