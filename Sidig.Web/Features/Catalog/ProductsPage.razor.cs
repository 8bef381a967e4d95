using Microsoft.AspNetCore.Components;
using MudBlazor;
using Sidig.Web.Components.Shared;
using Sidig.Web.Features.Import;

namespace Sidig.Web.Features.Catalog;

public sealed partial class ProductsPage
{
    [Inject] private ListProductsHandler List { get; set; } = default!;
    [Inject] private GetCatalogOptionsHandler GetOptions { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;

    private MudDataGrid<ProductListItem>? _grid;
    private CatalogOptions? _options;
    private string? _search, _brand;
    private Guid? _categoryId;
    private bool? _active, _serialised;
    private ListProducts _lastQuery = new();
    private ExportSource _export = default!;

    private bool IsFiltered => !string.IsNullOrWhiteSpace(_search) || _brand is not null || _categoryId is not null || _active is not null || _serialised is not null;

    protected override async Task OnInitializedAsync()
    {
        _export = ExportSource.Create<ProductListItem>("produk",
            [
                new(L["Product.Sku"], p => p.Sku), new(S["Common.Name"], p => p.Name), new(L["Product.Category"], p => p.CategoryName),
                new(L["Product.Brand"], p => p.Brand), new(L["Product.Unit"], p => p.Unit), new(L["Product.Warranty"], p => p.WarrantyPolicyName),
                new(L["Product.Serialised"], p => p.IsSerialised), new(S["Common.Active"], p => p.IsActive),
            ],
            ct => ExportRows.From(c => List.HandleAsync(_lastQuery with { All = true }, c), r => r.Items, ct));
        var options = await GetOptions.HandleAsync(new GetCatalogOptions());
        if (options.Succeeded) _options = options.Value;
    }

    /// <summary>The grid's current filters as the list query (the export reuses it with <c>All = true</c>).</summary>
    private ListProducts Query(GridState<ProductListItem> state)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        return new ListProducts(_search, _categoryId, _brand, _active, _serialised, state.Page, state.PageSize, sort?.SortBy, sort?.Descending ?? false);
    }

    private async Task<GridData<ProductListItem>> LoadAsync(GridState<ProductListItem> state, CancellationToken ct)
    {
        _lastQuery = Query(state);
        var result = await List.HandleAsync(_lastQuery, ct);
        if (!result.Succeeded)
        {
            Snackbar.Add(S.Messages(result), Severity.Error);
            return new GridData<ProductListItem> { Items = [], TotalItems = 0 };
        }
        return new GridData<ProductListItem> { Items = result.Value!.Items, TotalItems = result.Value.TotalCount };
    }

    private Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;

    private Task SearchAsync(string? search) { _search = search; return ReloadAsync(); }
    private Task CategoryAsync(Guid? id) { _categoryId = id; return ReloadAsync(); }
    private Task BrandAsync(string? brand) { _brand = brand; return ReloadAsync(); }
    private Task ActiveAsync(bool? active) { _active = active; return ReloadAsync(); }
    private Task SerialisedAsync(bool? serialised) { _serialised = serialised; return ReloadAsync(); }

    private void Open(ProductListItem item) => Nav.NavigateTo($"/catalog/products/{item.Id}");
}
