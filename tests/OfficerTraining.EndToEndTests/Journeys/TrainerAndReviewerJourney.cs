using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OfficerTraining.EndToEndTests.Harness;
using OfficerTraining.Exams;

namespace OfficerTraining.EndToEndTests.Journeys;

public class TrainerAndReviewerJourney(E2EApp app)
{
    /// <summary>This run's tag, codes and names: the journey may run again against the same bank.</summary>
    readonly string run = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    string Tag => $"E2E-{run}";

    /// <summary>The imported questions: their codes (from the file's [id:…]) and the 行政处罚法 article each answer follows
    /// from. GIFT has no place for citations, so the trainer adds them in the editor before submitting.</summary>
    (string Code, int Article)[] Questions =>
    [
        ($"E2E-{run}-1", 10), ($"E2E-{run}-2", 51), ($"E2E-{run}-3", 36), ($"E2E-{run}-4", 9), ($"E2E-{run}-5", 20),
    ];

    [Fact]
    public async Task a_trainer_imports_a_GIFT_file_a_reviewer_approves_it_and_the_trainer_schedules_an_exam_drawn_from_it()
    {
        await using var journey = Journey.Start(app, "trainer-and-reviewer");
        var trainer = await journey.As("trainer");

        // 1. The trainer imports a GIFT file: first the check (a dry run), then the import for real.
        await Journey.Open(trainer, "/questions/import");
        // The upload control reads the file only once its script is attached (InputFile's first interactive render).
        await trainer.WaitForFunctionAsync("() => document.getElementById('question-file')?._blazorInputFileNextFileId !== undefined");
        await trainer.Locator("#question-file").SetInputFilesAsync(new FilePayload
        {
            Name = $"e2e-{run}.gift", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes(GiftFile()),
        });
        await Assertions.Expect(trainer.Locator(".mud-alert")).ToContainTextAsync("检查通过");
        await Assertions.Expect(trainer.Locator(".mud-alert")).ToContainTextAsync("5 道试题可以导入");
        await trainer.GetByRole(AriaRole.Button, new() { Name = "导入 5 道试题" }).ClickAsync();
        await Assertions.Expect(trainer.Locator(".mud-alert")).ToContainTextAsync($"已导入 e2e-{run}.gift");
        await journey.Screenshot(trainer, "question-import");

        // 2. Imported questions are drafts without citations: the trainer cites the article in the editor, saves the new
        //    version and submits it for review.
        foreach (var (code, article) in Questions)
        {
            await Journey.Open(trainer, $"/questions/{code}/edit");
            var submit = trainer.GetByRole(AriaRole.Button, new() { Name = "提交审核" });
            await Assertions.Expect(submit).ToBeDisabledAsync();
            await trainer.GetByRole(AriaRole.Button, new() { Name = "添加法律依据" }).ClickAsync();
            await Choose(trainer, "依据 1：法律法规", "行政处罚法");
            await trainer.GetByLabel("依据 1：条（数字）").FillAsync(article.ToString());
            await trainer.GetByLabel("修改原因").FillAsync("补充法律依据");
            await trainer.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
            await Assertions.Expect(submit).ToBeEnabledAsync();
            await submit.ClickAsync();
            await trainer.WaitForURLAsync(url => url.EndsWith($"/questions/{code}"));
            await Assertions.Expect(trainer.Locator(".mud-chip").First).ToContainTextAsync("待审核");
        }

        // 3. The reviewer (not their author) approves each of them from the review queue.
        var reviewer = await journey.As("reviewer");
        await Journey.Open(reviewer, "/questions/review");
        var first = Panel(reviewer, Questions[0].Code);
        await first.Locator(".mud-expand-panel-header").ClickAsync();
        await Assertions.Expect(first.Locator(".mud-collapse-entered")).ToBeVisibleAsync(); // opened, not still opening
        await Assertions.Expect(first.GetByRole(AriaRole.Region, new() { Name = "引用的法条原文" })).ToContainTextAsync("第十条");
        await Assertions.Expect(first.GetByRole(AriaRole.Button, new() { Name = "审核通过" })).ToBeVisibleAsync();
        await journey.Screenshot(reviewer, "review-queue", fullPage: true);
        foreach (var (code, _) in Questions)
        {
            var panel = Panel(reviewer, code);
            if (!await panel.GetByRole(AriaRole.Button, new() { Name = "审核通过" }).IsVisibleAsync())
                await panel.Locator(".mud-expand-panel-header").ClickAsync();
            await panel.GetByRole(AriaRole.Button, new() { Name = "审核通过" }).ClickAsync();
            await Assertions.Expect(panel).ToHaveCountAsync(0);
        }

        // 4. In the bank, this run's tag shows the five questions, approved.
        await Journey.Open(trainer, "/questions");
        await trainer.GetByLabel("标签（完整匹配）").FillAsync(Tag);
        var rows = trainer.Locator("table tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(Questions.Length);
        await Assertions.Expect(rows.Filter(new() { HasText = "已通过" })).ToHaveCountAsync(Questions.Length);
        await journey.Screenshot(trainer, "question-bank");

        // 5. A blueprint that only this run's questions can fill: three single-choice and one true/false, 2 points each.
        // The builder reads the approved bank afresh, so the questions approved a moment ago count at once.
        await Journey.Open(trainer, "/exam-blueprints/new");
        var name = $"E2E 行政处罚法小测 {run}";
        await trainer.GetByLabel("名称", new() { Exact = true }).FillAsync(name);
        await trainer.GetByLabel("考试时长（分钟）").FillAsync("20");
        await trainer.GetByLabel("及格分").FillAsync("6");
        await AddSection(trainer, 1, "单项选择", null, 3);
        await AddSection(trainer, 2, "判断", "判断题", 1);
        var feasibility = trainer.GetByRole(AriaRole.Region, new() { Name = "题库能否组卷" });
        await Assertions.Expect(feasibility).ToContainTextAsync("题库可以组出每一份试卷。");
        await Assertions.Expect(feasibility.Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(feasibility.Locator("tbody tr").Filter(new() { HasText = "可以组卷" })).ToHaveCountAsync(2);
        await trainer.EvaluateAsync("() => window.scrollTo(0, 0)"); // the app bar is fixed: a full-page picture starts at the top
        await journey.Screenshot(trainer, "blueprint-builder", fullPage: true);
        await trainer.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await trainer.WaitForURLAsync(new Regex("/exam-blueprints/[0-9a-f-]{36}$"));
        await Assertions.Expect(trainer.Locator("body")).ToContainTextAsync("与已保存的一致。");

        // 6. A session from it, for a window that opens next month (the 1st) and closes on a later 28th, for one officer
        //    named on the roster (not the demo officer, whose 我的考试 other journeys look at).
        await Journey.Open(trainer, "/exam-sessions/new");
        var title = $"E2E 行政处罚法小测 {run}";
        await trainer.GetByLabel("考试名称").FillAsync(title);
        await Choose(trainer, "试卷策略", name);
        await Choose(trainer, "考试类型", "资格考试（公共法律知识）");
        await PickDay(trainer, "开始日期", "1");
        await PickDay(trainer, "结束日期", "28");
        await trainer.GetByLabel("全体执法人员").UncheckAsync();
        await trainer.GetByLabel("按姓名添加执法人员").FillAsync("王");
        await trainer.Locator(".mud-popover-open .mud-list-item").First.ClickAsync();
        var roster = trainer.GetByRole(AriaRole.Region, new() { Name = "考生范围" });
        await Assertions.Expect(roster.Locator(".mud-chip")).ToHaveCountAsync(1);
        await Assertions.Expect(roster.Locator(".mud-chip")).ToContainTextAsync("王");
        await trainer.GetByRole(AriaRole.Button, new() { Name = "安排考试", Exact = true }).ClickAsync();
        await trainer.WaitForURLAsync(new Regex("/exam-sessions/[0-9a-f-]{36}$"));

        await Journey.Open(trainer, "/exam-sessions");
        var row = trainer.Locator("table tbody tr", new() { HasText = title });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row).ToContainTextAsync("资格考试（公共法律知识）");
        await Assertions.Expect(row).ToContainTextAsync("未开始");
        await journey.Screenshot(trainer, "session-scheduled");
        journey.Passed();
    }

    /// <summary>Five questions in GIFT (docs/formats.md B1): a category switch whose path gives the tags, then each
    /// question with its id and tag in a comment, a name, the answers and the general feedback (####, the 解析).</summary>
    string GiftFile() => $$"""
        // 行政处罚法 — 端到端测试导入 {{run}}
        $CATEGORY: $course$/top/行政处罚法/{{Tag}}

        // [id:E2E-{{run}}-1] [tag:设定]
        ::E2E {{run}} 单选 1::限制人身自由的行政处罚，只能由下列哪一种规范设定？{
        =法律
        ~行政法规
        ~地方性法规
        ~部门规章
        ####《行政处罚法》第十条第二款规定，限制人身自由的行政处罚，只能由法律设定。}

        // [id:E2E-{{run}}-2] [tag:简易程序]
        ::E2E {{run}} 单选 2::违法事实确凿并有法定依据，对公民处以多少元以下罚款的，可以当场作出行政处罚决定？{
        =二百元
        ~五百元
        ~一千元
        ~三千元
        ####《行政处罚法》第五十一条规定，对公民处以二百元以下、对法人或者其他组织处以三千元以下罚款或者警告的，可以当场作出行政处罚决定。}

        // [id:E2E-{{run}}-3] [tag:时效]
        ::E2E {{run}} 单选 3::违法行为在多长时间内未被发现的，一般不再给予行政处罚？{
        =二年
        ~一年
        ~三年
        ~五年
        ####《行政处罚法》第三十六条规定，违法行为在二年内未被发现的，不再给予行政处罚；涉及公民生命健康安全、金融安全且有危害后果的，上述期限延长至五年。}

        // [id:E2E-{{run}}-4] [tag:种类]
        ::E2E {{run}} 多选 4::下列哪些属于《行政处罚法》规定的行政处罚种类？{
        ~%50%警告、通报批评
        ~%50%罚款、没收违法所得、没收非法财物
        ~%-100%记过
        ~%-100%降级
        ####《行政处罚法》第九条列举了警告、通报批评，罚款、没收违法所得、没收非法财物等种类；记过、降级是政务处分，不是行政处罚。}

        // [id:E2E-{{run}}-5] [tag:委托]
        ::E2E {{run}} 判断 5::行政机关可以依照法律、法规、规章的规定，在其法定权限内书面委托符合条件的组织实施行政处罚。{TRUE
        ####《行政处罚法》第二十条第一款规定，行政机关依照法律、法规、规章的规定，可以在其法定权限内书面委托符合本法第二十一条规定条件的组织实施行政处罚。}
        """;

    /// <summary>Loads <paramref name="path"/> and waits for the page's circuit: a prerendered page shows its inputs and
    /// buttons before they do anything. Element references (the renderer's <c>_bl_</c> attributes) appear only once the
    /// components render interactively.</summary>
    static ILocator Panel(IPage page, string code) =>
        page.Locator(".mud-expand-panel").Filter(new() { Has = page.Locator("strong.mono", new() { HasTextString = code }) });

    /// <summary>Opens the MudSelect labelled <paramref name="label"/> and picks <paramref name="option"/>.</summary>
    static async Task Choose(IPage page, string label, string option, ILocator? within = null)
    {
        var scope = within ?? page.Locator("body");
        await scope.Locator(".mud-select").Filter(new() { Has = page.Locator("label", new() { HasTextString = label }) })
            .Locator(".mud-input-control-input-container").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextString = option }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    /// <summary>Adds section <paramref name="number"/>: its title, type (null keeps 单选题), this run's tag, the count and
    /// 2 points a question.</summary>
    async Task AddSection(IPage page, int number, string title, string? type, int count)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "添加题型部分" }).ClickAsync();
        var section = page.GetByRole(AriaRole.Region, new() { Name = $"第 {number} 部分", Exact = true });
        await section.GetByLabel("部分名称").FillAsync(title);
        if (type is not null) await Choose(page, "题型", type, section);
        await section.GetByLabel("题数").FillAsync(count.ToString());
        await section.GetByLabel("每题分值").FillAsync("2");
        await section.GetByLabel("限定标签").FillAsync(Tag);
        await section.GetByLabel("限定标签").BlurAsync();
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync($"{number}. {title}");
    }

    /// <summary>Picks day <paramref name="day"/> of next month from the date picker labelled <paramref name="label"/>.</summary>
    static async Task PickDay(IPage page, string label, string day)
    {
        var input = page.GetByRole(AriaRole.Textbox, new() { Name = label, Exact = true });
        var before = await input.InputValueAsync();
        await input.ClickAsync();
        var popover = page.Locator(".mud-popover-open");
        await popover.Locator(".mud-picker-nav-button-next").ClickAsync();
        // The month slides in after "next": its container can cover the days for the length of the animation (longer on a
        // loaded machine), so the day gets its click event directly once it is there.
        var dayButton = popover.Locator("button.mud-picker-calendar-day:not(.mud-hidden)", new() { HasTextRegex = new($"^{day}$") });
        await Assertions.Expect(dayButton).ToBeVisibleAsync();
        await dayButton.DispatchEventAsync("click");
        await Assertions.Expect(input).Not.ToHaveValueAsync(before);
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog, new() { Name = label })).ToBeHiddenAsync();
    }
}
