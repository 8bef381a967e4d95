using Sidig.Web.Features.Import;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Sidig.Infrastructure.Reference;
using Sidig.Web.Components.Shared;
using Sidig.Web.Features.Stock.Components;

namespace Sidig.Web.Features.Stock;

public sealed partial class WarehousesPage
{
    [Inject] private ListWarehousesHandler List { get; set; } = default!;
    [Inject] private ListStockOptionsHandler Options { get; set; } = default!;
    [Inject] private IndonesianAreas Areas { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private MudDataGrid<WarehouseListItem>? _grid;
    private StockOptions _options = new([], [], []);
    private string? _search, _province;
    private StockOwnership? _ownership;
    private Guid? _partnerId;
    private bool? _active;
    private ListWarehouses _lastQuery = new();
    private ExportSource _export = default!;

    private bool IsFiltered => !string.IsNullOrWhiteSpace(_search) || _ownership is not null || _partnerId is not null || _province is not null || _active is not null;

    protected override async Task OnInitializedAsync()
    {
        _export = ExportSource.Create<WarehouseListItem>("gudang",
            [
                new(L["Code"], w => w.Code), new(S["Common.Name"], w => w.Name),
                new(L["Owner"], w => w.IsPrimary ? L["Ownership.Primary"].Value : w.OwnerName), new(L["Export.Address"], w => w.Address),
                new(L["Province"], w => w.ProvinceName), new(L["Export.Regency"], w => w.RegencyName), new(S["Common.Active"], w => w.IsActive),
            ],
            ct => ExportRows.From(c => List.HandleAsync(_lastQuery with { All = true }, c), r => r.Items, ct));
        if ((await Options.HandleAsync(new ListStockOptions())).Value is { } options) _options = options;
    }

    private async Task<GridData<WarehouseListItem>> LoadAsync(GridState<WarehouseListItem> state, CancellationToken ct)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        _lastQuery = new ListWarehouses(_search, _ownership, _partnerId, _province, _active,
            state.Page, state.PageSize, sort?.SortBy, sort?.Descending ?? false);
        var result = await List.HandleAsync(_lastQuery, ct);
        if (!result.Succeeded)
        {
            Snackbar.Add(S.Messages(result), Severity.Error);
            return new GridData<WarehouseListItem> { Items = [], TotalItems = 0 };
        }
        return new GridData<WarehouseListItem> { Items = result.Value!.Items, TotalItems = result.Value.TotalCount };
    }

    private Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;
    private Task SearchAsync(string? v) { _search = v; return ReloadAsync(); }
    private Task OwnershipAsync(StockOwnership? v) { _ownership = v; return ReloadAsync(); }
    private Task PartnerAsync(Guid? v) { _partnerId = v; return ReloadAsync(); }
    private Task ProvinceAsync(string? v) { _province = v; return ReloadAsync(); }
    private Task ActiveAsync(bool? v) { _active = v; return ReloadAsync(); }

    private static readonly DialogOptions DialogOptions = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };

    private Task CreateAsync() => OpenAsync(null, L["Warehouses.Create"]);

    private Task EditAsync(WarehouseListItem item) => OpenAsync(item.Id, L["Warehouses.Edit", item.Code]);

    private async Task OpenAsync(Guid? id, string title)
    {
        var parameters = new DialogParameters<WarehouseDialog> { { d => d.WarehouseId, id }, { d => d.Partners, _options.Partners } };
        var dialog = await Dialogs.ShowAsync<WarehouseDialog>(title, parameters, DialogOptions);
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add(S["Common.Saved"], Severity.Success);
            await ReloadAsync();
        }
    }
}
