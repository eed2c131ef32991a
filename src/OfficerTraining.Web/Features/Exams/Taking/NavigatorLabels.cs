using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace OfficerTraining.Web.Features.Exams.Taking;

[Flags]
public enum NavigatorState { None = 0, Answered = 1, Flagged = 2, Unsaved = 4, Current = 8 }

/// <summary>
/// The navigator's button classes and spoken labels ("第 12 题：已作答、已标记"): one string per language, item key and
/// state for the whole process, instead of new ones for each button on each render in every circuit (50 buttons, a
/// hall of officers). Keys come from the papers the app draws, so the set stays small.
/// </summary>
public static class NavigatorLabels
{
    static readonly ConcurrentDictionary<(string Culture, string Key, NavigatorState State), string> Labels = new();
    static readonly ConcurrentDictionary<string, MarkupString> Legends = new();
    static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All); // Chinese as it is, not as &#x…;
    static readonly string[] ClassesByState = [.. Enumerable.Range(0, 16).Select(s => BuildClasses((NavigatorState)s))];

    public static string Classes(NavigatorState state) => ClassesByState[(int)state];

    /// <summary>The label in the current UI culture, which <paramref name="localizer"/> reads.</summary>
    public static string Label(IStringLocalizer localizer, string key, NavigatorState state) =>
        Labels.GetOrAdd((CultureInfo.CurrentUICulture.Name, key, state), static (k, l) => Build(l, k.Key, k.State), localizer);

    /// <summary>What the navigator's looks mean, for sighted officers (each button says its state in words), in the
    /// current UI culture. It never changes, so it is one markup frame of the navigator: as a component of its own it cost
    /// every open exam's circuit a render tree (~3 KB), and as plain markup it was diffed with every answer.</summary>
    public static MarkupString Legend(IStringLocalizer localizer) =>
        Legends.GetOrAdd(CultureInfo.CurrentUICulture.Name, static (_, l) => BuildLegend(l), localizer);

    static MarkupString BuildLegend(IStringLocalizer localizer)
    {
        var rows = new[]
        {
            (NavigatorState.Answered, "Take.State.Answered"), (NavigatorState.None, "Take.State.NotAnswered"),
            (NavigatorState.Flagged, "Take.State.Flagged"), (NavigatorState.Unsaved, "Take.State.Unsaved"),
            (NavigatorState.Current, "Take.State.Current"),
        }.Select(r => $"<li><span class=\"{Classes(r.Item1)}\">1</span> {Encoder.Encode(localizer[r.Item2])}</li>");
        return new MarkupString($"<ul class=\"exam-nav-legend\" aria-hidden=\"true\">{string.Concat(rows)}</ul>");
    }

    static string Build(IStringLocalizer localizer, string key, NavigatorState state)
    {
        var states = new List<string> { localizer[state.HasFlag(NavigatorState.Answered) ? "Take.State.Answered" : "Take.State.NotAnswered"] };
        if (state.HasFlag(NavigatorState.Flagged)) states.Add(localizer["Take.State.Flagged"]);
        if (state.HasFlag(NavigatorState.Unsaved)) states.Add(localizer["Take.State.Unsaved"]);
        if (state.HasFlag(NavigatorState.Current)) states.Add(localizer["Take.State.Current"]);
        return localizer["Take.NavItem", key, string.Join(localizer["Common.ListSeparator"], states)];
    }

    static string BuildClasses(NavigatorState state) => string.Join(' ', new[]
    {
        "exam-nav-item",
        state.HasFlag(NavigatorState.Answered) ? "answered" : "",
        state.HasFlag(NavigatorState.Flagged) ? "flagged" : "",
        state.HasFlag(NavigatorState.Unsaved) ? "unsaved" : "",
        state.HasFlag(NavigatorState.Current) ? "current" : "",
    }.Where(c => c.Length > 0));
}
