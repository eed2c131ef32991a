using MudBlazor;

namespace OfficerTraining.Web.Components.Layout;

/// <summary>The one theme every layout uses: the Justice Bureau's dark red, and fonts that have Chinese glyphs. The status
/// colours are darker than MudBlazor's defaults (#00C853, #2196F3, #FF9800, #F44336), which fail WCAG AA contrast
/// (4.5:1) as chip, alert and button text, or behind white text.</summary>
public static class AppTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#8B1A1A", AppbarBackground = "#8B1A1A", Secondary = "#1F4E79",
            Success = "#2E7D32", Info = "#1565C0", Warning = "#A84E00", Error = "#C62828",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "sans-serif"] },
        },
    };

    /// <summary>The <c>&lt;style&gt;</c> elements <c>&lt;MudThemeProvider Theme="AppTheme.Theme" /&gt;</c> renders (light
    /// palette, MudBlazor's scrollbar), built once. The exam layout shows this one string instead of a theme provider per
    /// circuit: the provider built its own copy (about 12,000 characters) and a theme of its own for every officer.</summary>
    public static string Stylesheet { get; } = new Styles().Build();

    sealed class Styles : MudThemeProvider
    {
        public string Build()
        {
#pragma warning disable BL0005 // never rendered: only asked for its stylesheet
            Theme = AppTheme.Theme;
#pragma warning restore BL0005
            return BuildMudBlazorScrollbar() + BuildTheme();
        }
    }
}
