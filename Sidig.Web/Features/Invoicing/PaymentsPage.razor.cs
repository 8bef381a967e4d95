using Microsoft.AspNetCore.Components;
using MudBlazor;
using Sidig.Domain.Invoicing;
using Sidig.Web.Components.Shared;
using Sidig.Web.Features.Import;
using Sidig.Web.Features.Invoicing.Components;

namespace Sidig.Web.Features.Invoicing;

/// <summary>Finance: partners' reported payments to confirm or reject, and every payment's history.</summary>
public sealed partial class PaymentsPage
{
    [Inject] private ListPaymentsHandler List { get; set; } = default!;
    [Inject] private ConfirmPaymentHandler Confirm { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private MudDataGrid<PaymentListItem>? _grid;
    private PaymentStatus? _status = PaymentStatus.Pending;
    private string? _search;
    private DateTime? _from, _to;
    private bool _busy;
    private ListPayments _lastQuery = new();
    private ExportSource _export = default!;

    protected override void OnInitialized() =>
        _export = ExportSource.Create<PaymentListItem>("pembayaran",
            [
                new(L["PaidOn"], p => p.PaidOn), new(L["Number"], p => p.InvoiceNumber), new(L["Partner"], p => p.PartnerName),
                new(L["Method"], p => L["Method." + p.Method].Value), new(L["Reference"], p => p.Reference), new(L["Amount"], p => p.Amount),
                new(S["Common.Status"], p => L["PaymentStatus." + p.Status].Value), new(L["RecordedBy"], p => p.RecordedBy), new(L["DecidedBy"], p => p.DecidedBy),
                new(L["RejectReason"], p => p.RejectReason),
            ],
            ct => ExportRows.From(c => List.HandleAsync(_lastQuery with { All = true }, c), r => r.Items, ct));

    private async Task<GridData<PaymentListItem>> LoadAsync(GridState<PaymentListItem> state, CancellationToken ct)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        // Pending reports oldest first (first come, first decided); the history newest first.
        _lastQuery = new ListPayments(_status, _search, _from is { } f ? DateOnly.FromDateTime(f) : null, _to is { } t ? DateOnly.FromDateTime(t) : null,
            state.Page, state.PageSize, sort?.SortBy, sort?.Descending ?? _status != PaymentStatus.Pending);
        var result = await List.HandleAsync(_lastQuery, ct);
        if (!result.Succeeded)
        {
            Snackbar.Add(S.Messages(result), Severity.Error);
            return new GridData<PaymentListItem> { Items = [], TotalItems = 0 };
        }
        return new GridData<PaymentListItem> { Items = result.Value!.Items, TotalItems = result.Value.TotalCount };
    }

    internal static Color StatusColor(PaymentStatus status) => status switch
    {
        PaymentStatus.Confirmed => Color.Success,
        PaymentStatus.Rejected => Color.Error,
        _ => Color.Warning,
    };

    private async Task ConfirmAsync(PaymentListItem p)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(L["ConfirmTitle"], L["ConfirmText", Rupiah.Format(p.Amount), p.InvoiceNumber, p.PartnerName],
            yesText: L["Confirm"], cancelText: S["Common.Cancel"]);
        if (confirmed != true) return;
        _busy = true;
        try
        {
            var result = await Confirm.HandleAsync(new ConfirmPayment(p.Id));
            if (result.Succeeded) Snackbar.Add(L["Confirmed", p.InvoiceNumber], Severity.Success);
            else Snackbar.Add(S.Messages(result), Severity.Error);
        }
        finally
        {
            _busy = false;
        }
        await ReloadAsync();
    }

    private async Task RejectAsync(PaymentListItem p)
    {
        var dialog = await Dialogs.ShowAsync<RejectPaymentDialog>(L["RejectTitle", p.InvoiceNumber], new DialogParameters<RejectPaymentDialog> { { d => d.PaymentId, p.Id } },
            new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true, CloseOnEscapeKey = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add(L["Rejected", p.InvoiceNumber], Severity.Success);
            await ReloadAsync();
        }
    }

    private Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;
    private Task StatusAsync(PaymentStatus? status) { _status = status; return ReloadAsync(); }
    private Task SearchAsync(string? search) { _search = search; return ReloadAsync(); }
    private Task FromAsync(DateTime? from) { _from = from; return ReloadAsync(); }
    private Task ToAsync(DateTime? to) { _to = to; return ReloadAsync(); }
}
