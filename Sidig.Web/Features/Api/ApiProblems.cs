using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Sidig.Domain.Common;
using Sidig.Web.Components.Shared;
using Sidig.Web.Resources;

namespace Sidig.Web.Features.Api;

/// <summary>One error of a problem: the error code (stable, for programs), the field it belongs to and the English message.</summary>
public sealed record ApiError(string Code, string? Field, string Message);

/// <summary>
/// RFC 7807 problem details of the API: <c>status</c>, <c>title</c>, <c>detail</c> (English), the first error's
/// <c>code</c> and every error in <c>errors</c>, plus the <c>traceId</c> to quote to support. Never a stack trace.
/// </summary>
public static class ApiProblems
{
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    public const string ContentType = "application/problem+json";

    /// <summary>Which status a business failure answers with: refused permission 403, a missing record 404, a state conflict 409, else 422.</summary>
    public static int StatusOf(IReadOnlyList<Error> errors)
    {
        var code = errors.Count > 0 ? errors[0].Code : "";
        if (code == "Access.Denied") return StatusCodes.Status403Forbidden;
        if (code is "Api.OrderNotFound" or "Api.InvoiceNotFound" or "Api.NotFound") return StatusCodes.Status404NotFound;
        if (code.EndsWith("Concurrency", StringComparison.Ordinal) || code.EndsWith("ConcurrencyFailure", StringComparison.Ordinal)
            || code.EndsWith("Taken", StringComparison.Ordinal) || code is "Stock.Insufficient" or "Stock.WarehouseFrozen" or "Api.IdempotencyInProgress")
            return StatusCodes.Status409Conflict;
        return StatusCodes.Status422UnprocessableEntity;
    }

    public static IResult Result(HttpContext http, IReadOnlyList<Error> errors, int? status = null) =>
        Microsoft.AspNetCore.Http.Results.Json(Create(http, status ?? StatusOf(errors), errors), contentType: ContentType,
            statusCode: status ?? StatusOf(errors));

    public static IResult Result(HttpContext http, int status, string code, string? field = null) =>
        Result(http, [new Error(code, field)], status);

    public static ProblemDetails Create(HttpContext http, int status, IReadOnlyList<Error> errors)
    {
        var items = Describe(http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>(), errors);
        var problem = new ProblemDetails
        {
            Status = status,
            Title = Title(status),
            Detail = string.Join(" ", items.Select(i => i.Message).Distinct()),
            Type = $"https://www.rfc-editor.org/rfc/rfc9110#status.{status}",
            Instance = http.Request.Path,
        };
        if (items.Count > 0) problem.Extensions["code"] = items[0].Code;
        problem.Extensions["errors"] = items;
        problem.Extensions["traceId"] = Activity.Current?.Id ?? http.TraceIdentifier;
        return problem;
    }

    /// <summary>The errors with their English messages: the API speaks English whatever the tenant's or the browser's language.</summary>
    public static List<ApiError> Describe(IStringLocalizer<SharedResource> localizer, IEnumerable<Error> errors)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = English;
        try
        {
            return errors.Select(e => new ApiError(e.Code, e.Field, localizer.Message(e))).ToList();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>Writes a problem outside an endpoint (authentication challenge, rate limiter).</summary>
    public static async Task WriteAsync(HttpContext http, int status, string code)
    {
        if (http.Response.HasStarted) return;
        if (http.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
        http.Response.StatusCode = status;
        http.Response.Headers.CacheControl = "no-store";
        await http.Response.WriteAsJsonAsync(Create(http, status, [new Error(code)]), options: null, contentType: ContentType);
    }

    private static string Title(int status) => status switch
    {
        400 => "Bad request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not found",
        409 => "Conflict",
        422 => "Unprocessable content",
        429 => "Too many requests",
        _ => "Server error",
    };
}
