using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace OfficerTraining.Web.Features.Exams.Taking;

/// <summary>
/// The exam page's buttons and icons as MudBlazor draws them (the same classes, SVGs and spinner), written as plain
/// elements with these shared strings. A MudButton is two or three components (button, icons), each with render trees of
/// its own, in every officer's circuit; the exam page holds thousands of circuits, so it uses plain markup instead.
/// </summary>
public static class ExamMarkup
{
    public static readonly string Filled = Button("filled", "primary");
    public static readonly string Outlined = Button("outlined", "default");
    public static readonly string Text = Button("text", "default");
    public static readonly string TextWarning = Button("text", "warning");
    public static readonly string TextSmall = Button("text", "default", "small");

    public static readonly MarkupString Send = StartIcon(Icons.Material.Filled.Send);
    public static readonly MarkupString Previous = StartIcon(Icons.Material.Filled.ChevronLeft);
    public static readonly MarkupString Next = EndIcon(Icons.Material.Filled.ChevronRight);
    public static readonly MarkupString Flag = StartIcon(Icons.Material.Outlined.Flag);
    public static readonly MarkupString Flagged = StartIcon(Icons.Material.Filled.Flag);
    public static readonly MarkupString Clear = StartIcon(Icons.Material.Filled.Clear, "small");

    public static readonly MarkupString Timer = Icon(Icons.Material.Filled.Timer, "small");
    public static readonly MarkupString Saved = Icon(Icons.Material.Filled.CheckCircle, "small");
    public static readonly MarkupString Retrying = Icon(Icons.Material.Filled.CloudOff, "small");
    public static readonly MarkupString Refused = Icon(Icons.Material.Filled.Block, "small");
    public static readonly MarkupString Saving = new(
        """<div class="mud-progress-circular mud-default-text mud-progress-small mud-progress-indeterminate" style="width: 1rem; height: 1rem" aria-hidden="true">"""
        + """<svg class="mud-progress-circular-svg" viewBox="22.5 22.5 43 43"><circle class="mud-progress-circular-circle mud-progress-indeterminate" cx="44" cy="44" r="20" fill="none" stroke-width="3"></circle></svg>"""
        + """<div class="mud-progress-circular-percentage mud-progress-circular-indeterminate-child"></div></div>""");

    static string Button(string variant, string color, string size = "medium") =>
        $"mud-button-root mud-button mud-button-{variant} mud-button-{variant}-{color} mud-button-{variant}-size-{size} mud-ripple";

    static MarkupString StartIcon(string svg, string size = "medium") =>
        new($"""<span class="mud-button-icon-start mud-button-icon-size-{size}">{Icon(svg, size)}</span>""");

    static MarkupString EndIcon(string svg) => new($"""<span class="mud-button-icon-end mud-button-icon-size-medium">{Icon(svg, "medium")}</span>""");

    static MarkupString Icon(string svg, string size) =>
        new($"""<svg class="mud-icon-root mud-svg-icon mud-icon-size-{size}" focusable="false" viewBox="0 0 24 24" aria-hidden="true" role="img">{svg}</svg>""");
}
