namespace Sidig.Web.Features.Catalog;

/// <summary>A product as the pickers (price lines, price check) show and return it.</summary>
public sealed record ProductPick(Guid Id, string Sku, string Name, string Unit)
{
    public override string ToString() => $"{Sku} · {Name}";

    /// <summary>Products by SKU or name for an autocomplete (at most 20).</summary>
    public static async Task<IEnumerable<ProductPick>> SearchAsync(ListProductsHandler list, string? text, CancellationToken ct)
    {
        var result = await list.HandleAsync(new ListProducts(Search: text, PageSize: 20), ct);
        return result.Succeeded ? result.Value!.Items.Select(p => new ProductPick(p.Id, p.Sku, p.Name, p.Unit)) : [];
    }
}
