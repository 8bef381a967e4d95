using Microsoft.Extensions.Localization;
using Sidig.Domain.Audit;
using Sidig.Web.Resources;

namespace Sidig.Web.Features.Audit;

/// <summary>Audit values in the user's language: actions, record types (falling back to the type name), actors.</summary>
public static class AuditText
{
    public static string Action(this IStringLocalizer<SharedResource> s, AuditAction action) => s["Audit.Action." + action];

    public static string EntityName(this IStringLocalizer<SharedResource> s, string entityType)
    {
        var text = s["Entity." + entityType];
        return text.ResourceNotFound ? entityType : text.Value;
    }

    public static string Actor(this IStringLocalizer<SharedResource> s, string? userName) =>
        string.IsNullOrEmpty(userName) ? s["Audit.System"] : userName;
}
