using MudBlazor;

namespace Sidig.Web.Components.Layout;

public static class SidigTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight { Primary = "#0f5d8c", Secondary = "#e07a1f", AppbarBackground = "#0f5d8c" },
        PaletteDark = new PaletteDark { Primary = "#5fb0e0", Secondary = "#f0a050" },
    };
}
