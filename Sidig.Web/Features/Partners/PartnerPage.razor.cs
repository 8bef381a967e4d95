using Microsoft.AspNetCore.Components;
using MudBlazor;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Web.Components.Shared;
using Sidig.Web.Features.Partners.Components;

namespace Sidig.Web.Features.Partners;

public sealed partial class PartnerPage
{
    [Parameter] public Guid Id { get; set; }

    [Inject] private GetPartnerHandler Get { get; set; } = default!;
    [Inject] private SavePartnerHandler Save { get; set; } = default!;
    [Inject] private SearchPartnersHandler Search { get; set; } = default!;
    [Inject] private Permissions Permissions { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private PartnerView? _view;
    private PartnerFormValue? _formValue;
    private string? _loadError;
    private bool _canManage, _canManageUsers;
    private List<BreadcrumbItem> _crumbs = [];

    protected override async Task OnParametersSetAsync()
    {
        _canManage = await Permissions.HasAsync(Policies.ManagePartners);
        _canManageUsers = await Permissions.HasAsync(Policies.ManageUsers);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var result = await Get.HandleAsync(new GetPartner(Id));
        if (!result.Succeeded)
        {
            _loadError = S.Messages(result);
            _view = null;
            return;
        }
        _loadError = null;
        _view = result.Value!;
        _formValue = new PartnerFormValue(_view.Id, _view.Details, _view.Parent, _view.Contacts);
        _crumbs = [new BreadcrumbItem(L["Title"], "/partners"), new BreadcrumbItem(_view.Details.Code, null, disabled: true)];
    }

    private async Task<IEnumerable<PartnerOption>> SearchParentsAsync(string? text, CancellationToken ct) =>
        (await Search.HandleAsync(new SearchPartners(text, ExcludeSubtreeOf: Id), ct)).Value ?? [];

    private async Task<Result> SaveAsync(SavePartner command)
    {
        var result = await Save.HandleAsync(command);
        if (!result.Succeeded) return result;
        Snackbar.Add(L["Saved", command.Details.LegalName.Trim()], Severity.Success);
        await LoadAsync();
        StateHasChanged(); // called by the form, not as this page's event: show the saved (normalised) values
        return result;
    }
}
