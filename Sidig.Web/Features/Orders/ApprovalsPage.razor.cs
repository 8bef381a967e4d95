using Microsoft.AspNetCore.Components;
using MudBlazor;
using Sidig.Domain.Common;
using Sidig.Domain.Orders;
using Sidig.Web.Components.Shared;
using Sidig.Web.Features.Import;
using Sidig.Web.Features.Orders.Components;

namespace Sidig.Web.Features.Orders;

public sealed partial class ApprovalsPage
{
    [Inject] private ListOrdersHandler List { get; set; } = default!;
    [Inject] private ApproveOrderHandler Approve { get; set; } = default!;
    [Inject] private RejectOrderHandler Reject { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private MudDataGrid<OrderListItem>? _grid;
    private string? _search;
    private ListOrders _lastQuery = new();
    private ExportSource _export = default!;

    protected override void OnInitialized()
    {
        _export = ExportSource.Create<OrderListItem>("persetujuan",
            [
                new(L["Number"], o => o.Number), new(L["OrderDate"], o => o.OrderDate), new(L["Partner"], o => o.PartnerName), new(L["Total"], o => o.Total),
                new(L["Reasons"], o => string.Join("; ", o.Pending.Select(p => L["Reason." + p.Reason].Value + ": " + p.Detail))),
            ],
            ct => ExportRows.From(c => List.HandleAsync(_lastQuery with { All = true }, c), r => r.Items, ct));
    }

    private async Task<GridData<OrderListItem>> LoadAsync(GridState<OrderListItem> state, CancellationToken ct)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        _lastQuery = new ListOrders(OrderStatus.AwaitingApproval, Search: _search, Page: state.Page, PageSize: state.PageSize, SortBy: sort?.SortBy,
            Descending: sort?.Descending ?? false, WithPendingReasons: true);
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

    private async Task DecideAsync(OrderListItem item, bool approve)
    {
        var parameters = new DialogParameters<ReasonDialog>
        {
            { d => d.Text, approve ? L["ApproveText", item.Number].Value : L["RejectText", item.Number].Value },
            { d => d.Label, approve ? L["ApprovalNote"].Value : L["RejectReason"].Value },
            { d => d.ConfirmText, approve ? L["Approve"].Value : L["Reject"].Value },
            { d => d.Color, approve ? Color.Success : Color.Warning },
        };
        var dialog = await Dialogs.ShowAsync<ReasonDialog>(approve ? L["Approve"] : L["Reject"], parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is not { Canceled: false, Data: string note }) return;
        Result result = approve ? await Approve.HandleAsync(new ApproveOrder(item.Id, note)) : await Reject.HandleAsync(new RejectOrder(item.Id, note));
        if (!result.Succeeded) { Snackbar.Add(S.Messages(result), Severity.Error); return; }
        Snackbar.Add(approve ? L["Approved"] : L["Rejected"], Severity.Success);
        await ReloadAsync();
    }
}
