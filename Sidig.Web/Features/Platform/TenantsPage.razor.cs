using MudBlazor;
using Sidig.Domain.Tenancy;
using Sidig.Web.Components.Shared;
using Sidig.Web.Features.Platform.Components;

namespace Sidig.Web.Features.Platform;

public partial class TenantsPage
{
    private MudDataGrid<TenantListItem>? _grid;
    private string? _search;
    private TenantStatus? _status;

    private string TimeZoneId => TenantContext.Tenant.TimeZoneId;
    private bool Filtered => !string.IsNullOrWhiteSpace(_search) || _status is not null;

    private string UrlOf(string slug) => TenantUrl.For(slug, Tenancy.Value.BaseDomain, Nav.BaseUri);

    private async Task<GridData<TenantListItem>> LoadAsync(GridState<TenantListItem> state, CancellationToken ct)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var result = await ListHandler.HandleAsync(new ListTenants(state.Page, state.PageSize, _search, _status,
            sort?.SortBy, sort?.Descending ?? true), ct);
        if (!result.Succeeded)
        {
            Snackbar.Add(S.Messages(result), Severity.Error);
            return new GridData<TenantListItem> { Items = [], TotalItems = 0 };
        }
        return new GridData<TenantListItem> { Items = result.Value!.Items, TotalItems = result.Value.TotalCount };
    }

    private Task Reload() => _grid?.ReloadServerData() ?? Task.CompletedTask;

    private async Task SearchChanged(string? value)
    {
        _search = value;
        await Reload();
    }

    private async Task StatusChanged(TenantStatus? value)
    {
        _status = value;
        await Reload();
    }

    private async Task CreateAsync()
    {
        var dialog = await Dialogs.ShowAsync<CreateTenantDialog>(L["Create"],
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, BackdropClick = false, CloseOnEscapeKey = false });
        var result = await dialog.Result;
        if (result is { Canceled: false }) await Reload();
    }

    private async Task SuspendAsync(TenantListItem tenant)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(L["SuspendTitle", tenant.Slug], L["SuspendText", tenant.DisplayName],
            yesText: L["Suspend"], cancelText: S["Common.Cancel"]);
        if (confirmed != true) return;
        var result = await SuspendHandler.HandleAsync(new SuspendTenant(tenant.Id));
        Snackbar.Add(result.Succeeded ? L["Suspended", tenant.Slug] : S.Messages(result), result.Succeeded ? Severity.Success : Severity.Error);
        await Reload();
    }

    private async Task ReactivateAsync(TenantListItem tenant)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(L["ReactivateTitle", tenant.Slug], L["ReactivateText", tenant.DisplayName],
            yesText: L["Reactivate"], cancelText: S["Common.Cancel"]);
        if (confirmed != true) return;
        var result = await ReactivateHandler.HandleAsync(new ReactivateTenant(tenant.Id));
        Snackbar.Add(result.Succeeded ? L["Reactivated", tenant.Slug] : S.Messages(result), result.Succeeded ? Severity.Success : Severity.Error);
        await Reload();
    }
}
