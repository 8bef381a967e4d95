namespace Sidig.Domain.Common;

internal static class Guard
{
    public static string Required(string? value, string code, int maxLength)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v)) throw new DomainException(code);
        if (v.Length > maxLength) throw new DomainException("Validation.TooLong", code);
        return v;
    }

    public static string? Optional(string? value, int maxLength)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v)) return null;
        if (v.Length > maxLength) throw new DomainException("Validation.TooLong");
        return v;
    }
}
