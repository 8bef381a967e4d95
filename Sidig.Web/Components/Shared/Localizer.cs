using Microsoft.Extensions.Localization;
using Sidig.Domain.Common;
using Sidig.Web.Resources;

namespace Sidig.Web.Components.Shared;

public static class LocalizerExtensions
{
    /// <summary>User-facing text of a domain/validation error code, falling back to a generic message.</summary>
    public static string Message(this IStringLocalizer<SharedResource> l, Error error)
    {
        var text = l[error.Code, error.Args];
        return text.ResourceNotFound ? l["Error.Title"] : text;
    }

    public static string Messages(this IStringLocalizer<SharedResource> l, Result result) =>
        string.Join(" ", result.Errors.Select(l.Message));
}
