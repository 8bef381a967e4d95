using Microsoft.AspNetCore.Components;
using MudBlazor;
using Sidig.Domain.Catalog;
using Sidig.Domain.Common;
using Sidig.Web.Components.Shared;

namespace Sidig.Web.Features.Catalog;

public sealed partial class ProductPage
{
    public static readonly ProductDetails New = new("", "", null, null, "PCS", null, null, false, 0, null);

    [Parameter] public Guid? Id { get; set; }

    [Inject] private GetProductHandler GetProduct { get; set; } = default!;
    [Inject] private GetCatalogOptionsHandler GetOptions { get; set; } = default!;
    [Inject] private SaveProductHandler Save { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private CatalogOptions? _options;
    private ProductView? _view;
    private ProductDetails _details = New;
    private string? _loadError;
    private int _imageVersion;

    private string Title => _view is null ? L["Product.NewTitle"] : L["Product.EditTitle", _view.Details.Sku];

    protected override async Task OnParametersSetAsync()
    {
        _loadError = null;
        var options = await GetOptions.HandleAsync(new GetCatalogOptions());
        if (!options.Succeeded)
        {
            _loadError = S.Messages(options);
            return;
        }
        _options = options.Value;
        if (Id is { } id) await LoadAsync(id);
        else
        {
            _view = null;
            _details = New;
        }
    }

    private async Task LoadAsync(Guid id)
    {
        var view = await GetProduct.HandleAsync(new GetProduct(id));
        if (!view.Succeeded)
        {
            _loadError = S.Messages(view);
            return;
        }
        _view = view.Value;
        _details = _view!.Details;
    }

    private async Task<Result> SaveAsync(ProductDetails details)
    {
        var result = await Save.HandleAsync(new SaveProduct(Id, details));
        if (!result.Succeeded) return result;
        Snackbar.Add(L["Product.Saved", details.Sku.Trim().ToUpperInvariant()], Severity.Success);
        if (Id is null)
        {
            Nav.NavigateTo($"/catalog/products/{result.Value}"); // the photo and prices come with the saved product
            return result;
        }
        await LoadAsync(result.Value);
        StateHasChanged(); // called by the form, not as this page's event: show the saved (normalised) values
        return result;
    }

    private void Cancel() => Nav.NavigateTo("/catalog/products");

    private async Task ImageChangedAsync()
    {
        _imageVersion++;
        if (Id is { } id) await LoadAsync(id);
    }
}
