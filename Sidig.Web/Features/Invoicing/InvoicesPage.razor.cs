using Microsoft.AspNetCore.Components;
using MudBlazor;
using Sidig.Domain.Invoicing;
using Sidig.Web.Components.Shared;
using Sidig.Web.Features.Import;

namespace Sidig.Web.Features.Invoicing;

public sealed partial class InvoicesPage
{
    [Inject] private ListInvoicesHandler List { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;

    private MudDataGrid<InvoiceListItem>? _grid;
    private string? _search;
    private InvoiceDisplayStatus? _status;
    private DateTime? _dueFrom, _dueTo;
    private InvoiceTotals? _totals;
    private ListInvoices _lastQuery = new();
    private ExportSource _export = default!;

    private bool IsFiltered => !string.IsNullOrWhiteSpace(_search) || _status is not null || _dueFrom is not null || _dueTo is not null;

    protected override void OnInitialized() =>
        _export = ExportSource.Create<InvoiceListItem>("faktur",
            [
                new(L["Number"], i => i.Number), new(L["IssueDate"], i => i.IssueDate), new(L["DueDate"], i => i.DueDate), new(L["Partner"], i => i.PartnerName),
                new(L["Total"], i => i.Total), new(L["Paid"], i => i.Paid), new(L["Credited"], i => i.Credited), new(L["Outstanding"], i => i.Outstanding),
                new(S["Common.Status"], i => L["Status." + i.Status].Value), new(L["TaxInvoiceNumber"], i => i.TaxInvoiceNumber),
            ],
            ct => ExportRows.From(c => List.HandleAsync(_lastQuery with { All = true }, c), r => r.Items, ct));

    private async Task<GridData<InvoiceListItem>> LoadAsync(GridState<InvoiceListItem> state, CancellationToken ct)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        _lastQuery = new ListInvoices(_search, _status, false, null, _dueFrom is { } f ? DateOnly.FromDateTime(f) : null,
            _dueTo is { } t ? DateOnly.FromDateTime(t) : null, state.Page, state.PageSize, sort?.SortBy, sort?.Descending ?? true);
        var result = await List.HandleAsync(_lastQuery, ct);
        if (!result.Succeeded)
        {
            Snackbar.Add(S.Messages(result), Severity.Error);
            return new GridData<InvoiceListItem> { Items = [], TotalItems = 0 };
        }
        if (_totals != result.Value!.Totals)
        {
            _totals = result.Value.Totals;
            StateHasChanged();
        }
        return new GridData<InvoiceListItem> { Items = result.Value.Items, TotalItems = result.Value.TotalCount };
    }

    internal static Color StatusColor(InvoiceDisplayStatus status) => status switch
    {
        InvoiceDisplayStatus.Paid => Color.Success,
        InvoiceDisplayStatus.PartiallyPaid => Color.Info,
        InvoiceDisplayStatus.Overdue => Color.Error,
        InvoiceDisplayStatus.Cancelled => Color.Dark,
        _ => Color.Warning,
    };

    private Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;
    private Task SearchAsync(string? search) { _search = search; return ReloadAsync(); }
    private Task StatusAsync(InvoiceDisplayStatus? status) { _status = status; return ReloadAsync(); }
    private Task DueFromAsync(DateTime? from) { _dueFrom = from; return ReloadAsync(); }
    private Task DueToAsync(DateTime? to) { _dueTo = to; return ReloadAsync(); }
}
