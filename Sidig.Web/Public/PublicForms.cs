using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Sidig.Web.Public;

/// <summary>
/// Marks a page whose form anyone may post (no sign-in): its posts are rate limited per client address and per
/// target (the unit's code or the ticket's number in the route), and their size is capped before anything reads them.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PublicFormAttribute : Attribute;

/// <summary>Limits of the public forms (<c>Sidig:PublicForms</c>).</summary>
public sealed class PublicFormOptions
{
    public const string Section = "Sidig:PublicForms";

    /// <summary>Posts per client address (per tenant host) in <see cref="Window"/>.</summary>
    [Range(1, 100_000)] public int PostsPerAddress { get; set; } = 20;
    /// <summary>Posts per target (one unit, one ticket) in <see cref="Window"/>, whoever sends them.</summary>
    [Range(1, 100_000)] public int PostsPerTarget { get; set; } = 10;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(10);
    /// <summary>Largest post accepted (photos included); a bigger one is refused before it is read.</summary>
    [Range(1024, 100 * 1024 * 1024)] public long MaxRequestBytes { get; set; } = 12 * 1024 * 1024;
}

public static class PublicForms
{
    /// <summary>The route values that name the target of a public form.</summary>
    private static readonly string[] TargetRouteValues = ["Code", "Number"];

    public static IServiceCollection AddSidigPublicForms(this IServiceCollection services)
    {
        services.AddOptions<PublicFormOptions>().BindConfiguration(PublicFormOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.Window > TimeSpan.Zero, "Sidig:PublicForms:Window must be positive").ValidateOnStart();
        services.AddSingleton<PublicFormLimiter>();
        return services;
    }

    /// <summary>
    /// For public posts: refuses one sent too often (per target, then per address) or larger than the limit with a friendly
    /// page, before antiforgery or the form binder read it; reads the form here so a body that breaks the limit midway is
    /// answered the same way, not with an error page.
    /// </summary>
    public static IApplicationBuilder UsePublicFormGuard(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (!IsPublicPost(http))
        {
            await next(http);
            return;
        }
        if (!http.RequestServices.GetRequiredService<PublicFormLimiter>().TryAcquire(http))
        {
            await WritePageAsync(http, StatusCodes.Status429TooManyRequests, "TooMany");
            return;
        }
        var max = http.RequestServices.GetRequiredService<IOptions<PublicFormOptions>>().Value.MaxRequestBytes;
        if (http.Request.ContentLength > max)
        {
            await WritePageAsync(http, StatusCodes.Status413PayloadTooLarge, "TooLarge");
            return;
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = max;
        if (http.Request.HasFormContentType)
        {
            try
            {
                await http.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = max, ValueLengthLimit = (int)Math.Min(max, int.MaxValue) },
                    http.RequestAborted);
            }
            catch (Exception e) when (e is BadHttpRequestException or InvalidDataException or IOException)
            {
                await WritePageAsync(http, StatusCodes.Status413PayloadTooLarge, "TooLarge");
                return;
            }
        }
        await next(http);
    });

    private static bool IsPublicPost(HttpContext http) =>
        HttpMethods.IsPost(http.Request.Method) && http.GetEndpoint()?.Metadata.GetMetadata<PublicFormAttribute>() is not null;

    internal static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress is { } ip
        ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString()
        : IPAddress.None.ToString();

    internal static string? Target(HttpContext http) =>
        TargetRouteValues.Select(name => http.GetRouteValue(name) as string).FirstOrDefault(v => !string.IsNullOrEmpty(v))?.Trim().ToLowerInvariant();

    /// <summary>A small page in the visitor's language (no layout, no circuit): what happened and what to do.</summary>
    private static async Task WritePageAsync(HttpContext http, int status, string key)
    {
        var l = http.RequestServices.GetRequiredService<IStringLocalizer<PublicText>>();
        http.Response.StatusCode = status;
        if (status == StatusCodes.Status429TooManyRequests) http.Response.Headers.RetryAfter = "600";
        http.Response.ContentType = "text/html; charset=utf-8";
        var back = WebUtility.HtmlEncode(http.Request.Path.Value ?? "/");
        var lang = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        await http.Response.WriteAsync($$"""
            <!DOCTYPE html><html lang="{{lang}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{WebUtility.HtmlEncode(l[key + ".Title"])}}</title>
            <style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.5}a{color:#1565c0}</style></head>
            <body data-testid="public-limit" data-status="{{status}}"><h1>{{WebUtility.HtmlEncode(l[key + ".Title"])}}</h1>
            <p>{{WebUtility.HtmlEncode(l[key + ".Text"])}}</p><p><a href="{{back}}">{{WebUtility.HtmlEncode(l["Back"])}}</a></p></body></html>
            """, http.RequestAborted);
    }
}

/// <summary>
/// Fixed windows per target (one unit's or ticket's form, whoever posts) and per client address (per tenant host). Each
/// post takes one permit from each, target first; a post refused on its target takes nothing from its address.
/// </summary>
public sealed class PublicFormLimiter(IOptionsMonitor<PublicFormOptions> limits) : IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> _targets = Create(
        http => PublicForms.Target(http) is { } target ? $"{http.Request.Host.Host}:{target}" : $"{http.Request.Host.Host}:",
        () => limits.CurrentValue.PostsPerTarget, limits);
    private readonly PartitionedRateLimiter<HttpContext> _addresses = Create(
        http => $"{http.Request.Host.Host}:{PublicForms.ClientAddress(http)}", () => limits.CurrentValue.PostsPerAddress, limits);

    /// <summary>Takes a permit for this post; false when its target or its address has used up the window.</summary>
    public bool TryAcquire(HttpContext http)
    {
        // Fixed-window leases hold nothing once taken: disposing them gives no permit back.
        using var target = _targets.AttemptAcquire(http);
        if (!target.IsAcquired) return false;
        using var address = _addresses.AttemptAcquire(http);
        return address.IsAcquired;
    }

    private static PartitionedRateLimiter<HttpContext> Create(Func<HttpContext, string> key, Func<int> permits, IOptionsMonitor<PublicFormOptions> limits) =>
        PartitionedRateLimiter.Create<HttpContext, string>(http => RateLimitPartition.GetFixedWindowLimiter(key(http), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits(), Window = limits.CurrentValue.Window, QueueLimit = 0, AutoReplenishment = true,
        }));

    public void Dispose()
    {
        _targets.Dispose();
        _addresses.Dispose();
    }
}
