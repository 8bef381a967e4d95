namespace Sidig.Domain.Common;

/// <summary>A broken business rule. <see cref="Code"/> is a resource key, so the UI can show it in the user's language.</summary>
public sealed class DomainException(string code, string? detail = null) : Exception(detail ?? code)
{
    public string Code { get; } = code;
}
