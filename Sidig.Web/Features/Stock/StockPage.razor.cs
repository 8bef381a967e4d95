using Sidig.Web.Features.Import;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Sidig.Infrastructure.Reference;
using Sidig.Web.Components.Shared;
using Sidig.Web.Features.Stock.Components;

namespace Sidig.Web.Features.Stock;

public sealed partial class StockPage
{
    [Inject] private GetStockOverviewHandler Overview { get; set; } = default!;
    [Inject] private ListStockOptionsHandler Options { get; set; } = default!;
    [Inject] private IndonesianAreas Areas { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>Links from the warehouses page (<c>?warehouse=</c>) and the low-stock card (<c>?low=true</c>).</summary>
    [SupplyParameterFromQuery(Name = "warehouse")] public Guid? WarehouseQuery { get; set; }
    [SupplyParameterFromQuery(Name = "low")] public bool? LowQuery { get; set; }

    private MudDataGrid<StockRow>? _grid;
    private StockOptions _options = new([], [], []);
    private StockTotals _totals = new(0, 0, 0);
    private StockGrouping _grouping = StockGrouping.None;
    private string? _search, _province;
    private Guid? _category, _warehouse, _partner;
    private StockOwnership? _ownership;
    private bool _below;
    private GetStockOverview _lastQuery = new();

    /// <summary>The overview in its current grouping: per balance its product, warehouse and levels; grouped its label and totals.</summary>
    private ExportSource StockExport() => _grouping == StockGrouping.None
        ? ExportSource.Create<StockRow>("stok",
            [
                new(L["Product"], r => r.Sku), new(L["Export.ProductName"], r => r.ProductName), new(L["Warehouse"], r => r.WarehouseCode),
                new(L["Export.WarehouseName"], r => r.WarehouseName), new(L["Owner"], r => L.Owner(r.IsPrimary, r.PartnerName)),
                new(L["Province"], r => r.ProvinceName), new(L["OnHand"], r => r.OnHand), new(L["MinLevel"], r => r.MinLevel), new(L["Export.Unit"], r => r.Unit),
            ],
            Rows)
        : ExportSource.Create<StockRow>("stok-per-" + _grouping.ToString().ToLowerInvariant() switch
            {
                "product" => "produk", "warehouse" => "gudang", "partner" => "mitra", "province" => "provinsi", "ownership" => "kepemilikan", var g => g,
            },
            [new(L["Group." + _grouping + ".Label"], Label), new(L["OnHand"], r => r.OnHand), new(L["Lines"], r => r.Lines), new(L["Total.Below"], r => r.BelowMinimum)],
            Rows);

    private IAsyncEnumerable<StockRow> Rows(CancellationToken ct) =>
        ExportRows.From(c => Overview.HandleAsync(_lastQuery with { All = true }, c), r => r.Rows, ct);

    private bool IsFiltered => !string.IsNullOrWhiteSpace(_search) || _province is not null || _category is not null || _warehouse is not null
                               || _partner is not null || _ownership is not null || _below;

    protected override async Task OnInitializedAsync()
    {
        _warehouse = WarehouseQuery;
        _below = LowQuery == true;
        if ((await Options.HandleAsync(new ListStockOptions())).Value is { } options) _options = options;
    }

    private StockFilter Filter => new(_search, _category, _warehouse, _partner, _province, _ownership, _below);

    private async Task<GridData<StockRow>> LoadAsync(GridState<StockRow> state, CancellationToken ct)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        _lastQuery = new GetStockOverview(_grouping, Filter, state.Page, state.PageSize, sort?.SortBy, sort?.Descending ?? false);
        var result = await Overview.HandleAsync(_lastQuery, ct);
        if (!result.Succeeded)
        {
            Snackbar.Add(S.Messages(result), Severity.Error);
            return new GridData<StockRow> { Items = [], TotalItems = 0 };
        }
        _totals = result.Value!.Totals;
        StateHasChanged(); // the totals above the grid
        return new GridData<StockRow> { Items = result.Value.Rows, TotalItems = result.Value.TotalCount };
    }

    private string Label(StockRow r) => _grouping switch
    {
        StockGrouping.None or StockGrouping.Product => $"{r.Sku} · {r.ProductName}",
        StockGrouping.Warehouse => $"{r.WarehouseCode} · {r.WarehouseName}",
        StockGrouping.Partner => L.Owner(r.IsPrimary, r.PartnerName),
        StockGrouping.Province => r.ProvinceName ?? L["NoProvince"],
        _ => r.IsPrimary == true ? L["Ownership.Primary"] : L["Ownership.Secondary"],
    };

    private static string MovementsLink(StockRow r) => $"/stock/movements?warehouse={r.WarehouseId}&product={r.ProductId}";

    private Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;
    private Task GroupingAsync(StockGrouping v) { _grouping = v; return ReloadAsync(); }
    private Task SearchAsync(string? v) { _search = v; return ReloadAsync(); }
    private Task CategoryAsync(Guid? v) { _category = v; return ReloadAsync(); }
    private Task WarehouseAsync(Guid? v) { _warehouse = v; return ReloadAsync(); }
    private Task PartnerAsync(Guid? v) { _partner = v; return ReloadAsync(); }
    private Task ProvinceAsync(string? v) { _province = v; return ReloadAsync(); }
    private Task OwnershipAsync(StockOwnership? v) { _ownership = v; return ReloadAsync(); }
    private Task BelowAsync(bool v) { _below = v; return ReloadAsync(); }

    private static readonly DialogOptions DialogOptions = new() { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true };

    private async Task OpenAsync(StockDocumentKind kind, StockRow? row = null)
    {
        var product = row?.ProductId is { } id ? new ProductOption(id, row.Sku ?? "", row.ProductName ?? "", row.Unit ?? "") : null;
        var parameters = new DialogParameters<StockDocumentDialog>
        {
            { d => d.Kind, kind }, { d => d.Warehouses, _options.Warehouses }, { d => d.Warehouse, row?.WarehouseId }, { d => d.Product, product },
        };
        var title = kind switch
        {
            StockDocumentKind.Transfer => L["Transfer.Title"], StockDocumentKind.Receipt => L["Receipt.Title"], _ => L["Adjust.Title"],
        };
        var dialog = await Dialogs.ShowAsync<StockDocumentDialog>(title, parameters, DialogOptions);
        if (await dialog.Result is { Canceled: false, Data: string number })
        {
            Snackbar.Add(L["Posted", number], Severity.Success);
            await ReloadAsync();
        }
    }

    private async Task MinLevelAsync(StockRow row)
    {
        var parameters = new DialogParameters<MinLevelDialog> { { d => d.Row, row }, { d => d.Current, row.MinLevel } };
        var dialog = await Dialogs.ShowAsync<MinLevelDialog>(L["MinLevel.Title"], parameters,
            new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true, CloseOnEscapeKey = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add(S["Common.Saved"], Severity.Success);
            await ReloadAsync();
        }
    }
}
