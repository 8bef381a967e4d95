using Sidig.Web.Features.Import;
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
    private ListStockAudits _lastQuery = new();
    private ExportSource _export = default!;

    private string TimeZone => TenantContext.Tenant.TimeZoneId;
    private bool IsFiltered => !string.IsNullOrWhiteSpace(_search) || _warehouseId is not null || _status is not null;

    protected override async Task OnInitializedAsync()
    {
        _export = ExportSource.Create<StockAuditListItem>("opname-stok",
            [
                new(L["Number"], a => a.Number), new(L["Warehouse"], a => a.WarehouseCode), new(L["Export.WarehouseName"], a => a.WarehouseName),
                new(L["Export.Partner"], a => a.PartnerName), new(S["Common.Status"], a => L["Status." + a.Status].Value), new(L["Blind"], a => a.Blind),
                new(L["Export.Lines"], a => a.Lines), new(L["Export.Counted"], a => a.Counted),
                new(L["OpenedAt"], a => DisplayTime.InZone(a.OpenedAt, TimeZone)), new(L["Export.OpenedBy"], a => a.OpenedBy),
                new(L["ClosedAt"], a => a.ClosedAt is { } at ? DisplayTime.InZone(at, TimeZone) : null),
            ],
            ct => ExportRows.From(c => List.HandleAsync(_lastQuery with { All = true }, c), r => r.Items, ct));
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
        _lastQuery = new ListStockAudits(_warehouseId, _status, _search, state.Page, state.PageSize,
            sort?.SortBy, sort?.Descending ?? true);
        var result = await List.HandleAsync(_lastQuery, ct);
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
