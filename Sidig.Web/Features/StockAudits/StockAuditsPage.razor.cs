using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Sidig.Domain.Stock;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Components.Shared;
using Sidig.Web.Features.Lookups;
using Sidig.Web.Features.StockAudits.Components;
using Sidig.Web.Resources;

namespace Sidig.Web.Features.StockAudits;

public sealed partial class StockAuditsPage
{
    [Inject] private ListStockAuditsHandler List { get; set; } = default!;
    [Inject] private LookupWarehousesHandler Warehouses { get; set; } = default!;
    [Inject] private TenantContext TenantContext { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;

    /// <summary>The portal's "Start stock count" opens the dialog straight away.</summary>
    [SupplyParameterFromQuery(Name = "start")] public bool Start { get; set; }

    private MudDataGrid<StockAuditListItem>? _grid;
    private IReadOnlyList<WarehouseOption> _warehouses = [];
    private string? _search;
    private Guid? _warehouseId;
    private StockAuditStatus? _status;
    private bool _started;

    private string TimeZone => TenantContext.Tenant.TimeZoneId;
    private bool IsFiltered => !string.IsNullOrWhiteSpace(_search) || _warehouseId is not null || _status is not null;

    protected override async Task OnInitializedAsync()
    {
        var result = await Warehouses.HandleAsync(new LookupWarehouses());
        if (result.Succeeded) _warehouses = result.Value!;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && Start && !_started && RendererInfo.IsInteractive)
        {
            _started = true;
            await OpenAsync();
        }
    }

    private async Task<GridData<StockAuditListItem>> LoadAsync(GridState<StockAuditListItem> state, CancellationToken ct)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var result = await List.HandleAsync(new ListStockAudits(_warehouseId, _status, _search, state.Page, state.PageSize,
            sort?.SortBy, sort?.Descending ?? true), ct);
        if (!result.Succeeded)
        {
            Snackbar.Add(S.Messages(result), Severity.Error);
            return new GridData<StockAuditListItem> { Items = [], TotalItems = 0 };
        }
        return new GridData<StockAuditListItem> { Items = result.Value!.Items, TotalItems = result.Value.TotalCount };
    }

    private Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;
    private Task SearchAsync(string? search) { _search = search; return ReloadAsync(); }
    private Task WarehouseAsync(Guid? id) { _warehouseId = id; return ReloadAsync(); }
    private Task StatusAsync(StockAuditStatus? status) { _status = status; return ReloadAsync(); }

    private async Task OpenAsync()
    {
        var parameters = new DialogParameters<OpenStockAuditDialog> { { d => d.Warehouses, _warehouses } };
        var dialog = await Dialogs.ShowAsync<OpenStockAuditDialog>(L["Open.Title"], parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        if (await dialog.Result is { Canceled: false, Data: Guid id }) Nav.NavigateTo($"/stock/audits/{id}");
    }
}
