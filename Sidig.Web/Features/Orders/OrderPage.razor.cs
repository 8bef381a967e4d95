using Microsoft.AspNetCore.Components;
using MudBlazor;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Components.Shared;
using Sidig.Web.Features.Lookups;
using Sidig.Web.Features.Orders.Components;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.Orders;

public sealed partial class OrderPage
{
    [Parameter] public Guid? Id { get; set; }

    [Inject] private GetOrderHandler Get { get; set; } = default!;
    [Inject] private GetOrderFormOptionsHandler FormOptions { get; set; } = default!;
    [Inject] private LookupOrderPartnersHandler Partners { get; set; } = default!;
    [Inject] private LookupOrderProductsHandler Products { get; set; } = default!;
    [Inject] private PriceOrderLinesHandler Pricer { get; set; } = default!;
    [Inject] private PlaceOrderHandler Place { get; set; } = default!;
    [Inject] private UpdateOrderHandler Update { get; set; } = default!;
    [Inject] private ApproveOrderHandler ApproveHandler { get; set; } = default!;
    [Inject] private RejectOrderHandler RejectHandler { get; set; } = default!;
    [Inject] private CancelOrderHandler CancelHandler { get; set; } = default!;
    [Inject] private TenantContext Tenant { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private OrderView? _order;
    private OrderFormOptions? _options;
    private OrderPartnerOption? _fixedPartner;
    private DateOnly _today;
    private bool _notFound;
    private int _formKey;
    private List<BreadcrumbItem> _crumbs = [];

    protected override async Task OnParametersSetAsync()
    {
        _today = TenantDates.Today(Clock, Tenant.Tenant.TimeZoneId);
        var options = await FormOptions.HandleAsync(new GetOrderFormOptions());
        if (!options.Succeeded) { _notFound = true; return; }
        _options = options.Value!;
        if (!_options.IsStaff && !_options.IsAgent && _options.OwnPartnerId is { } own)
        {
            var mine = await Partners.HandleAsync(new LookupOrderPartners(null, 1));
            _fixedPartner = mine.Value?.FirstOrDefault(p => p.Id == own);
        }
        await LoadAsync();
        _crumbs = [new(L["Orders.Title"], "/orders"), new(_order?.Number ?? L["Orders.New"], null, disabled: true)];
    }

    private async Task LoadAsync()
    {
        _order = null;
        _notFound = false;
        if (Id is not { } id) return;
        var result = await Get.HandleAsync(new GetOrder(id));
        if (!result.Succeeded) { _notFound = true; return; }
        _order = result.Value;
        _formKey++;
    }

    private async Task<IEnumerable<OrderPartnerOption>> SearchPartnersAsync(string? text, CancellationToken ct)
    {
        var result = await Partners.HandleAsync(new LookupOrderPartners(text), ct);
        return result.Succeeded ? result.Value! : [];
    }

    private async Task<IEnumerable<OrderProductOption>> SearchProductsAsync(LookupOrderProducts query, CancellationToken ct)
    {
        var result = await Products.HandleAsync(query, ct);
        return result.Succeeded ? result.Value! : [];
    }

    private Task<Result<PricedLines>> PriceAsync(PriceOrderLines query) => Pricer.HandleAsync(query);

    private async Task<Result> SaveAsync(OrderFormInput input, bool submit)
    {
        var result = _order is null
            ? await Place.HandleAsync(new PlaceOrder(input.PartnerId!.Value, input.WarehouseId, input.CustomerReference, input.Notes, input.DiscountPercent ?? 0,
                input.OrderLines(), Submit: submit, AgentId: input.AgentId))
            : await Update.HandleAsync(new UpdateOrder(_order.Id, input.WarehouseId, input.CustomerReference, input.Notes, input.DiscountPercent ?? 0,
                input.OrderLines(), submit));
        if (!result.Succeeded) return result;
        var placed = result.Value!;
        if (placed.SubmitProblems.Count > 0)
        {
            Snackbar.Add(L["SavedNotSubmitted"], Severity.Warning);
            if (_order is null) Nav.NavigateTo($"/orders/{placed.Id}");
            return Result.Fail(placed.SubmitProblems);
        }
        Snackbar.Add(placed.Status switch
        {
            Domain.Orders.OrderStatus.Approved => L["SubmittedApproved"],
            Domain.Orders.OrderStatus.AwaitingApproval => L["SubmittedAwaiting"],
            _ => S["Common.Saved"],
        }, placed.Status == Domain.Orders.OrderStatus.AwaitingApproval ? Severity.Warning : Severity.Success);
        if (_order is null) Nav.NavigateTo($"/orders/{placed.Id}");
        else await LoadAsync();
        return Result.Ok();
    }

    private async Task<string?> AskReasonAsync(string title, string? text, string label, string confirm, Color color)
    {
        var parameters = new DialogParameters<ReasonDialog>
        {
            { d => d.Text, text }, { d => d.Label, label }, { d => d.ConfirmText, confirm }, { d => d.Color, color },
        };
        var dialog = await Dialogs.ShowAsync<ReasonDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        return await dialog.Result is { Canceled: false, Data: string reason } ? reason : null;
    }

    private async Task Act(Func<string, Task<Result>> act, string? reason, string done)
    {
        if (reason is null) return;
        var result = await act(reason);
        if (!result.Succeeded) { Snackbar.Add(S.Messages(result), Severity.Error); return; }
        Snackbar.Add(done, Severity.Success);
        await LoadAsync();
    }

    private async Task ApproveAsync() =>
        await Act(async note => await ApproveHandler.HandleAsync(new ApproveOrder(_order!.Id, note)),
            await AskReasonAsync(L["Approve"], L["ApproveText", _order!.Number], L["ApprovalNote"], L["Approve"], Color.Success), L["Approved"]);

    private async Task RejectAsync() =>
        await Act(async reason => await RejectHandler.HandleAsync(new RejectOrder(_order!.Id, reason)),
            await AskReasonAsync(L["Reject"], L["RejectText", _order!.Number], L["RejectReason"], L["Reject"], Color.Warning), L["Rejected"]);

    private async Task CancelAsync() =>
        await Act(async reason => await CancelHandler.HandleAsync(new CancelOrder(_order!.Id, reason)),
            await AskReasonAsync(L["CancelOrder"], L["CancelText", _order!.Number], L["CancelReason"], L["CancelOrder"], Color.Error), L["Cancelled"]);
}
