using Microsoft.AspNetCore.Components;
using MudBlazor;
using Sidig.Domain.Orders;
using Sidig.Web.Components.Shared;
using Sidig.Web.Features.Import;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.Orders;

public sealed partial class OrdersPage
{
    [Inject] private ListOrdersHandler List { get; set; } = default!;
    [Inject] private LookupOrderPartnersHandler Partners { get; set; } = default!;
    [Inject] private PartnerScope Scope { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private MudDataGrid<OrderListItem>? _grid;
    private string? _search;
    private OrderStatus? _status;
    private OrderPartnerOption? _partner;
    private DateRange? _range;
    private bool _showPartnerFilter;
    private ListOrders _lastQuery = new();
    private ExportSource _export = default!;

    protected override async Task OnInitializedAsync()
    {
        _export = ExportSource.Create<OrderListItem>("pesanan",
            [
                new(L["Number"], o => o.Number), new(L["OrderDate"], o => o.OrderDate), new(L["Export.PartnerCode"], o => o.PartnerCode),
                new(L["Partner"], o => o.PartnerName), new(S["Common.Status"], o => L["Status." + o.Status].Value),
                new(L["CustomerReference"], o => o.CustomerReference), new(L["Total"], o => o.Total), new(L["Export.CreatedBy"], o => o.CreatedBy),
            ],
            ct => ExportRows.From(c => List.HandleAsync(_lastQuery with { All = true }, c), r => r.Items, ct));
        _showPartnerFilter = !await Scope.IsPartnerUserAsync();
    }

    private bool IsFiltered => !string.IsNullOrWhiteSpace(_search) || _status is not null || _partner is not null || _range?.Start is not null;

    private async Task<GridData<OrderListItem>> LoadAsync(GridState<OrderListItem> state, CancellationToken ct)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        _lastQuery = new ListOrders(_status, _partner?.Id, _range?.Start is { } f ? DateOnly.FromDateTime(f) : null,
            _range?.End is { } t ? DateOnly.FromDateTime(t) : null, _search, state.Page, state.PageSize, sort?.SortBy, sort?.Descending ?? true);
        var result = await List.HandleAsync(_lastQuery, ct);
        if (!result.Succeeded)
        {
            Snackbar.Add(S.Messages(result), Severity.Error);
            return new GridData<OrderListItem> { Items = [], TotalItems = 0 };
        }
        return new GridData<OrderListItem> { Items = result.Value!.Items, TotalItems = result.Value.TotalCount };
    }

    private Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;
    private Task SearchAsync(string? search) { _search = search; return ReloadAsync(); }
    private Task StatusAsync(OrderStatus? status) { _status = status; return ReloadAsync(); }
    private Task PartnerAsync(OrderPartnerOption? partner) { _partner = partner; return ReloadAsync(); }
    private Task RangeAsync(DateRange? range) { _range = range; return ReloadAsync(); }

    private async Task<IEnumerable<OrderPartnerOption>> SearchPartnersAsync(string? text, CancellationToken ct)
    {
        var result = await Partners.HandleAsync(new LookupOrderPartners(text), ct);
        return result.Succeeded ? result.Value! : [];
    }
}
