using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Components.Shared;
using Sidig.Web.Features.Catalog.Components;

namespace Sidig.Web.Features.Catalog;

public sealed partial class PriceListPage
{
    [Parameter] public Guid Id { get; set; }

    [Inject] private GetPriceListHandler Get { get; set; } = default!;
    [Inject] private RemovePriceListLineHandler RemoveLine { get; set; } = default!;
    [Inject] private DeletePriceListHandler Delete { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private TenantContext TenantContext { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    private static readonly DialogOptions DialogOptions = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };

    private PriceListView? _view;
    private string? _loadError, _filter;

    private static string Date(DateOnly date) => date.ToString(DisplayTime.DateFormat, CultureInfo.CurrentCulture);

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var result = await Get.HandleAsync(new GetPriceList(Id));
        if (result.Succeeded) _view = result.Value;
        else _loadError = S.Messages(result);
    }

    private bool FilterLine(PriceListLineItem line) =>
        string.IsNullOrWhiteSpace(_filter)
        || line.Sku.Contains(_filter.Trim(), StringComparison.OrdinalIgnoreCase)
        || line.ProductName.Contains(_filter.Trim(), StringComparison.OrdinalIgnoreCase);

    private async Task EditAsync()
    {
        var today = DateOnly.FromDateTime(DisplayTime.InZone(Clock.GetUtcNow(), TenantContext.Tenant.TimeZoneId).DateTime);
        var parameters = new DialogParameters<PriceListDialog>
        {
            { d => d.Id, Id }, { d => d.Value, _view!.Details }, { d => d.Partner, _view.Partner }, { d => d.Today, today },
        };
        var dialog = await Dialogs.ShowAsync<PriceListDialog>(L["PriceLists.EditTitle", _view.Details.Name], parameters, DialogOptions);
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add(S["Common.Saved"], Severity.Success);
            await LoadAsync();
        }
    }

    private async Task DeleteAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(L["PriceLists.DeleteTitle"], L["PriceLists.DeleteText", _view!.Details.Name, _view.Lines.Count],
            yesText: S["Common.Delete"], cancelText: S["Common.Cancel"]);
        if (confirmed != true) return;
        var result = await Delete.HandleAsync(new DeletePriceList(Id));
        if (!result.Succeeded)
        {
            Snackbar.Add(S.Messages(result), Severity.Error);
            return;
        }
        Snackbar.Add(L["PriceLists.Deleted", _view.Details.Name], Severity.Success);
        Nav.NavigateTo("/catalog/price-lists");
    }

    private async Task EditLineAsync(PriceListLineItem? line, ProductPick? product)
    {
        var parameters = new DialogParameters<PriceLineDialog> { { d => d.PriceListId, Id }, { d => d.Line, line }, { d => d.Product, product } };
        var dialog = await Dialogs.ShowAsync<PriceLineDialog>(line is null ? L["Line.Add"] : L["Line.EditTitle", line.Sku], parameters, DialogOptions);
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add(S["Common.Saved"], Severity.Success);
            await LoadAsync();
        }
    }

    private async Task RemoveLineAsync(PriceListLineItem line)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(L["Line.RemoveTitle"],
            L["Line.RemoveText", line.Sku, Rupiah.Quantity(line.MinQuantity), Rupiah.Format(line.UnitPrice)],
            yesText: S["Common.Delete"], cancelText: S["Common.Cancel"]);
        if (confirmed != true) return;
        var result = await RemoveLine.HandleAsync(new RemovePriceListLine(Id, line.ProductId, line.MinQuantity));
        if (!result.Succeeded)
        {
            Snackbar.Add(S.Messages(result), Severity.Error);
            return;
        }
        await LoadAsync();
    }
}
