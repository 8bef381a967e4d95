using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Sidig.Domain.Invoicing;
using Sidig.Domain.Orders;
using Scalar.AspNetCore;

namespace Sidig.Web.Features.Api;

public sealed record OrderListQuery([FromQuery(Name = "status")] string? Status, [FromQuery(Name = "partnerId")] string? PartnerId, [FromQuery(Name = "customerReference")] string? CustomerReference, [FromQuery(Name = "from")] string? From, [FromQuery(Name = "to")] string? To, [FromQuery(Name = "page")] string? Page, [FromQuery(Name = "pageSize")] string? PageSize);
public sealed record InvoiceListQuery([FromQuery(Name = "status")] string? Status, [FromQuery(Name = "partnerId")] string? PartnerId, [FromQuery(Name = "from")] string? From, [FromQuery(Name = "to")] string? To, [FromQuery(Name = "page")] string? Page, [FromQuery(Name = "pageSize")] string? PageSize);
public sealed record StockQuery([FromQuery(Name = "warehouse")] string? Warehouse, [FromQuery(Name = "product")] string? Product, [FromQuery(Name = "includeZero")] string? IncludeZero, [FromQuery(Name = "page")] string? Page, [FromQuery(Name = "pageSize")] string? PageSize);

/// <summary>
/// The REST API of a tenant, on its own host: <c>/api/v1/*</c> (JSON, camelCase, enums as names), API keys only
/// (<see cref="ApiKeyAuthenticationHandler"/>), rate limited per key, errors as RFC 7807 problem details. The OpenAPI
/// document (<c>/openapi/v1.json</c>) and its reference page (<c>/api/docs</c>) are public.
/// </summary>
public static partial class ApiEndpoints
{
    public const string Prefix = "/api/v1";
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public static void MapApiEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api/docs", o => o.WithTitle("Sidig API").WithOpenApiRoutePattern("/openapi/{documentName}.json"))
            .AllowAnonymous();

        var api = app.MapGroup(Prefix)
            .RequireAuthorization(ApiSetup.Policy)
            .RequireRateLimiting(ApiSetup.RateLimitPolicy)
            .AddEndpointFilter(RequestFilter)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        var orders = api.MapGroup("/orders").WithTags("Orders");
        MapCreateOrder(orders);
        orders.MapGet("/{id:guid}", async (Guid id, GetApiOrderHandler handler, HttpContext http, CancellationToken ct) =>
                Answer(http, await handler.HandleAsync(new GetApiOrder(id), ct)))
            .WithName("GetOrder").WithSummary("One order with its lines")
            .Produces<ApiOrder>().ProducesProblem(StatusCodes.Status404NotFound);
        orders.MapGet("", async ([AsParameters] OrderListQuery q, ListApiOrdersHandler handler, HttpContext http, CancellationToken ct) =>
            {
                var p = new ApiQuery();
                var query = new ListApiOrders(p.Enum<OrderStatus>("status", q.Status), p.Guid("partnerId", q.PartnerId), q.CustomerReference,
                    p.Date("from", q.From), p.Date("to", q.To), p.Int("page", q.Page, 1, 1, int.MaxValue),
                    p.Int("pageSize", q.PageSize, ApiPaging.DefaultPageSize, 1, ApiPaging.MaxPageSize));
                return p.Errors.Count > 0 ? ApiProblems.Result(http, p.Errors, StatusCodes.Status400BadRequest) : Answer(http, await handler.HandleAsync(query, ct));
            })
            .WithName("ListOrders").WithSummary("Orders, newest first")
            .WithDescription("Filters: status (e.g. Submitted), partnerId, customerReference (exact), from/to (order date, yyyy-MM-dd). page counts from 1; pageSize 1-100.")
            .Produces<ApiPage<ApiOrderListItem>>().ProducesProblem(StatusCodes.Status400BadRequest);

        var invoices = api.MapGroup("/invoices").WithTags("Invoices");
        invoices.MapGet("/{id:guid}", async (Guid id, GetApiInvoiceHandler handler, HttpContext http, CancellationToken ct) =>
                Answer(http, await handler.HandleAsync(new GetApiInvoice(id), ct)))
            .WithName("GetInvoice").WithSummary("One invoice with its lines, PPN and what is outstanding")
            .Produces<ApiInvoice>().ProducesProblem(StatusCodes.Status404NotFound);
        invoices.MapGet("", async ([AsParameters] InvoiceListQuery q, ListApiInvoicesHandler handler, HttpContext http, CancellationToken ct) =>
            {
                var p = new ApiQuery();
                var query = new ListApiInvoices(p.Enum<InvoiceDisplayStatus>("status", q.Status), p.Guid("partnerId", q.PartnerId),
                    p.Date("from", q.From), p.Date("to", q.To), p.Int("page", q.Page, 1, 1, int.MaxValue),
                    p.Int("pageSize", q.PageSize, ApiPaging.DefaultPageSize, 1, ApiPaging.MaxPageSize));
                return p.Errors.Count > 0 ? ApiProblems.Result(http, p.Errors, StatusCodes.Status400BadRequest) : Answer(http, await handler.HandleAsync(query, ct));
            })
            .WithName("ListInvoices").WithSummary("Invoices, newest first")
            .WithDescription("Filters: status (Unpaid, PartiallyPaid, Paid, Overdue, Cancelled), partnerId, from/to (issue date, yyyy-MM-dd). page counts from 1; pageSize 1-100.")
            .Produces<ApiPage<ApiInvoiceListItem>>().ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/stock", async ([AsParameters] StockQuery q, ListApiStockHandler handler, HttpContext http, CancellationToken ct) =>
            {
                var p = new ApiQuery();
                var query = new ListApiStock(q.Warehouse, q.Product, p.Bool("includeZero", q.IncludeZero), p.Int("page", q.Page, 1, 1, int.MaxValue),
                    p.Int("pageSize", q.PageSize, ApiPaging.DefaultPageSize, 1, ApiPaging.MaxPageSize));
                return p.Errors.Count > 0 ? ApiProblems.Result(http, p.Errors, StatusCodes.Status400BadRequest) : Answer(http, await handler.HandleAsync(query, ct));
            })
            .WithTags("Stock").WithName("ListStock").WithSummary("On-hand by warehouse and product")
            .WithDescription("Filters: warehouse (warehouse code), product (SKU); includeZero=true also lists balances at 0. Ordered by warehouse code, then SKU.")
            .Produces<ApiPage<ApiStockBalance>>().ProducesProblem(StatusCodes.Status400BadRequest);

        // Anything else under /api: a problem, not the HTML not-found page.
        app.MapFallback("/api/{**path}", (HttpContext http) => ApiProblems.Result(http, StatusCodes.Status404NotFound, "Api.NotFound"))
            .AllowAnonymous().ExcludeFromDescription();
    }

    static partial void MapCreateOrder(RouteGroupBuilder orders);

    /// <summary>
    /// Every API request: handlers see the key's principal through <see cref="Permissions"/>, nothing is cached, the
    /// status-code pages stay out of the way, and an unexpected failure is a 500 problem (logged), never a stack trace.
    /// </summary>
    private static async ValueTask<object?> RequestFilter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.RequestServices.GetRequiredService<AuthenticationStateProvider>() is IHostEnvironmentAuthenticationStateProvider host)
            host.SetAuthenticationState(Task.FromResult(new AuthenticationState(http.User)));
        if (http.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
        http.Response.Headers.CacheControl = "no-store";
        try
        {
            return await next(context);
        }
        catch (Exception e) when (e is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiEndpoints))
                .LogError(e, "API request {Method} {Path} failed", http.Request.Method, http.Request.Path);
            return ApiProblems.Result(http, StatusCodes.Status500InternalServerError, "Api.Unexpected");
        }
    }

    private static IResult Answer<T>(HttpContext http, Sidig.Domain.Common.Result<T> result) =>
        result.Succeeded ? TypedResults.Ok(result.Value) : ApiProblems.Result(http, result.Errors);
}
