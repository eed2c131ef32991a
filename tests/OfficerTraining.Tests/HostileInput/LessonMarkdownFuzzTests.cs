using System.Text;
using OfficerTraining.Courses;

namespace OfficerTraining.Tests.HostileInput;

/// <summary>Lessons are the one place where authored text becomes markup (<see cref="LessonMarkdown"/>). Whatever a
/// trainer writes, and however it is mangled, what comes out has no script, no event handler, no script URL.</summary>
public class when_a_lesson_carries_script
{
    public static readonly string[] Payloads =
    [
        "<script>alert(1)</script>", "<SCRIPT SRC=//evil.example/x.js></SCRIPT>", "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>", "<iframe src=\"javascript:alert(1)\"></iframe>", "<a href=\"javascript:alert(1)\">x</a>",
        "[click](javascript:alert(1))", "[click](JaVaScRiPt:alert(1))", "[click](java\tscript:alert(1))",
        "[click](&#106;avascript:alert(1))", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![x](javascript:alert(1))", "![x](https://evil.example/track.gif \"onerror=alert(1)\")", "<https://x.example/\" onmouseover=\"alert(1)>",
        "[a]: javascript:alert(1)\n\n[a]", "<details open ontoggle=alert(1)>", "<body onload=alert(1)>",
        "<style>*{background:url(javascript:alert(1))}</style>", "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
        "```html\n<script>alert(1)</script>\n```", "`<script>`", "<object data=javascript:alert(1)>", "<embed src=javascript:alert(1)>",
        "{onclick=alert(1)}", "# Heading {#x onclick=alert(1)}", "[x](https://ok.example){onclick=alert(1)}",
        "<form action=javascript:alert(1)><button>x</button></form>", "<meta http-equiv=refresh content=\"0;url=javascript:alert(1)\">",
    ];

    [Fact]
    public void every_known_payload_renders_inert()
    {
        foreach (var payload in Payloads)
        {
            InertHtml.Check(LessonMarkdown.ToSafeHtml(payload));
            InertHtml.Check(LessonMarkdown.ToSafeHtml($"# 第一课\n\n正文 {payload} 正文\n\n- {payload}\n\n> {payload}\n\n| a | b |\n|---|---|\n| {payload} | x |\n"));
        }
    }

    [Fact]
    public Task mangled_lessons_with_payloads_render_inert()
    {
        var lesson = $"# 行政处罚法\n\n**第一条** 为了规范行政处罚的设定和实施。[原文](https://flk.npc.gov.cn/)\n\n"
                     + string.Join("\n\n", Payloads.Select((p, i) => $"{i}. {p}")) + "\n";
        return Fuzz.Run(50_005, 400, [("lesson.md", Encoding.UTF8.GetBytes(lesson))], (_, bytes) =>
        {
            InertHtml.Check(LessonMarkdown.ToSafeHtml(Encoding.UTF8.GetString(bytes)));
            return Task.CompletedTask;
        });
    }
}
