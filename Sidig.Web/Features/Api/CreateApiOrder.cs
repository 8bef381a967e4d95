using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Orders;
using Sidig.Infrastructure.Persistence;
using Sidig.Web.Features.Orders;
using Sidig.Web.Resources;

namespace Sidig.Web.Features.Api;

/// <summary>
/// The body of <c>POST /api/v1/orders</c>. The partner, warehouse and products may be given by id or by code
/// (partner code, warehouse code, SKU). <see cref="Submit"/> (default true) submits the order at once: the checks run
/// and a failing one sends it to approval or leaves it a draft, with the reasons in <c>submitProblems</c>.
/// </summary>
public sealed record ApiOrderRequest(
    Guid? PartnerId, string? PartnerCode, Guid? WarehouseId, string? WarehouseCode, string? CustomerReference, string? Notes,
    decimal? DiscountPercent, bool? Submit, IReadOnlyList<ApiOrderLineRequest>? Lines);

public sealed record ApiOrderLineRequest(Guid? ProductId, string? Sku, decimal Quantity, decimal? DiscountPercent);

public sealed record CreateApiOrder(Guid ApiKeyId, string IdempotencyKey, ApiOrderRequest Order);

/// <summary>
/// Creates an order through <see cref="PlaceOrderHandler"/> (source Api) at most once per Idempotency-Key: the order
/// and the stored response are written in the transaction of <see cref="IdempotentRequests"/>.
/// </summary>
public sealed partial class CreateApiOrderHandler(
    IdempotentRequests idempotency, PlaceOrderHandler place, Permissions permissions, IStringLocalizer<SharedResource> localizer)
{
    public async Task<Result<ApiStoredResponse>> HandleAsync(CreateApiOrder command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.PlaceOrders)) return Result<ApiStoredResponse>.Fail("Access.Denied");
        var hash = idempotency.Hash("POST", ApiEndpoints.Prefix + "/orders", command.Order);
        return await idempotency.RunAsync(command.ApiKeyId, command.IdempotencyKey, hash, async (db, token) =>
        {
            var resolved = await ResolveAsync(db, command.Order, token);
            if (!resolved.Succeeded) return Result<ApiCreated>.Fail(resolved.Errors);
            var placed = await place.HandleAsync(resolved.Value!, db, token);
            if (!placed.Succeeded) return Result<ApiCreated>.Fail(placed.Errors.Select(ApiField));
            var order = await GetApiOrderHandler.ReadAsync(db, db.SalesOrders, placed.Value!.Id, token)
                ?? throw new InvalidOperationException("The placed order cannot be read back.");
            order = order with { SubmitProblems = ApiProblems.Describe(localizer, placed.Value.SubmitProblems) };
            return Result<ApiCreated>.Ok(new ApiCreated(StatusCodes.Status201Created, order, $"{ApiEndpoints.Prefix}/orders/{order.Id}"));
        }, ct);
    }

    /// <summary>Codes to ids (within the tenant, by the query filter); the rest of the validation is the order handler's.</summary>
    private static async Task<Result<PlaceOrder>> ResolveAsync(SidigDbContext db, ApiOrderRequest o, CancellationToken ct)
    {
        var errors = new List<Error>();
        Guid partnerId = Guid.Empty;
        if (o.PartnerId is { } pid) partnerId = pid;
        else if (!string.IsNullOrWhiteSpace(o.PartnerCode))
        {
            var code = o.PartnerCode.Trim().ToUpperInvariant();
            var found = await db.Partners.AsNoTracking().Where(p => p.Code.ToUpper() == code).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
            if (found is null) errors.Add(new Error("Partner.NotFound", "partnerCode"));
            else partnerId = found.Value;
        }
        else errors.Add(new Error("Api.PartnerRequired", "partnerId"));

        var warehouseId = o.WarehouseId;
        if (warehouseId is null && !string.IsNullOrWhiteSpace(o.WarehouseCode))
        {
            var code = o.WarehouseCode.Trim().ToUpperInvariant();
            warehouseId = await db.Warehouses.AsNoTracking().Where(w => w.Code.ToUpper() == code).Select(w => (Guid?)w.Id).FirstOrDefaultAsync(ct);
            if (warehouseId is null) errors.Add(new Error("Warehouse.NotFound", "warehouseCode"));
        }

        var lines = new List<PlaceOrderLine>();
        var requested = o.Lines ?? [];
        var skus = requested.Where(l => l.ProductId is null && !string.IsNullOrWhiteSpace(l.Sku)).Select(l => l.Sku!.Trim().ToUpperInvariant()).Distinct().ToList();
        var bySku = skus.Count == 0 ? new Dictionary<string, Guid>()
            : await db.Products.AsNoTracking().Where(p => skus.Contains(p.Sku.ToUpper())).Select(p => new { Sku = p.Sku.ToUpper(), p.Id })
                .ToDictionaryAsync(p => p.Sku, p => p.Id, ct);
        for (var i = 0; i < requested.Count; i++)
        {
            var l = requested[i];
            Guid productId = Guid.Empty;
            if (l.ProductId is { } id) productId = id;
            else if (string.IsNullOrWhiteSpace(l.Sku)) errors.Add(new Error("Api.ProductRequired", $"lines[{i}].productId"));
            else if (bySku.TryGetValue(l.Sku.Trim().ToUpperInvariant(), out var found)) productId = found;
            else errors.Add(new Error("Order.ProductNotFound", $"lines[{i}].sku"));
            lines.Add(new PlaceOrderLine(productId, l.Quantity, l.DiscountPercent ?? 0));
        }
        if (errors.Count > 0) return Result<PlaceOrder>.Fail(errors);
        return Result<PlaceOrder>.Ok(new PlaceOrder(partnerId, warehouseId, o.CustomerReference, o.Notes, o.DiscountPercent ?? 0, lines,
            OrderSource.Api, Submit: o.Submit ?? true));
    }

    /// <summary>The order handler's field names (<c>Lines[0].ProductId</c>) in the JSON's spelling (<c>lines[0].productId</c>).</summary>
    private static Error ApiField(Error e) => e.Field is null ? e : e with { Field = FieldSegment().Replace(e.Field, m => m.Value.ToLowerInvariant()) };

    [GeneratedRegex(@"(?<=^|\.)[A-Z]")]
    private static partial Regex FieldSegment();
}

public static partial class ApiEndpoints
{
    static partial void MapCreateOrder(RouteGroupBuilder orders) =>
        orders.MapPost("", async (HttpContext http, CreateApiOrderHandler handler, CancellationToken ct) =>
            {
                var key = http.Request.Headers[IdempotencyKeyHeader].ToString().Trim();
                if (key.Length == 0) return ApiProblems.Result(http, StatusCodes.Status400BadRequest, "Api.IdempotencyKeyRequired", IdempotencyKeyHeader);
                if (key.Length > Sidig.Domain.Integration.IdempotencyRecord.MaxKeyLength)
                    return ApiProblems.Result(http, StatusCodes.Status400BadRequest, "Api.IdempotencyKeyInvalid", IdempotencyKeyHeader);
                ApiOrderRequest? body;
                try
                {
                    body = await http.Request.ReadFromJsonAsync<ApiOrderRequest>(ct);
                }
                catch (Exception e) when (e is JsonException or BadHttpRequestException or InvalidOperationException or NotSupportedException)
                {
                    body = null;
                }
                if (body is null) return ApiProblems.Result(http, StatusCodes.Status400BadRequest, "Api.BodyInvalid");
                var apiKeyId = ApiKeyAuthenticationHandler.KeyId(http.User) ?? throw new InvalidOperationException("An API request without its key.");

                var result = await handler.HandleAsync(new CreateApiOrder(apiKeyId, key, body), ct);
                if (!result.Succeeded) return ApiProblems.Result(http, result.Errors);
                var response = result.Value!;
                if (response.Location is not null) http.Response.Headers.Location = response.Location;
                if (response.Replayed) http.Response.Headers[ReplayedHeader] = "true";
                return Results.Content(response.Body, "application/json; charset=utf-8", statusCode: response.StatusCode);
            })
            .WithName("CreateOrder").WithSummary("Place an order (idempotent)")
            .WithDescription("Requires the Idempotency-Key header. Partner, warehouse and products by id or code (partnerCode, warehouseCode, sku). " +
                "submit (default true) submits at once; checks that fail send the order to approval, listed in submitProblems. " +
                "A retry with the same Idempotency-Key returns the first response (Idempotent-Replayed: true) and creates nothing; " +
                "the same key with another body is refused (422). Business errors are 422 (409 for a conflict) with the error codes.")
            .Accepts<ApiOrderRequest>("application/json")
            .Produces<ApiOrder>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
