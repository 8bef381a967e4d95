using System.Globalization;
using Sidig.Web.Components.Shared;

namespace Sidig.Web.Features.Allocations;

public static class AllocationText
{
    public static string Period(DateOnly start, DateOnly end) =>
        $"{start.ToString(DisplayTime.DateFormat, CultureInfo.CurrentCulture)} – {end.ToString(DisplayTime.DateFormat, CultureInfo.CurrentCulture)}";

    public static string Quantity(decimal value) => value.ToString("#,##0.###", CultureInfo.CurrentCulture);

    public static double UsedPercent(decimal quantity, decimal used) => quantity <= 0 ? 0 : (double)Math.Clamp(used / quantity * 100, 0, 100);
}
