using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using OfficerTraining.Agencies;
using OfficerTraining.Courses;
using OfficerTraining.Infrastructure;
using OfficerTraining.IntegrationTests.Harness;
using OfficerTraining.Officers;
using OfficerTraining.QuestionBank;
using OfficerTraining.Training;

namespace OfficerTraining.IntegrationTests.Web;

/// <summary>Script typed into question text, options and explanations, lessons, officer and agency names, rendered by
/// the real pages: it shows as text, never as markup that runs.</summary>
[Collection(nameof(App))]
public class when_content_carries_script(AppFactory app)
{
    public const string Mark = "xss1337";

    static readonly string[] Payloads =
    [
        $"<script>alert('{Mark}')</script>", $"<img src=x onerror=alert('{Mark}')>", $"<svg onload=alert('{Mark}')>",
        $"\"><a href=\"javascript:alert('{Mark}')\">x</a>", $"[x](javascript:alert('{Mark}'))",
    ];

    /// <summary>No element the payloads could have made: no script or frame carrying the mark, no event handler, no
    /// javascript: URL, anywhere in the page.</summary>
    static void Inert(string page)
    {
        var document = new HtmlParser().ParseDocument(page);
        foreach (var element in document.All)
        {
            if (element.LocalName is "script" or "iframe" or "svg" or "object" or "embed" && element.OuterHtml.Contains(Mark))
                throw new InvalidOperationException($"an active <{element.LocalName}> carries the payload: {element.OuterHtml}");
            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) && attribute.Value.Contains(Mark))
                    throw new InvalidOperationException($"an event handler carries the payload: {element.OuterHtml}");
                if (attribute.Value.Replace(" ", "").StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
                    throw new InvalidOperationException($"a javascript: URL survived: {element.OuterHtml}");
            }
        }
        page.Should().NotContain($"<script>alert('{Mark}')");
    }

    async Task<string> Page(string user, string path)
    {
        var response = await (await app.SignedIn(user)).GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK, "{0} should open for {1}", path, user);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task questions_lessons_officers_and_agencies_render_it_as_text()
    {
        var services = app.Services;
        var trainer = new Actor("trainer", [Roles.Trainer]);
        await services.GetRequiredService<QuestionCommands>().Handle(new SaveQuestion("XSS-1", new QuestionContent(
            QuestionType.Single, "题干 " + Payloads[0], [.. Payloads[1..]], [0], "解析 " + Payloads[2] + Payloads[4],
            [new Citation("行政处罚法", 20)], [Payloads[3]], QuestionCategory.Public, null, 3, []), "editor", "测试"), trainer);

        var courseId = await services.GetRequiredService<CourseCommands>().Handle(new DraftCourse("XSS-C1", new CourseContent(
            "课程 " + Payloads[0], "简介 " + Payloads[1], TrainingCategory.PublicLaw, 2m, ["行政处罚法"],
            [new Lesson("L1", "第一讲 " + Payloads[2], string.Join("\n\n", Payloads), 2)], new CourseQuiz(2, 2, 0, 10, 60, 2))), trainer);

        var agencies = services.GetRequiredService<AgencyCommands>();
        var (cityId, departmentId) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await agencies.Handle(new RegisterAgency(cityId, "XSS00", "测试市", AgencyLevel.City, null, []), Actor.System);
        await agencies.Handle(new RegisterAgency(departmentId, "XSS01", Payloads[1], AgencyLevel.Department, cityId,
            [EnforcementDomain.UrbanManagement]), Actor.System);
        Agency department;
        await using (var session = services.GetRequiredService<Marten.IDocumentStore>().QuerySession())
            department = (await session.LoadAsync<Agency>(departmentId))!;
        var officer = Arrange.Officer(department, name: Payloads[1]);
        await services.GetRequiredService<OfficerCommands>().Handle(officer, Actor.System);

        var pages = new (string User, string Path)[]
        {
            ("trainer", "/questions/XSS-1"), ("trainer", "/questions"), ("trainer", $"/courses/manage/{courseId}"),
            ("trainer", "/courses/manage"), ("administrator", "/admin/agencies"), ("administrator", "/admin/officers"),
            ("administrator", $"/admin/officers/{officer.OfficerId}"),
        };
        foreach (var (user, path) in pages)
        {
            var html = await Page(user, path);
            Inert(html);
            if (path.Contains("XSS-1") || path.Contains(courseId.ToString()) || path.Contains(officer.OfficerId.ToString()))
                html.Should().Contain(Mark, "{0} must show the payload as text, or this test checks nothing", path);
        }
    }
}
