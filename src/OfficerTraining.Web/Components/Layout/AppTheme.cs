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
}
