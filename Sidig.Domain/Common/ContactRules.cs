namespace Sidig.Domain.Common;

/// <summary>Official area codes (Kemendagri) that addresses are checked against; implemented by the reference data.</summary>
public interface IAreaCodes
{
    bool IsProvince(string provinceCode);
    bool RegencyBelongsTo(string provinceCode, string regencyCode);
}

/// <summary>
/// Rules for the address and contact fields of a company (principal or partner). Each check returns the
/// normalised value or the resource key of the problem, so a form can show every problem next to its field and
/// the entity can refuse the same input.
/// </summary>
public static class ContactRules
{
    public const int AddressMaxLength = 500;
    public const int PhoneMaxLength = 30;

    public static (string? Value, string? Error) Address(string? input)
    {
        var v = input?.Trim();
        if (string.IsNullOrEmpty(v)) return (null, null);
        return v.Length > AddressMaxLength ? (null, "Validation.TooLong") : (v, null);
    }

    /// <summary>Indonesian postal codes are 5 digits, 10000–99999.</summary>
    public static (string? Value, string? Error) PostalCode(string? input)
    {
        var v = input?.Trim();
        if (string.IsNullOrEmpty(v)) return (null, null);
        return v.Length == 5 && v.All(char.IsAsciiDigit) && v[0] != '0' ? (v, null) : (null, "Address.PostalCodeInvalid");
    }

    /// <summary>Digits with the usual punctuation (+, spaces, dashes, brackets); 6–15 digits (E.164 at most).</summary>
    public static (string? Value, string? Error) Phone(string? input)
    {
        var v = input?.Trim();
        if (string.IsNullOrEmpty(v)) return (null, null);
        if (v.Length > PhoneMaxLength || !v.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')'))
            return (null, "Validation.PhoneInvalid");
        if (v.IndexOf('+') > 0 || v.Count(c => c == '+') > 1) return (null, "Validation.PhoneInvalid");
        var digits = v.Count(char.IsAsciiDigit);
        return digits is >= 6 and <= 15 ? (v, null) : (null, "Validation.PhoneInvalid");
    }

    /// <summary>
    /// An Indonesian mobile number (what WhatsApp and SMS reach) as people type it — 0812-3456-7890, +62 812 3456 7890,
    /// 62812… — normalised to +62812…; 08 then 8–11 more digits.
    /// </summary>
    public static (string? Value, string? Error) IndonesianMobile(string? input)
    {
        var v = input?.Trim();
        if (string.IsNullOrEmpty(v)) return (null, "Validation.MobileRequired");
        if (v.Length > PhoneMaxLength || !v.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '.' or '(' or ')') || v.LastIndexOf('+') > 0)
            return (null, "Validation.MobileInvalid");
        var digits = new string(v.Where(char.IsAsciiDigit).ToArray());
        var national = digits.StartsWith("62") && (v.StartsWith('+') || !digits.StartsWith("620")) ? digits[2..]
            : digits.StartsWith('0') ? digits[1..] : null;
        if (v.StartsWith('+') && !digits.StartsWith("62")) return (null, "Validation.MobileInvalid");
        return national is { Length: >= 9 and <= 12 } && national[0] == '8' && national[1] != '0' ? ("+62" + national, null) : (null, "Validation.MobileInvalid");
    }

    public static (string? Value, string? Error) Email(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return (null, null);
        return EmailAddress.Normalize(input) is { } v ? (v, null) : (null, "Validation.EmailInvalid");
    }

    /// <summary>Province and regency codes: both optional, but a regency needs its province.</summary>
    /// <returns>the codes, or the problem and the field it belongs to ("ProvinceCode" or "RegencyCode")</returns>
    public static (string? Province, string? Regency, string? Error, string? Field) Area(string? provinceCode, string? regencyCode, IAreaCodes areas)
    {
        var p = string.IsNullOrWhiteSpace(provinceCode) ? null : provinceCode.Trim();
        var r = string.IsNullOrWhiteSpace(regencyCode) ? null : regencyCode.Trim();
        if (p is not null && !areas.IsProvince(p)) return (null, null, "Address.ProvinceInvalid", "ProvinceCode");
        if (r is not null && p is null) return (null, null, "Address.ProvinceRequired", "ProvinceCode");
        if (r is not null && !areas.RegencyBelongsTo(p!, r)) return (null, null, "Address.RegencyNotInProvince", "RegencyCode");
        return (p, r, null, null);
    }
}
