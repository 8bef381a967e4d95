using System.Globalization;
using Sidig.Domain.Common;

namespace Sidig.Infrastructure.Documents.Business;

/// <summary>
/// The language of a document's labels ("id-ID" or "en-US", the tenant's language) and the time zone its
/// dates are shown in. Money is always rupiah ("Rp 1.500.000") and the amount in words always Indonesian.
/// </summary>
/// <remarks>
/// Month names and separators are fixed here rather than taken from .NET cultures, so documents do not depend
/// on the ICU data of the machine (like <see cref="Idr"/>).
/// </remarks>
public sealed record DocumentCulture
{
    public const string Indonesian = "id-ID";
    public const string English = "en-US";

    private static readonly string[] MonthsId = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"];
    private static readonly string[] MonthsEn = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    private readonly TimeZoneInfo _zone;

    /// <param name="language">"en-US" (or any "en…") for English labels; anything else is Indonesian.</param>
    /// <param name="timeZoneId">An IANA id such as "Asia/Jakarta".</param>
    /// <exception cref="ArgumentException">The time zone is unknown: a document must not print a wrong date.</exception>
    public DocumentCulture(string language, string timeZoneId)
    {
        Language = language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Indonesian;
        TimeZoneId = timeZoneId;
        _zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone)
            ? zone
            : throw new ArgumentException($"Unknown time zone '{timeZoneId}'.", nameof(timeZoneId));
    }

    public string Language { get; }
    public string TimeZoneId { get; }

    public static DocumentCulture For(string language, string timeZoneId = "Asia/Jakarta") => new(language, timeZoneId);

    internal DocumentLabels Labels => Language == English ? DocumentLabels.En : DocumentLabels.Id;

    /// <summary>"22 Nov 2026" ("22 Des 2026" in Indonesian); an instant is shown as its day in the time zone.</summary>
    public string Date(PrintDate date)
    {
        var day = date.Day(_zone);
        var months = Language == English ? MonthsEn : MonthsId;
        return $"{day.Day} {months[day.Month - 1]} {day.Year}";
    }

    public string Date(PrintDate? date) => date is { } d ? Date(d) : "—";

    /// <summary>"Rp 1.500.000".</summary>
    public string Money(decimal amount) => Idr.Format(amount);

    /// <summary>"1.500.000", for columns whose header says "(Rp)".</summary>
    public string Number(decimal amount) => Idr.Number(amount);

    /// <summary>Quantities without trailing zeros: 2, 2,5 (Indonesian) or 2.5 (English); thousands grouped.</summary>
    public string Quantity(decimal quantity)
    {
        var text = quantity.ToString("#,0.###", CultureInfo.InvariantCulture);
        return Language == English ? text : text.Replace(',', '\u0001').Replace('.', ',').Replace('\u0001', '.');
    }

    /// <summary>A rate as a percentage: 0.12 → "12%", 0.011 → "1,1%" (Indonesian).</summary>
    public string Percent(decimal rate) => Quantity(rate * 100) + "%";
}
