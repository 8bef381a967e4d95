using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Components.Shared;
using Sidig.Web.Resources;

namespace Sidig.Web.Features.StockAudits;

public sealed partial class StockAuditSessionPage
{
    [Parameter] public Guid Id { get; set; }

    [Inject] private GetStockAuditHandler Get { get; set; } = default!;
    [Inject] private SubmitStockAuditHandler Submit { get; set; } = default!;
    [Inject] private ReopenStockAuditHandler Reopen { get; set; } = default!;
    [Inject] private ApproveStockAuditHandler Approve { get; set; } = default!;
    [Inject] private CancelStockAuditHandler Cancel { get; set; } = default!;
    [Inject] private TenantContext TenantContext { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private StockAuditView? _view;
    private string? _loadError;
    private bool _busy;

    private string TimeZone => TenantContext.Tenant.TimeZoneId;

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var result = await Get.HandleAsync(new GetStockAudit(Id));
        if (result.Succeeded) (_view, _loadError) = (result.Value, null);
        else _loadError = S.Messages(result);
    }

    private async Task SubmitAsync()
    {
        var uncounted = _view!.Lines.Count(l => l.Counted is null);
        bool asZero = false;
        if (_view.Lines.Count == 0)
        {
            Snackbar.Add(S["Audit.NothingCounted"], Severity.Warning);
            return;
        }
        if (uncounted > 0)
        {
            if (!await ConfirmAsync(L["Submit.Title"], L["Submit.UncountedText", uncounted], L["Submit.AsZero"])) return;
            asZero = true;
        }
        else if (!await ConfirmAsync(L["Submit.Title"], L["Submit.Text"], L["Action.Submit"])) return;
        await RunAsync(() => Submit.HandleAsync(new SubmitStockAudit(Id, asZero)), L["Submitted"]);
    }

    private async Task ReopenAsync()
    {
        if (!await ConfirmAsync(L["Reopen.Title"], L["Reopen.Text"], L["Action.Reopen"])) return;
        await RunAsync(() => Reopen.HandleAsync(new ReopenStockAudit(Id)), L["Reopened"]);
    }

    private async Task ApproveAsync()
    {
        if (!await ConfirmAsync(L["Approve.Title"], L["Approve.Text", _view!.Variances.Count()], L["Action.Approve"])) return;
        await RunAsync(() => Approve.HandleAsync(new ApproveStockAudit(Id)), L["Approved"]);
    }

    private async Task CancelAsync()
    {
        if (!await ConfirmAsync(L["CancelSession.Title"], L["CancelSession.Text", _view!.WarehouseCode], L["Action.Cancel"], S["Common.Back"])) return;
        await RunAsync(() => Cancel.HandleAsync(new CancelStockAudit(Id)), L["CancelledMessage"]);
    }

    private async Task RunAsync(Func<Task<Result>> action, string success)
    {
        _busy = true;
        try
        {
            var result = await action();
            if (result.Succeeded) Snackbar.Add(success, Severity.Success);
            else Snackbar.Add(S.Messages(result), Severity.Error);
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task<bool> ConfirmAsync(string title, string text, string yes, string? no = null) =>
        await Dialogs.ShowMessageBoxAsync(title, text, yesText: yes, cancelText: no ?? S["Common.Cancel"]) == true;
}
