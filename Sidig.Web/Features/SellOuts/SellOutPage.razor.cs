using Microsoft.AspNetCore.Components;
using MudBlazor;
using Sidig.Web.Components.Shared;
using Sidig.Web.Features.Import.Importers;
using Sidig.Web.Features.Import;
using Sidig.Web.Features.Lookups;

namespace Sidig.Web.Features.SellOuts;

public sealed partial class SellOutPage
{
    [Inject] private ListSellOutsHandler List { get; set; } = default!;
    [Inject] private LookupWarehousesHandler Warehouses { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private SellOutImporter Importer { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    private MudDataGrid<SellOutListItem>? _grid;
    private IReadOnlyList<WarehouseOption> _warehouses = [];
    private string? _search;
    private Guid? _warehouseId;
    private DateTime? _from, _to;
    private ListSellOuts _lastQuery = new();
    private ExportSource _export = default!;

    private bool IsFiltered => !string.IsNullOrWhiteSpace(_search) || _warehouseId is not null || _from is not null || _to is not null;

    protected override async Task OnInitializedAsync()
    {
        _export = ExportSource.Create<SellOutListItem>("penjualan",
            [
                new(L["Number"], s => s.Number), new(L["SoldOn"], s => s.SoldOn), new(L["Partner"], s => s.PartnerName),
                new(L["Warehouse"], s => s.WarehouseCode), new(L["Customer"], s => s.CustomerName), new(S["Common.Phone"], s => s.CustomerPhone),
                new(L["Reference"], s => s.Reference), new(L["Quantity"], s => s.Quantity), new(L["Amount"], s => s.Amount),
                new(L["Export.RecordedBy"], s => s.RecordedBy),
            ],
            ct => ExportRows.From(c => List.HandleAsync(_lastQuery with { All = true }, c), r => r.Items, ct));
        var result = await Warehouses.HandleAsync(new LookupWarehouses(PartnerOwnedOnly: true));
        if (result.Succeeded) _warehouses = result.Value!;
    }

    private async Task<GridData<SellOutListItem>> LoadAsync(GridState<SellOutListItem> state, CancellationToken ct)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        _lastQuery = new ListSellOuts(null, _warehouseId, _search,
            _from is { } f ? DateOnly.FromDateTime(f) : null, _to is { } t ? DateOnly.FromDateTime(t) : null,
            state.Page, state.PageSize, sort?.SortBy, sort?.Descending ?? true);
        var result = await List.HandleAsync(_lastQuery, ct);
        if (!result.Succeeded)
        {
            Snackbar.Add(S.Messages(result), Severity.Error);
            return new GridData<SellOutListItem> { Items = [], TotalItems = 0 };
        }
        return new GridData<SellOutListItem> { Items = result.Value!.Items, TotalItems = result.Value.TotalCount };
    }

    private async Task ImportAsync()
    {
        var dialog = await ImportDialog.ShowAsync(Dialogs, L["Import.Title"], Importer);
        if (await dialog.Result is { Canceled: false }) await ReloadAsync();
    }

    private Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;
    private Task SearchAsync(string? search) { _search = search; return ReloadAsync(); }
    private Task WarehouseAsync(Guid? id) { _warehouseId = id; return ReloadAsync(); }
    private Task FromAsync(DateTime? from) { _from = from; return ReloadAsync(); }
    private Task ToAsync(DateTime? to) { _to = to; return ReloadAsync(); }
}
