using Microsoft.AspNetCore.Components;
using MudBlazor;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Components.Shared;
using Sidig.Web.Features.Delivery.Components;

namespace Sidig.Web.Features.Delivery;

/// <summary>A delivery note: staff who ship see the actions (ship, delivered, cancel); the partner it belongs to reads it.</summary>
public sealed partial class DeliveryNotePage
{
    [Parameter] public Guid Id { get; set; }

    [Inject] private GetDeliveryNoteHandler Get { get; set; } = default!;
    [Inject] private ShipDeliveryNoteHandler Ship { get; set; } = default!;
    [Inject] private CancelDeliveryNoteHandler Cancel { get; set; } = default!;
    [Inject] private Permissions Permissions { get; set; } = default!;
    [Inject] private TenantContext TenantContext { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private DeliveryNoteView? _view;
    private string? _loadError, _actionError;
    private bool _canShip, _busy;
    private List<BreadcrumbItem> _crumbs = [];

    protected override async Task OnParametersSetAsync()
    {
        _canShip = await Permissions.HasAsync(Policies.ShipOrders);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var result = await Get.HandleAsync(new GetDeliveryNote(Id));
        _view = result.Value;
        _loadError = result.Succeeded ? null : S.Messages(result);
        _crumbs = [new BreadcrumbItem(L["Title"], "/delivery-notes"), new BreadcrumbItem(_view?.Number ?? "", null, disabled: true)];
    }

    private async Task ShipAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(L["ShipTitle"], L["ShipText", _view!.Number, _view.FromWarehouse, _view.ToWarehouse ?? L["ToCustomer"].Value],
            yesText: L["Ship"], cancelText: S["Common.Cancel"]);
        if (confirmed != true) return;
        await RunAsync(() => Ship.HandleAsync(new ShipDeliveryNote(Id)), L["Shipped", _view.Number]);
    }

    private async Task CancelAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(L["CancelTitle"], L["CancelText", _view!.Number], yesText: L["CancelNote"], cancelText: S["Common.Back"]);
        if (confirmed != true) return;
        await RunAsync(() => Cancel.HandleAsync(new CancelDeliveryNote(Id)), L["Cancelled", _view.Number]);
    }

    private async Task DeliveredAsync()
    {
        var parameters = new DialogParameters<MarkDeliveredDialog> { { d => d.DeliveryNoteId, Id }, { d => d.ShipDate, _view!.ShipDate } };
        var dialog = await Dialogs.ShowAsync<MarkDeliveredDialog>(L["MarkDelivered"], parameters,
            new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true, CloseOnEscapeKey = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add(L["DeliveryRecorded", _view.Number], Severity.Success);
            await LoadAsync();
        }
    }

    private async Task RunAsync(Func<Task<Result>> action, string success)
    {
        _busy = true;
        _actionError = null;
        try
        {
            var result = await action();
            if (result.Succeeded) Snackbar.Add(success, Severity.Success);
            else _actionError = S.Messages(result);
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }
}
