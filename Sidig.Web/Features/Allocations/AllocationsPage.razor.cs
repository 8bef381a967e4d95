using Sidig.Web.Features.Import;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Components.Shared;
using Sidig.Web.Features.Allocations.Components;
using Sidig.Web.Features.Lookups;

namespace Sidig.Web.Features.Allocations;

public sealed partial class AllocationsPage
{
    [Inject] private ListAllocationsHandler List { get; set; } = default!;
    [Inject] private DeleteAllocationHandler Delete { get; set; } = default!;
    [Inject] private LookupPartnersHandler Partners { get; set; } = default!;
    [Inject] private TenantContext TenantContext { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private MudDataGrid<AllocationListItem>? _grid;
    private string? _search;
    private PartnerOption? _partner;
    private bool _openOnly = true;
    private ListAllocations _lastQuery = new();
    private ExportSource _export = default!;

    protected override void OnInitialized()
    {
        _export = ExportSource.Create<AllocationListItem>("alokasi",
            [
                new(L["Export.PartnerCode"], a => a.PartnerCode), new(L["Partner"], a => a.PartnerName),
                new(L["Product"], a => a.Sku), new(L["Export.ProductName"], a => a.ProductName),
                new(L["Export.PeriodStart"], a => a.PeriodStart), new(L["Export.PeriodEnd"], a => a.PeriodEnd),
                new(L["Quantity"], a => a.Quantity), new(L["Used"], a => a.Used), new(L["Remaining"], a => a.Remaining), new(L["Export.Unit"], a => a.Unit),
            ],
            ct => ExportRows.From(c => List.HandleAsync(_lastQuery with { All = true }, c), r => r.Items, ct));
    }

    private bool IsFiltered => !string.IsNullOrWhiteSpace(_search) || _partner is not null;

    private async Task<GridData<AllocationListItem>> LoadAsync(GridState<AllocationListItem> state, CancellationToken ct)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        DateOnly? openOn = _openOnly ? TenantDates.Today(Clock, TenantContext.Tenant.TimeZoneId) : null;
        _lastQuery = new ListAllocations(_partner?.Id, _search, openOn, state.Page, state.PageSize,
            sort?.SortBy, sort?.Descending ?? false);
        var result = await List.HandleAsync(_lastQuery, ct);
        if (!result.Succeeded)
        {
            Snackbar.Add(S.Messages(result), Severity.Error);
            return new GridData<AllocationListItem> { Items = [], TotalItems = 0 };
        }
        return new GridData<AllocationListItem> { Items = result.Value!.Items, TotalItems = result.Value.TotalCount };
    }

    private Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;
    private Task SearchAsync(string? search) { _search = search; return ReloadAsync(); }
    private Task PartnerAsync(PartnerOption? partner) { _partner = partner; return ReloadAsync(); }
    private Task OpenOnlyAsync(bool value) { _openOnly = value; return ReloadAsync(); }

    private async Task<IEnumerable<PartnerOption>> SearchPartnersAsync(string? text, CancellationToken ct)
    {
        var result = await Partners.HandleAsync(new LookupPartners(text), ct);
        return result.Succeeded ? result.Value! : [];
    }

    private async Task EditAsync(AllocationListItem? item)
    {
        var parameters = new DialogParameters<AllocationEditDialog> { { d => d.Existing, item } };
        var dialog = await Dialogs.ShowAsync<AllocationEditDialog>(item is null ? L["New"] : L["Edit"], parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add(S["Common.Saved"], Severity.Success);
            await ReloadAsync();
        }
    }

    private async Task DeleteAsync(AllocationListItem item)
    {
        var yes = await Dialogs.ShowMessageBoxAsync(L["Delete.Title"],
            L["Delete.Text", item.PartnerName, item.Sku, AllocationText.Period(item.PeriodStart, item.PeriodEnd)],
            yesText: S["Common.Delete"], cancelText: S["Common.Cancel"]);
        if (yes != true) return;
        var result = await Delete.HandleAsync(new DeleteAllocation(item.Id));
        if (!result.Succeeded)
        {
            Snackbar.Add(S.Messages(result), Severity.Error);
            return;
        }
        Snackbar.Add(L["Deleted"], Severity.Success);
        await ReloadAsync();
    }
}
