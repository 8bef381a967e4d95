using System.Globalization;
using Sidig.Domain.Common;

namespace Sidig.Web.Features.Api;

/// <summary>
/// Query parameters arrive as text and are parsed here, so a bad value gets a 400 problem naming the parameter
/// (instead of the framework's bare 400).
/// </summary>
public sealed class ApiQuery
{
    private readonly List<Error> _errors = [];

    public IReadOnlyList<Error> Errors => _errors;

    public TEnum? Enum<TEnum>(string name, string? value) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (System.Enum.TryParse<TEnum>(value.Trim(), ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed)
            && !int.TryParse(value, out _)) return parsed;
        _errors.Add(new Error("Api.QueryInvalid", name));
        return null;
    }

    public Guid? Guid(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (System.Guid.TryParse(value.Trim(), out var parsed)) return parsed;
        _errors.Add(new Error("Api.QueryInvalid", name));
        return null;
    }

    public DateOnly? Date(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) return parsed;
        _errors.Add(new Error("Api.QueryInvalid", name));
        return null;
    }

    public int Int(string name, string? value, int fallback, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) return fallback;
        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed >= min && parsed <= max) return parsed;
        _errors.Add(new Error("Api.QueryInvalid", name));
        return fallback;
    }

    public bool Bool(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return false;
        if (bool.TryParse(value.Trim(), out var parsed)) return parsed;
        _errors.Add(new Error("Api.QueryInvalid", name));
        return false;
    }
}
