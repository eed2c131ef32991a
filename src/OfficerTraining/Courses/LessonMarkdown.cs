using Ganss.Xss;
using Markdig;

namespace OfficerTraining.Courses;

/// <summary>Lessons are written in Markdown and shown as HTML: rendered by Markdig (raw HTML in the Markdown is kept
/// as text, not markup) and then sanitized, so a lesson can never carry script, styles or event handlers.</summary>
public static class LessonMarkdown
{
    static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .DisableHtml()
        .Build();

    static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string ToSafeHtml(string markdown) =>
        Sanitizer.Sanitize(Markdown.ToHtml(markdown ?? "", Pipeline)).Trim();

    static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("img"); // no remote images: a lesson must not track who reads it
        sanitizer.AllowedTags.Remove("form");
        sanitizer.AllowedTags.Remove("input");
        sanitizer.AllowedTags.Remove("button");
        sanitizer.AllowedAttributes.Add("id"); // heading anchors
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } link)
            {
                link.SetAttribute("rel", "noopener noreferrer");
                link.SetAttribute("target", "_blank");
            }
        };
        return sanitizer;
    }
}
