using Microsoft.AspNetCore.Components;
using MudBlazor;
using Sidig.Domain.Orders;
using Sidig.Web.Components.Shared;
using Sidig.Web.Features.Import;

namespace Sidig.Web.Features.Delivery;

public sealed partial class DeliveryNotesPage
{
    [Inject] private ListDeliveryNotesHandler List { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;

    private MudDataGrid<DeliveryNoteListItem>? _grid;
    private string? _search;
    private DeliveryNoteStatus? _status;
    private DateTime? _from, _to;
    private ListDeliveryNotes _lastQuery = new();
    private ExportSource _export = default!;

    private bool IsFiltered => !string.IsNullOrWhiteSpace(_search) || _status is not null || _from is not null || _to is not null;

    protected override void OnInitialized() =>
        _export = ExportSource.Create<DeliveryNoteListItem>("surat-jalan",
            [
                new(L["Number"], n => n.Number), new(L["ShipDate"], n => n.ShipDate), new(L["Order"], n => n.OrderNumber), new(L["Partner"], n => n.PartnerName),
                new(L["FromWarehouse"], n => n.FromWarehouse), new(L["ToWarehouse"], n => n.ToWarehouse), new(L["ShippingCompany"], n => n.ShippingCompany),
                new(L["VehicleNumber"], n => n.VehicleNumber), new(L["Driver"], n => n.Driver), new(L["TrackingNumber"], n => n.TrackingNumber),
                new(L["Quantity"], n => n.Quantity), new(S["Common.Status"], n => L["Status." + n.Status].Value), new(L["DeliveredOn"], n => n.DeliveredOn),
                new(L["ReceivedBy"], n => n.ReceivedBy), new(L["Invoice"], n => n.InvoiceNumber),
            ],
            ct => ExportRows.From(c => List.HandleAsync(_lastQuery with { All = true }, c), r => r.Items, ct));

    private async Task<GridData<DeliveryNoteListItem>> LoadAsync(GridState<DeliveryNoteListItem> state, CancellationToken ct)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        _lastQuery = new ListDeliveryNotes(_search, _status, null, null, _from is { } f ? DateOnly.FromDateTime(f) : null,
            _to is { } t ? DateOnly.FromDateTime(t) : null, null, state.Page, state.PageSize, sort?.SortBy, sort?.Descending ?? true);
        var result = await List.HandleAsync(_lastQuery, ct);
        if (!result.Succeeded)
        {
            Snackbar.Add(S.Messages(result), Severity.Error);
            return new GridData<DeliveryNoteListItem> { Items = [], TotalItems = 0 };
        }
        return new GridData<DeliveryNoteListItem> { Items = result.Value!.Items, TotalItems = result.Value.TotalCount };
    }

    internal static Color StatusColor(DeliveryNoteStatus status) => status switch
    {
        DeliveryNoteStatus.Shipped => Color.Info,
        DeliveryNoteStatus.Delivered => Color.Success,
        DeliveryNoteStatus.Cancelled => Color.Dark,
        _ => Color.Default,
    };

    private Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;
    private Task SearchAsync(string? search) { _search = search; return ReloadAsync(); }
    private Task StatusAsync(DeliveryNoteStatus? status) { _status = status; return ReloadAsync(); }
    private Task FromAsync(DateTime? from) { _from = from; return ReloadAsync(); }
    private Task ToAsync(DateTime? to) { _to = to; return ReloadAsync(); }
}
