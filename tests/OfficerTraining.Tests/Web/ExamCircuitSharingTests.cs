using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OfficerTraining.Web;
using OfficerTraining.Web.Components.Layout;
using OfficerTraining.Web.Features.Exams.Taking;
using OfficerTraining.Web.Hosting;
using Serilog;
using Serilog.Extensions.Logging;

namespace OfficerTraining.Tests.Web;

/// <summary>What every open exam page shares instead of holding its own copy: the navigator's spoken labels and classes,
/// the theme's stylesheet, and the loggers Blazor asks for per circuit.</summary>
public class what_exam_circuits_share
{
    static readonly IStringLocalizer L = new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance).Create(typeof(SharedResource));

    static string InCulture(string culture, Func<string> read)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return read();
        }
        finally { CultureInfo.CurrentUICulture = previous; }
    }

    [Fact]
    public void a_navigator_button_says_its_states_in_words_in_the_officers_language()
    {
        var state = NavigatorState.Answered | NavigatorState.Flagged | NavigatorState.Current;
        InCulture("zh-CN", () => NavigatorLabels.Label(L, "12", state)).Should().Be("第 12 题：已作答、已标记、当前题");
        InCulture("en-US", () => NavigatorLabels.Label(L, "12", state)).Should().Be("Question 12: answered, flagged, current");
        InCulture("zh-CN", () => NavigatorLabels.Label(L, "3", NavigatorState.Unsaved)).Should().Be("第 3 题：未作答、未保存");
    }

    [Fact]
    public void a_label_and_a_class_list_are_one_string_for_every_circuit()
    {
        var first = InCulture("zh-CN", () => NavigatorLabels.Label(L, "7", NavigatorState.Answered));
        InCulture("zh-CN", () => NavigatorLabels.Label(L, "7", NavigatorState.Answered)).Should().BeSameAs(first);
        NavigatorLabels.Classes(NavigatorState.Answered | NavigatorState.Unsaved).Should().Be("exam-nav-item answered unsaved");
        NavigatorLabels.Classes(NavigatorState.None).Should().Be("exam-nav-item");
    }

    [Fact]
    public void the_legend_shows_each_look_with_its_meaning_once_per_language()
    {
        var zh = InCulture("zh-CN", () => NavigatorLabels.Legend(L).Value);
        zh.Should().StartWith("<ul class=\"exam-nav-legend\" aria-hidden=\"true\">")
            .And.Contain("<li><span class=\"exam-nav-item answered\">1</span> 已作答</li>", "Chinese as text, not as character references")
            .And.Contain("<li><span class=\"exam-nav-item flagged\">1</span> 已标记</li>");
        InCulture("en-US", () => NavigatorLabels.Legend(L).Value).Should().Contain("<span class=\"exam-nav-item unsaved\">1</span> not saved");
        InCulture("zh-CN", () => NavigatorLabels.Legend(L).Value).Should().BeSameAs(zh);
    }

    [Fact]
    public void the_exam_layouts_stylesheet_is_the_app_themes()
    {
        AppTheme.Stylesheet.Should().Contain("<style class='mud-theme-provider'>").And.Contain("--mud-palette-primary")
            .And.Contain("Noto Sans CJK SC", "the app's fonts, not MudBlazor's default theme");
        AppTheme.Stylesheet.Should().BeSameAs(AppTheme.Stylesheet);
    }

    [Fact]
    public void one_logger_per_category_where_serilog_makes_a_new_one_each_time()
    {
        using var serilog = new SerilogLoggerFactory(new LoggerConfiguration().CreateLogger(), dispose: true);
        serilog.CreateLogger("Circuit").Should().NotBeSameAs(serilog.CreateLogger("Circuit"), "what the wrapper is for");

        using var factory = new LoggerPerCategory(new SerilogLoggerFactory(new LoggerConfiguration().CreateLogger(), dispose: true));
        factory.CreateLogger("Circuit").Should().BeSameAs(factory.CreateLogger("Circuit"));
        factory.CreateLogger("Renderer").Should().NotBeSameAs(factory.CreateLogger("Circuit"));
    }
}
