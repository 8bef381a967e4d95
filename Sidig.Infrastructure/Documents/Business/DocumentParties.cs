namespace Sidig.Infrastructure.Documents.Business;

// Print models: plain data the business documents are drawn from. The domain computes every figure (prices,
// discounts, DPP, PPN, balances, aging); the documents only lay it out. No entity is referenced here, so the
// documents can be tested and benchmarked without a database.

/// <summary>A customer, a sender or a recipient as printed: name, address lines, tax ids and phone.</summary>
/// <param name="Npwp">16 digits (printed 0123.4567.8901.2345) or already formatted; null when the party has none.</param>
/// <param name="Nitku">22 digits (NPWP + branch), printed as given; null to leave it out.</param>
public sealed record DocumentParty(
    string Name,
    IReadOnlyList<string> AddressLines,
    string? Npwp = null,
    string? Nitku = null,
    string? Phone = null)
{
    /// <summary>A partner code or contact person shown under the name (e.g. "DIST-JKT · Bapak Hendra").</summary>
    public string? Reference { get; init; }
}

/// <summary>A bank account payments go to.</summary>
public sealed record DocumentBankAccount(string Bank, string AccountNumber, string AccountHolder);

/// <summary>The tenant as the issuer of a document: legal data for the header, logo, bank accounts for invoices.</summary>
/// <param name="Logo">PNG or JPEG bytes, drawn at most 110 × 36 pt; null for a header without a logo.</param>
public sealed record DocumentCompany(
    string LegalName,
    IReadOnlyList<string> AddressLines,
    string? Npwp = null,
    string? Phone = null,
    string? Email = null,
    byte[]? Logo = null)
{
    public IReadOnlyList<DocumentBankAccount> BankAccounts { get; init; } = [];
    public string? Website { get; init; }
}

/// <summary>
/// One PPN group of a document, as computed by the domain: "DPP 11/12" (the usual 12 % on 11/12 of the price)
/// or "DPP 100% (barang mewah)" for luxury goods taxed on the full price.
/// </summary>
/// <param name="DppRule">The rule as printed next to the DPP figure, e.g. "DPP 11/12".</param>
/// <param name="Rate">The PPN rate as a fraction: 0.12 for 12 %.</param>
public sealed record DocumentTax(string DppRule, decimal Dpp, decimal Rate, decimal Amount);

/// <summary>
/// A date on a document: either a UTC instant (shown as the calendar day in the tenant's time zone) or a
/// calendar day (shown as it is, e.g. a due date). Both convert implicitly.
/// </summary>
public readonly struct PrintDate
{
    private readonly DateTimeOffset? _instant;
    private readonly DateOnly _day;

    public PrintDate(DateTimeOffset instant) => (_instant, _day) = (instant, default);
    public PrintDate(DateOnly day) => (_instant, _day) = (null, day);

    public static implicit operator PrintDate(DateTimeOffset instant) => new(instant);
    public static implicit operator PrintDate(DateOnly day) => new(day);

    /// <summary>The calendar day in <paramref name="zone"/> (an instant) or the day itself.</summary>
    public DateOnly Day(TimeZoneInfo zone) =>
        _instant is { } at ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime) : _day;

    public override string ToString() => _instant?.ToString("O") ?? _day.ToString("O");
}
