using MudBlazor;

namespace OfficerTraining.Web.Components.Layout;

/// <summary>The one theme every layout uses: the Justice Bureau's dark red, and fonts that have Chinese glyphs.</summary>
public static class AppTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight { Primary = "#8B1A1A", AppbarBackground = "#8B1A1A", Secondary = "#1F4E79" },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "sans-serif"] },
        },
    };
}
