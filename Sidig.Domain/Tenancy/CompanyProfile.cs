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

    public const int LegalNameMaxLength = 200;

    public static CompanyProfile Create(string legalName)
    {
        var (name, error) = CheckLegalName(legalName);
        return error is null ? new CompanyProfile { LegalName = name! } : throw new DomainException(error);
    }

    /// <summary>
    /// Every problem of a profile edit at once, each with the field it belongs to (the property names of
    /// <see cref="CompanyDetails"/>), so a form can show them next to the fields. <see cref="Update"/> applies the
    /// same rules and refuses the edit when there is any problem.
    /// </summary>
    public static IReadOnlyList<Error> Check(CompanyDetails d, IAreaCodes areas)
    {
        var errors = new List<Error>();
        void Add(string? code, string field) { if (code is not null) errors.Add(new Error(code, field)); }

        Add(CheckLegalName(d.LegalName).Error, nameof(d.LegalName));
        var (npwpError, nitkuError) = CheckTaxIds(d.Npwp, d.Nitku);
        Add(npwpError, nameof(d.Npwp));
        Add(nitkuError, nameof(d.Nitku));
        Add(ContactRules.Address(d.Address).Error, nameof(d.Address));
        var area = ContactRules.Area(d.ProvinceCode, d.RegencyCode, areas);
        if (area.Error is not null) errors.Add(new Error(area.Error, area.Field));
        Add(ContactRules.PostalCode(d.PostalCode).Error, nameof(d.PostalCode));
        Add(ContactRules.Phone(d.Phone).Error, nameof(d.Phone));
        Add(ContactRules.Email(d.Email).Error, nameof(d.Email));
        var (ppnError, ppnField) = PpnSettings.Check(d.PpnRatePercent, d.PpnBaseNumerator, d.PpnBaseDenominator);
        if (ppnError is not null) errors.Add(new Error(ppnError, ppnField == "Rate" ? nameof(d.PpnRatePercent) : nameof(d.PpnBaseNumerator)));
        return errors;
    }

    /// <summary>Legal identity, address and contact, and PPN in one step: all of it is applied, or nothing.</summary>
    public void Update(CompanyDetails d, IAreaCodes areas)
    {
        var errors = Check(d, areas);
        if (errors.Count > 0) throw new DomainException(errors[0].Code);
        UpdateLegal(d.LegalName, d.Npwp, d.Nitku);
        UpdateContact(d.Address, d.ProvinceCode, d.RegencyCode, d.PostalCode, d.Phone, d.Email, areas);
        SetPpn(PpnSettings.Create(d.PpnRatePercent, d.PpnBaseNumerator, d.PpnBaseDenominator));
    }

    public void UpdateLegal(string legalName, string? npwp, string? nitku)
    {
        var (name, nameError) = CheckLegalName(legalName);
        if (nameError is not null) throw new DomainException(nameError);
        var (npwpError, nitkuError) = CheckTaxIds(npwp, nitku);
        if ((npwpError ?? nitkuError) is { } error) throw new DomainException(error);
        LegalName = name!;
        if (string.IsNullOrWhiteSpace(npwp))
        {
            Npwp = Nitku = null;
            return;
        }
        Npwp = Common.Npwp.ParseNpwp(npwp).Value;
        Nitku = Common.Npwp.ParseNitku(nitku, Npwp!).Value;
    }

    public void UpdateContact(string? address, string? provinceCode, string? regencyCode, string? postalCode,
        string? phone, string? email, IAreaCodes areas)
    {
        var a = ContactRules.Address(address);
        var area = ContactRules.Area(provinceCode, regencyCode, areas);
        var p = ContactRules.PostalCode(postalCode);
        var ph = ContactRules.Phone(phone);
        var e = ContactRules.Email(email);
        if ((area.Error ?? a.Error ?? p.Error ?? ph.Error ?? e.Error) is { } error) throw new DomainException(error);

        Address = a.Value;
        ProvinceCode = area.Province;
        RegencyCode = area.Regency;
        PostalCode = p.Value;
        Phone = ph.Value;
        Email = e.Value;
    }

    private static (string? Value, string? Error) CheckLegalName(string? legalName)
    {
        var v = legalName?.Trim();
        if (string.IsNullOrEmpty(v)) return (null, "Company.LegalNameRequired");
        return v.Length > LegalNameMaxLength ? (null, "Validation.TooLong") : (v, null);
    }

    /// <summary>NPWP is optional; a NITKU needs the NPWP and starts with it (blank = head office, 000000).</summary>
    private static (string? NpwpError, string? NitkuError) CheckTaxIds(string? npwp, string? nitku)
    {
        if (string.IsNullOrWhiteSpace(npwp))
            return (null, string.IsNullOrWhiteSpace(nitku) ? null : "Nitku.NeedsNpwp");
        var (n, error) = Common.Npwp.ParseNpwp(npwp);
        if (error is not null) return (error, null);
        return (null, Common.Npwp.ParseNitku(nitku, n!).Error);
    }

    /// <summary>The logo is identified by its bytes (PNG, JPEG or WebP), never by the file name or declared type.</summary>
    public void SetLogo(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length == 0) throw new DomainException("Logo.Empty");
        if (content.Length > ImageContent.MaxLogoBytes) throw new DomainException("Logo.TooLarge");
        LogoContentType = ImageContent.Sniff(content) ?? throw new DomainException("Logo.NotAnImage");
        Logo = content;
    }

    public void RemoveLogo() { Logo = null; LogoContentType = null; }

    /// <summary>Re-checked here: a <see cref="PpnSettings"/> built with its constructor has not been validated.</summary>
    public void SetPpn(PpnSettings settings) =>
        Ppn = PpnSettings.Create(settings.RatePercent, settings.BaseNumerator, settings.BaseDenominator);

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

    public const int MaxBaseDenominator = 1000;

    public static PpnSettings Create(decimal ratePercent, int baseNumerator, int baseDenominator)
    {
        var (error, _) = Check(ratePercent, baseNumerator, baseDenominator);
        return error is null ? new PpnSettings(ratePercent, baseNumerator, baseDenominator) : throw new DomainException(error);
    }

    /// <summary>The problem and its part ("Rate" or "Base"), or nulls when the settings are acceptable.</summary>
    public static (string? Error, string? Part) Check(decimal ratePercent, int baseNumerator, int baseDenominator)
    {
        if (ratePercent is < 0 or > 100 || decimal.Round(ratePercent, 2) != ratePercent) return ("Ppn.RateInvalid", "Rate");
        if (baseDenominator is <= 0 or > MaxBaseDenominator || baseNumerator <= 0 || baseNumerator > baseDenominator)
            return ("Ppn.BaseInvalid", "Base");
        return (null, null);
    }
}

/// <summary>What the principal admin edits on the company profile form (legal, address and contact, PPN).</summary>
public sealed record CompanyDetails(
    string LegalName, string? Npwp, string? Nitku,
    string? Address, string? ProvinceCode, string? RegencyCode, string? PostalCode, string? Phone, string? Email,
    decimal PpnRatePercent, int PpnBaseNumerator, int PpnBaseDenominator);

public sealed class BankAccount : Entity, ITenantOwned, IAuditable
{
    private BankAccount() { BankName = AccountNumber = AccountHolder = ""; }

    public Guid TenantId { get; set; }
    public Guid CompanyProfileId { get; private set; }
    public string BankName { get; private set; }
    public string AccountNumber { get; private set; }
    public string AccountHolder { get; private set; }

    public const int BankNameMaxLength = 100;
    public const int HolderMaxLength = 200;

    /// <summary>Every problem of a new account at once, by field (BankName, AccountNumber, AccountHolder).</summary>
    public static IReadOnlyList<Error> Check(string? bankName, string? accountNumber, string? accountHolder)
    {
        var errors = new List<Error>();
        if (Text(bankName, "Bank.NameRequired", BankNameMaxLength).Error is { } b) errors.Add(new Error(b, nameof(BankName)));
        if (Number(accountNumber).Error is { } n) errors.Add(new Error(n, nameof(AccountNumber)));
        if (Text(accountHolder, "Bank.HolderRequired", HolderMaxLength).Error is { } h) errors.Add(new Error(h, nameof(AccountHolder)));
        return errors;
    }

    internal static BankAccount Create(string bankName, string accountNumber, string accountHolder)
    {
        var errors = Check(bankName, accountNumber, accountHolder);
        if (errors.Count > 0) throw new DomainException(errors[0].Code);
        return new BankAccount
        {
            BankName = Text(bankName, "", BankNameMaxLength).Value!,
            AccountNumber = Number(accountNumber).Value!,
            AccountHolder = Text(accountHolder, "", HolderMaxLength).Value!,
        };
    }

    private static (string? Value, string? Error) Text(string? input, string requiredCode, int maxLength)
    {
        var v = input?.Trim();
        if (string.IsNullOrEmpty(v)) return (null, requiredCode);
        return v.Length > maxLength ? (null, "Validation.TooLong") : (v, null);
    }

    /// <summary>5–20 digits; spaces, dashes and dots as printed on bank books are removed.</summary>
    private static (string? Value, string? Error) Number(string? input)
    {
        var number = new string((input ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-' && c != '.').ToArray());
        return number.Length is < 5 or > 20 || !number.All(char.IsAsciiDigit) ? (null, "Bank.AccountNumberInvalid") : (number, null);
    }
}
