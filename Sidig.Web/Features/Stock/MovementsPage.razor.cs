using Microsoft.AspNetCore.Components;
using MudBlazor;
using Sidig.Domain.Stock;
using Sidig.Web.Components.Shared;
using Sidig.Web.Features.Import;

namespace Sidig.Web.Features.Stock;

public sealed partial class MovementsPage
{
    [Inject] private ListMovementsHandler List { get; set; } = default!;
    [Inject] private ListStockOptionsHandler Options { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>Links from the stock overview: one warehouse × product.</summary>
    [SupplyParameterFromQuery(Name = "warehouse")] public Guid? WarehouseQuery { get; set; }
    [SupplyParameterFromQuery(Name = "product")] public Guid? ProductQuery { get; set; }

    private MudDataGrid<MovementListItem>? _grid;
    private StockOptions _options = new([], [], []);
    private DateTime? _from, _to;
    private Guid? _warehouse, _productId;
    private string? _product, _document;
    private MovementType? _type;
    private ListMovements _lastQuery = new();
    private ExportSource _export = default!;

    private bool IsFiltered => _from is not null || _to is not null || _warehouse is not null || _productId is not null
                               || !string.IsNullOrWhiteSpace(_product) || _type is not null || !string.IsNullOrWhiteSpace(_document);

    protected override async Task OnInitializedAsync()
    {
        (_warehouse, _productId) = (WarehouseQuery, ProductQuery);
        var zone = TenantContext.Tenant.TimeZoneId;
        _export = ExportSource.Create<MovementListItem>("mutasi-stok",
            [
                new(L["When"], m => DisplayTime.InZone(m.At, zone)), new(L["Type"], m => L.Type(m.Type)),
                new(L["Warehouse"], m => m.WarehouseCode), new(L["Export.WarehouseName"], m => m.WarehouseName),
                new(L["Product"], m => m.Sku), new(L["Export.ProductName"], m => m.ProductName),
                new(L["Quantity"], m => m.Quantity), new(L["Export.Unit"], m => m.Unit), new(L["Document"], m => m.DocumentNumber),
                new(L["Reason"], m => m.Reason), new(L["By"], m => m.UserName),
            ],
            ct => ExportRows.From(c => List.HandleAsync(_lastQuery with { All = true }, c), r => r.Items, ct));
        if ((await Options.HandleAsync(new ListStockOptions())).Value is { } options) _options = options;
    }

    private async Task<GridData<MovementListItem>> LoadAsync(GridState<MovementListItem> state, CancellationToken ct)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        _lastQuery = new ListMovements(
            _from is { } f ? DateOnly.FromDateTime(f) : null, _to is { } t ? DateOnly.FromDateTime(t) : null,
            _warehouse, _productId, _product, _type, _document, state.Page, state.PageSize, sort?.SortBy, sort?.Descending ?? true);
        var result = await List.HandleAsync(_lastQuery, ct);
        if (!result.Succeeded)
        {
            Snackbar.Add(S.Messages(result), Severity.Error);
            return new GridData<MovementListItem> { Items = [], TotalItems = 0 };
        }
        return new GridData<MovementListItem> { Items = result.Value!.Items, TotalItems = result.Value.TotalCount };
    }

    private Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;
    private Task FromAsync(DateTime? v) { _from = v; return ReloadAsync(); }
    private Task ToAsync(DateTime? v) { _to = v; return ReloadAsync(); }
    private Task WarehouseAsync(Guid? v) { _warehouse = v; return ReloadAsync(); }
    private Task ProductAsync(string? v) { _product = v; _productId = null; return ReloadAsync(); }
    private Task TypeAsync(MovementType? v) { _type = v; return ReloadAsync(); }
    private Task DocumentAsync(string? v) { _document = v; return ReloadAsync(); }
}
