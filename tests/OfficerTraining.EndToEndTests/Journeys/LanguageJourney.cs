using Microsoft.Playwright;
using OfficerTraining.EndToEndTests.Harness;

namespace OfficerTraining.EndToEndTests.Journeys;

public class The_language_switch(E2EApp app)
{
    [Fact]
    public async Task turns_the_exam_page_English_and_back_to_Chinese()
    {
        await using var journey = Journey.Start(app, "language");
        var sessionId = await OpenExams.Schedule(app, "language"); // its own session: the officer journey runs alongside
        var page = await journey.As("officer");
        var attemptId = await OpenExams.StartFromMyExams(page, sessionId);
        var submit = (string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });
        await Assertions.Expect(submit("交卷")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".exam-nav-title")).ToHaveTextAsync("答题卡");

        await page.GetByRole(AriaRole.Link, new() { Name = "English", Exact = true }).ClickAsync();
        await Assertions.Expect(submit("Submit")).ToBeVisibleAsync(); // a full page load, back to the same attempt
        page.Url.Should().EndWith($"/exams/attempts/{attemptId}");
        await Assertions.Expect(page.Locator(".exam-nav-title")).ToHaveTextAsync("Questions");
        await Assertions.Expect(page.Locator(".exam-bar-saves")).ToHaveTextAsync("All answers saved");
        await Assertions.Expect(page.Locator("article.exam-item h2")).ToContainTextAsync("Question ");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Next", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "My exams", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".language-switch strong[aria-current=true]")).ToHaveTextAsync("English");
        await OpenExams.WaitForClock(page);
        await journey.Screenshot(page, "exam-english");

        await page.GetByRole(AriaRole.Link, new() { Name = "中文", Exact = true }).ClickAsync();
        await Assertions.Expect(submit("交卷")).ToBeVisibleAsync();
        page.Url.Should().EndWith($"/exams/attempts/{attemptId}");
        await Assertions.Expect(page.Locator(".exam-nav-title")).ToHaveTextAsync("答题卡");
        await Assertions.Expect(page.Locator(".exam-bar-saves")).ToHaveTextAsync("答案均已保存");
        (await page.Locator("body").InnerTextAsync()).Should().NotContain("All answers saved");
        journey.Passed();
    }
}
