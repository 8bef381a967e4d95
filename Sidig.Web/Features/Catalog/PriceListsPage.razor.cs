using Sidig.Web.Features.Import;
using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Sidig.Domain.Catalog;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Components.Shared;
using Sidig.Web.Features.Catalog.Components;

namespace Sidig.Web.Features.Catalog;

public sealed partial class PriceListsPage
{
    [Inject] private ListPriceListsHandler List { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private TenantContext TenantContext { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    private MudDataGrid<PriceListListItem>? _grid;
    private string? _search;
    private PriceTier? _tier;
    private bool? _partnerLists, _active;
    private ListPriceLists _lastQuery = new();
    private ExportSource _export = default!;

    protected override void OnInitialized()
    {
        _export = ExportSource.Create<PriceListListItem>("daftar-harga",
            [
                new(S["Common.Name"], l => l.Name), new(L["PriceList.AppliesTo"], l => l.PartnerName ?? L["Tier." + l.Tier].Value),
                new(L["PriceList.ValidFrom"], l => l.ValidFrom), new(L["PriceList.ValidTo"], l => l.ValidTo),
                new(L["PriceList.Lines"], l => l.LineCount), new(S["Common.Active"], l => l.IsActive),
            ],
            ct => ExportRows.From(c => List.HandleAsync(_lastQuery with { All = true }, c), r => r.Items, ct));
    }

    private bool IsFiltered => !string.IsNullOrWhiteSpace(_search) || _tier is not null || _partnerLists is not null || _active is not null;

    private static string Date(DateOnly date) => date.ToString(DisplayTime.DateFormat, CultureInfo.CurrentCulture);

    /// <summary>The grid's current filters as the list query (the export reuses it with <c>All = true</c>).</summary>
    private ListPriceLists Query(GridState<PriceListListItem> state)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        return new ListPriceLists(_search, _tier, _partnerLists, _active, state.Page, state.PageSize, sort?.SortBy, sort?.Descending ?? true);
    }

    private async Task<GridData<PriceListListItem>> LoadAsync(GridState<PriceListListItem> state, CancellationToken ct)
    {
        _lastQuery = Query(state);
        var result = await List.HandleAsync(_lastQuery, ct);
        if (!result.Succeeded)
        {
            Snackbar.Add(S.Messages(result), Severity.Error);
            return new GridData<PriceListListItem> { Items = [], TotalItems = 0 };
        }
        return new GridData<PriceListListItem> { Items = result.Value!.Items, TotalItems = result.Value.TotalCount };
    }

    private Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;

    private Task SearchAsync(string? search) { _search = search; return ReloadAsync(); }
    private Task TierAsync(PriceTier? tier) { _tier = tier; return ReloadAsync(); }
    private Task KindAsync(bool? partnerLists) { _partnerLists = partnerLists; return ReloadAsync(); }
    private Task ActiveAsync(bool? active) { _active = active; return ReloadAsync(); }

    private void Open(PriceListListItem item) => Nav.NavigateTo($"/catalog/price-lists/{item.Id}");

    private async Task CreateAsync()
    {
        var today = DateOnly.FromDateTime(DisplayTime.InZone(Clock.GetUtcNow(), TenantContext.Tenant.TimeZoneId).DateTime);
        var parameters = new DialogParameters<PriceListDialog> { { d => d.Today, today } };
        var dialog = await Dialogs.ShowAsync<PriceListDialog>(L["PriceLists.New"], parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        if (await dialog.Result is { Canceled: false, Data: Guid id }) Nav.NavigateTo($"/catalog/price-lists/{id}");
    }
}
