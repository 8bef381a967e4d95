using System.Globalization;

namespace Sidig.Web.Features.Commissions;

/// <summary>Marker for the texts of the commission pages (CommissionsText.en-US.resx / .id-ID.resx), and their formats.</summary>
public sealed class CommissionsText
{
    public static string Month(int year, int month) => new DateTime(year, month, 1).ToString("MMMM yyyy", CultureInfo.CurrentCulture);
    public static string Percent(decimal rate) => rate.ToString("0.##", CultureInfo.CurrentCulture) + " %";
}
