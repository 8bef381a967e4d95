using Microsoft.AspNetCore.Components;
using MudBlazor;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Components.Shared;
using Sidig.Web.Features.Lookups;

namespace Sidig.Web.Features.Orders;

public sealed partial class QuotationPage
{
    [Parameter] public Guid? Id { get; set; }

    [Inject] private GetQuotationHandler Get { get; set; } = default!;
    [Inject] private GetOrderFormOptionsHandler FormOptions { get; set; } = default!;
    [Inject] private LookupOrderPartnersHandler Partners { get; set; } = default!;
    [Inject] private LookupOrderProductsHandler Products { get; set; } = default!;
    [Inject] private PriceOrderLinesHandler Pricer { get; set; } = default!;
    [Inject] private SaveQuotationHandler SaveHandler { get; set; } = default!;
    [Inject] private ChangeQuotationHandler Change { get; set; } = default!;
    [Inject] private AcceptQuotationHandler Accept { get; set; } = default!;
    [Inject] private Permissions Permissions { get; set; } = default!;
    [Inject] private TenantContext Tenant { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private QuotationView? _quotation;
    private OrderFormOptions? _options;
    private Guid? _warehouseId;
    private DateOnly _today;
    private bool _notFound, _mayWrite;
    private int _formKey;
    private List<BreadcrumbItem> _crumbs = [];

    protected override async Task OnParametersSetAsync()
    {
        _today = TenantDates.Today(Clock, Tenant.Tenant.TimeZoneId);
        var options = await FormOptions.HandleAsync(new GetOrderFormOptions());
        if (!options.Succeeded) { _notFound = true; return; }
        _options = options.Value!;
        _mayWrite = await Permissions.HasAsync(Domain.Access.Policies.PlaceOrders) && (_options.IsStaff || _options.IsAgent);
        if (_options.Warehouses.Count == 1) _warehouseId = _options.Warehouses[0].Id;
        await LoadAsync();
        _crumbs = [new(L["Quotations.Title"], "/quotations"), new(_quotation?.Number ?? L["Quotations.New"], null, disabled: true)];
    }

    private async Task LoadAsync()
    {
        _quotation = null;
        _notFound = false;
        if (Id is not { } id) return;
        var result = await Get.HandleAsync(new GetQuotation(id));
        if (!result.Succeeded) { _notFound = true; return; }
        _quotation = result.Value;
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
        var result = await SaveHandler.HandleAsync(new SaveQuotation(_quotation?.Id, input.PartnerId!.Value, input.ValidUntil, input.DiscountPercent ?? 0,
            input.Notes, input.OrderLines(), input.AgentId));
        if (!result.Succeeded) return result;
        Snackbar.Add(S["Common.Saved"], Severity.Success);
        if (_quotation is null) Nav.NavigateTo($"/quotations/{result.Value!.Id}");
        else await LoadAsync();
        return Result.Ok();
    }

    private async Task MarkSentAsync()
    {
        var result = await Change.HandleAsync(new ChangeQuotation(_quotation!.Id, QuotationAction.MarkSent));
        if (!result.Succeeded) { Snackbar.Add(S.Messages(result), Severity.Error); return; }
        Snackbar.Add(L["MarkedSent"], Severity.Success);
        await LoadAsync();
    }

    private async Task RejectAsync()
    {
        var yes = await Dialogs.ShowMessageBoxAsync(L["Reject"], L["RejectQuotationText", _quotation!.Number], yesText: L["Reject"], cancelText: S["Common.Cancel"]);
        if (yes != true) return;
        var result = await Change.HandleAsync(new ChangeQuotation(_quotation.Id, QuotationAction.Reject));
        if (!result.Succeeded) { Snackbar.Add(S.Messages(result), Severity.Error); return; }
        await LoadAsync();
    }

    private async Task AcceptAsync()
    {
        var yes = await Dialogs.ShowMessageBoxAsync(L["Accept"], L["AcceptText", _quotation!.Number], yesText: L["Accept"], cancelText: S["Common.Cancel"]);
        if (yes != true) return;
        var result = await Accept.HandleAsync(new AcceptQuotation(_quotation.Id, _warehouseId));
        if (!result.Succeeded) { Snackbar.Add(S.Messages(result), Severity.Error); return; }
        Snackbar.Add(L["AcceptedOrder", result.Value!.Number], Severity.Success);
        Nav.NavigateTo($"/orders/{result.Value.Id}");
    }
}
