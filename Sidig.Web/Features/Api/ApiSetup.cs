using System.Globalization;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Sidig.Domain.Access;
using Sidig.Web.Tenancy;

namespace Sidig.Web.Features.Api;

/// <summary>Settings of the REST API (<c>Sidig:Api</c>).</summary>
public sealed class ApiOptions
{
    /// <summary>Requests one API key may make per minute (per app node); more get 429.</summary>
    public int RequestsPerMinute { get; set; } = 600;
}

public static class ApiSetup
{
    /// <summary>The API's authorization policy: an API key of this host's tenant, and nothing else (no sign-in cookie).</summary>
    public const string Policy = "api-client";
    public const string RateLimitPolicy = "api-key";

    public static IServiceCollection AddSidigApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection("Sidig:Api"))
            .Validate(o => o.RequestsPerMinute > 0, "Sidig:Api:RequestsPerMinute must be positive").ValidateOnStart();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p
            .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireRole(Roles.ApiClient)
            .AddRequirements(new HostRequirement(platform: false)));
        services.AddScoped<IdempotentRequests>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "Api.RateLimited");
            };
            // Runs after authorization, so the user is the key's principal: one window per key.
            o.AddPolicy(RateLimitPolicy, http =>
            {
                var limit = http.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.RequestsPerMinute;
                var key = ApiKeyAuthenticationHandler.KeyId(http.User)?.ToString() ?? "none";
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true,
                });
            });
        });
        services.AddOpenApi("v1", o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1", StringComparison.OrdinalIgnoreCase) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Sidig API", Version = "v1",
                    Description = "The REST API of one Sidig tenant, on the tenant's own address (https://<tenant>.<domain>/api/v1). " +
                        "Authenticate with an API key created by an administrator at /admin/api-keys: `Authorization: Bearer sdg_…` or `X-Api-Key: sdg_…`. " +
                        "Errors are RFC 7807 problem details (application/problem+json) with `code`, `errors[]` (code, field, message) and `traceId`. " +
                        "POST /api/v1/orders requires an `Idempotency-Key` header: a retry with the same key returns the first response (header " +
                        "`Idempotent-Replayed: true`) and creates nothing new; the same key with another body is refused (422). " +
                        "Each key may make a limited number of requests per minute (429 with Retry-After above it).",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "sdg_…",
                    Description = "An API key of this tenant, sent as `Authorization: Bearer sdg_…`.",
                };
                document.Components.SecuritySchemes["apiKey"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = ApiKeyAuthenticationHandler.HeaderName,
                    Description = "The same API key in the X-Api-Key header.",
                };
                document.Security =
                [
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] },
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("apiKey", document)] = [] },
                ];
                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operation, context, _) =>
            {
                if (context.Description.HttpMethod == "POST" && context.Description.RelativePath?.TrimEnd('/') == "api/v1/orders")
                {
                    operation.Parameters ??= [];
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = ApiEndpoints.IdempotencyKeyHeader, In = ParameterLocation.Header, Required = true,
                        Description = "A unique key per order (e.g. a UUID or your own order number), 1-100 characters. Retrying with the same key " +
                            "returns the first response and creates nothing new; the same key with another body is refused (422).",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = Sidig.Domain.Integration.IdempotencyRecord.MaxKeyLength },
                    });
                }
                return Task.CompletedTask;
            });
        });
        return services;
    }
}
