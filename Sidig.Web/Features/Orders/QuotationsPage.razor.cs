using Microsoft.AspNetCore.Components;
using MudBlazor;
using Sidig.Domain.Orders;
using Sidig.Web.Components.Shared;
using Sidig.Web.Features.Import;

namespace Sidig.Web.Features.Orders;

public sealed partial class QuotationsPage
{
    [Inject] private ListQuotationsHandler List { get; set; } = default!;
    [Inject] private GetOrderFormOptionsHandler FormOptions { get; set; } = default!;
    [Inject] private Permissions Permissions { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private MudDataGrid<QuotationListItem>? _grid;
    private string? _search;
    private QuotationStatus? _status;
    private bool _canWrite;
    private ListQuotations _lastQuery = new();
    private ExportSource _export = default!;

    protected override async Task OnInitializedAsync()
    {
        _export = ExportSource.Create<QuotationListItem>("penawaran",
            [
                new(L["Number"], q => q.Number), new(L["QuotedOn"], q => q.QuotedOn), new(L["ValidUntil"], q => q.ValidUntil),
                new(L["Export.PartnerCode"], q => q.PartnerCode), new(L["Partner"], q => q.PartnerName),
                new(S["Common.Status"], q => L["QuotationStatus." + q.Status].Value), new(L["Total"], q => q.Total),
            ],
            ct => ExportRows.From(c => List.HandleAsync(_lastQuery with { All = true }, c), r => r.Items, ct));
        var options = await FormOptions.HandleAsync(new GetOrderFormOptions());
        _canWrite = await Permissions.HasAsync(Domain.Access.Policies.PlaceOrders) && options.Value is { } o && (o.IsStaff || o.IsAgent);
    }

    private bool IsFiltered => !string.IsNullOrWhiteSpace(_search) || _status is not null;

    private async Task<GridData<QuotationListItem>> LoadAsync(GridState<QuotationListItem> state, CancellationToken ct)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        _lastQuery = new ListQuotations(_status, null, _search, state.Page, state.PageSize, sort?.SortBy, sort?.Descending ?? true);
        var result = await List.HandleAsync(_lastQuery, ct);
        if (!result.Succeeded)
        {
            Snackbar.Add(S.Messages(result), Severity.Error);
            return new GridData<QuotationListItem> { Items = [], TotalItems = 0 };
        }
        return new GridData<QuotationListItem> { Items = result.Value!.Items, TotalItems = result.Value.TotalCount };
    }

    private Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;
    private Task SearchAsync(string? search) { _search = search; return ReloadAsync(); }
    private Task StatusAsync(QuotationStatus? status) { _status = status; return ReloadAsync(); }
}
