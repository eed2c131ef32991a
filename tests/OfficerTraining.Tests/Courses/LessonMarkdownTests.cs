using OfficerTraining.Courses;

namespace OfficerTraining.Tests.Courses;

public class when_a_lesson_is_rendered
{
    [Fact]
    public void headings_lists_and_tables_become_html()
    {
        var html = LessonMarkdown.ToSafeHtml("## 处罚种类\n\n- 警告\n- 罚款\n\n| 种类 | 条款 |\n|---|---|\n| 罚款 | 第九条 |\n");
        html.Should().Contain("<h2").And.Contain("<li>警告</li>").And.Contain("<table>").And.Contain("<td>第九条</td>");
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "<script")]
    [InlineData("<img src=x onerror=alert(1)>", "<img")]
    [InlineData("<a href=\"#\" onclick=\"steal()\">点我</a>", "<a href=\"#\" onclick")]
    [InlineData("[点我](javascript:alert(1))", "javascript:")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>", "<iframe")]
    [InlineData("<p style=\"position:fixed\">遮挡</p>", "<p style")]
    public void markup_that_could_run_script_or_restyle_the_page_never_survives(string markdown, string forbidden) =>
        LessonMarkdown.ToSafeHtml(markdown).Should().NotContain(forbidden);

    [Fact]
    public void raw_html_is_shown_as_text_not_dropped_silently() =>
        LessonMarkdown.ToSafeHtml("写法：<b>加粗</b>").Should().Contain("&lt;b&gt;加粗&lt;/b&gt;");

    [Fact]
    public void links_open_in_a_new_tab_without_handing_over_the_page() =>
        LessonMarkdown.ToSafeHtml("[国家法律法规数据库](https://flk.npc.gov.cn)").Should()
            .Contain("href=\"https://flk.npc.gov.cn\"").And.Contain("rel=\"noopener noreferrer\"").And.Contain("target=\"_blank\"");

    [Fact]
    public void plain_http_links_lose_their_target() =>
        LessonMarkdown.ToSafeHtml("[旧站](http://example.gov.cn)").Should().NotContain("href=\"http://");
}
