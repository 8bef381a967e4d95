using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Sidig.Domain.Access;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Components.Shared;
using Sidig.Web.Features.Invoicing.Components;
using Sidig.Web.Features.Lookups;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.Invoicing;

/// <summary>An invoice: finance records payments and the faktur pajak number; the partner it is billed to reports payments with proof.</summary>
public sealed partial class InvoicePage
{
    [Parameter] public Guid Id { get; set; }

    [Inject] private GetInvoiceHandler Get { get; set; } = default!;
    [Inject] private SetTaxInvoiceNumberHandler SetTaxNumber { get; set; } = default!;
    [Inject] private Permissions Permissions { get; set; } = default!;
    [Inject] private PartnerScope Scope { get; set; } = default!;
    [Inject] private TenantContext TenantContext { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private InvoiceView? _view;
    private string? _loadError, _taxNumber, _taxError;
    private bool _canManage, _canReport, _ownInvoice;
    private List<BreadcrumbItem> _crumbs = [];

    protected override async Task OnParametersSetAsync()
    {
        _canManage = await Permissions.HasAsync(Policies.ManageInvoices);
        _canReport = await Permissions.HasAsync(Policies.ReportPayments);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var result = await Get.HandleAsync(new GetInvoice(Id));
        _view = result.Value;
        _loadError = result.Succeeded ? null : S.Messages(result);
        _taxNumber = _view?.TaxInvoiceNumber;
        _ownInvoice = _view is not null && (await Scope.VisibleAsync())?.Contains(_view.PartnerId) == true;
        _crumbs = [new BreadcrumbItem(L["Title"], "/invoices"), new BreadcrumbItem(_view?.Number ?? "", null, disabled: true)];
    }

    private static string Date(DateOnly d) => d.ToString(DisplayTime.DateFormat, CultureInfo.CurrentCulture);

    private static string Capitalised(string words) => words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];

    private async Task SaveTaxNumberAsync()
    {
        var result = await SetTaxNumber.HandleAsync(new SetTaxInvoiceNumber(Id, _taxNumber));
        if (!result.Succeeded) { _taxError = S.Messages(result); return; }
        _taxError = null;
        Snackbar.Add(S["Common.Saved"], Severity.Success);
        await LoadAsync();
    }

    private async Task PayAsync(bool report)
    {
        var today = TenantDates.Today(Clock, TenantContext.Tenant.TimeZoneId);
        var parameters = new DialogParameters<PaymentDialog>
        {
            { d => d.InvoiceId, Id }, { d => d.Outstanding, report ? _view!.Outstanding - _view.PendingPayments : _view!.Outstanding },
            { d => d.Today, today }, { d => d.IsReport, report },
        };
        var dialog = await Dialogs.ShowAsync<PaymentDialog>(report ? L["ReportPayment"] : L["RecordPayment"], parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add(report ? L["PaymentReported"] : L["PaymentRecorded"], Severity.Success);
            await LoadAsync();
        }
    }
}
