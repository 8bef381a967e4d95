using Sidig.Domain.Common;

namespace Sidig.Domain.Tenancy;

/// <summary>The principal's legal identity, printed on every document. One per tenant.</summary>
public sealed class CompanyProfile : Entity, ITenantOwned, IAuditable
{
    private readonly List<BankAccount> _bankAccounts = [];

    private CompanyProfile() { LegalName = ""; }

    public Guid TenantId { get; set; }
    public string LegalName { get; private set; }
    public string? Npwp { get; private set; }
    public string? Nitku { get; private set; }
    public string? Address { get; private set; }
    public string? ProvinceCode { get; private set; }
    public string? RegencyCode { get; private set; }
    public string? PostalCode { get; private set; }
    public string? Phone { get; private set; }
    public string? Email { get; private set; }
    public byte[]? Logo { get; private set; }
    public string? LogoContentType { get; private set; }
    public PpnSettings Ppn { get; private set; } = PpnSettings.Default;
    public IReadOnlyList<BankAccount> BankAccounts => _bankAccounts;

    public static CompanyProfile Create(string legalName) =>
        new() { LegalName = Guard.Required(legalName, "Company.LegalNameRequired", 200) };

    public void UpdateLegal(string legalName, string? npwp, string? nitku)
    {
        LegalName = Guard.Required(legalName, "Company.LegalNameRequired", 200);
        if (string.IsNullOrWhiteSpace(npwp))
        {
            if (!string.IsNullOrWhiteSpace(nitku)) throw new DomainException("Nitku.NeedsNpwp");
            Npwp = Nitku = null;
            return;
        }
        var (n, error) = Common.Npwp.ParseNpwp(npwp);
        if (error is not null) throw new DomainException(error);
        var (t, nitkuError) = Common.Npwp.ParseNitku(nitku, n!);
        if (nitkuError is not null) throw new DomainException(nitkuError);
        Npwp = n;
        Nitku = t;
    }

    /// <param name="regencyBelongsToProvince">checked against the official area list by the caller's reference data</param>
    public void UpdateContact(string? address, string? provinceCode, string? regencyCode, string? postalCode,
        string? phone, string? email, Func<string, string, bool> regencyBelongsToProvince)
    {
        if (regencyCode is not null && provinceCode is null) throw new DomainException("Address.ProvinceRequired");
        if (provinceCode is not null && regencyCode is not null && !regencyBelongsToProvince(provinceCode, regencyCode))
            throw new DomainException("Address.RegencyNotInProvince");
        var normalizedEmail = string.IsNullOrWhiteSpace(email) ? null : EmailAddress.Normalize(email)
            ?? throw new DomainException("Validation.EmailInvalid");
        var p = Guard.Optional(postalCode, 5);
        if (p is not null && (p.Length != 5 || !p.All(char.IsAsciiDigit))) throw new DomainException("Address.PostalCodeInvalid");
        var ph = Guard.Optional(phone, 30);
        if (ph is not null && !ph.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')'))
            throw new DomainException("Validation.PhoneInvalid");

        Address = Guard.Optional(address, 500);
        ProvinceCode = provinceCode;
        RegencyCode = regencyCode;
        PostalCode = p;
        Phone = ph;
        Email = normalizedEmail;
    }

    public void SetLogo(byte[] content)
    {
        if (content.Length == 0) throw new DomainException("Logo.Empty");
        if (content.Length > ImageContent.MaxLogoBytes) throw new DomainException("Logo.TooLarge");
        LogoContentType = ImageContent.Sniff(content) ?? throw new DomainException("Logo.NotAnImage");
        Logo = content;
    }

    public void RemoveLogo() { Logo = null; LogoContentType = null; }

    public void SetPpn(PpnSettings settings) => Ppn = settings;

    public BankAccount AddBankAccount(string bankName, string accountNumber, string accountHolder)
    {
        if (_bankAccounts.Count >= 10) throw new DomainException("Bank.TooMany");
        var account = BankAccount.Create(bankName, accountNumber, accountHolder);
        if (_bankAccounts.Any(a => a.BankName == account.BankName && a.AccountNumber == account.AccountNumber))
            throw new DomainException("Bank.Duplicate");
        _bankAccounts.Add(account);
        return account;
    }

    public void RemoveBankAccount(Guid id)
    {
        var account = _bankAccounts.FirstOrDefault(a => a.Id == id) ?? throw new DomainException("Bank.NotFound");
        _bankAccounts.Remove(account);
    }
}

/// <summary>
/// PPN (VAT). Since 1 Jan 2025 the rate is 12 %, and for non-luxury goods the tax base (DPP) is 11/12 of the
/// price, so the effective rate is 11 %. Both parts are kept configurable.
/// </summary>
public sealed record PpnSettings(decimal RatePercent, int BaseNumerator, int BaseDenominator)
{
    public static readonly PpnSettings Default = new(12m, 11, 12);

    public decimal EffectiveRatePercent => Math.Round(RatePercent * BaseNumerator / BaseDenominator, 4);

    public static PpnSettings Create(decimal ratePercent, int baseNumerator, int baseDenominator)
    {
        if (ratePercent is < 0 or > 100) throw new DomainException("Ppn.RateInvalid");
        if (baseDenominator <= 0 || baseNumerator <= 0 || baseNumerator > baseDenominator)
            throw new DomainException("Ppn.BaseInvalid");
        return new PpnSettings(ratePercent, baseNumerator, baseDenominator);
    }
}

public sealed class BankAccount : Entity, ITenantOwned, IAuditable
{
    private BankAccount() { BankName = AccountNumber = AccountHolder = ""; }

    public Guid TenantId { get; set; }
    public Guid CompanyProfileId { get; private set; }
    public string BankName { get; private set; }
    public string AccountNumber { get; private set; }
    public string AccountHolder { get; private set; }

    internal static BankAccount Create(string bankName, string accountNumber, string accountHolder)
    {
        var number = new string((accountNumber ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-' && c != '.').ToArray());
        if (number.Length is < 5 or > 20 || !number.All(char.IsAsciiDigit)) throw new DomainException("Bank.AccountNumberInvalid");
        return new BankAccount
        {
            BankName = Guard.Required(bankName, "Bank.NameRequired", 100),
            AccountNumber = number,
            AccountHolder = Guard.Required(accountHolder, "Bank.HolderRequired", 200),
        };
    }
}
