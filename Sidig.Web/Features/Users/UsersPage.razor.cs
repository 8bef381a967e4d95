using Sidig.Web.Features.Import;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Components.Shared;
using Sidig.Web.Features.Users.Components;
using Sidig.Web.Resources;

namespace Sidig.Web.Features.Users;

public sealed partial class UsersPage
{
    [Inject] private ListUsersHandler List { get; set; } = default!;
    [Inject] private ReinviteUserHandler Reinvite { get; set; } = default!;
    [Inject] private DeactivateUserHandler Deactivate { get; set; } = default!;
    [Inject] private ReactivateUserHandler Reactivate { get; set; } = default!;
    [Inject] private TenantContext TenantContext { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;

    private MudDataGrid<UserListItem>? _grid;
    private string? _search, _role;
    private UserStatus? _status;
    private ListUsers _lastQuery = new();
    private ExportSource _export = default!;

    protected override void OnInitialized() => _export = ExportSource.Create<UserListItem>("pengguna",
        [
            new(S["Common.Name"], u => u.DisplayName), new(S["Common.Email"], u => u.Email),
            new(L["Roles"], u => string.Join(", ", u.Roles.Select(r => S["Role." + r].Value))), new(L["Partner"], u => u.PartnerName),
            new(S["Common.Status"], u => L["Status." + u.Status].Value),
            new(L["LastSignIn"], u => u.LastSignInAt is { } at ? DisplayTime.InZone(at, TenantContext.Tenant.TimeZoneId) : null),
        ],
        ct => ExportRows.From(c => List.HandleAsync(_lastQuery with { All = true }, c), r => r.Items, ct));

    private bool IsFiltered => !string.IsNullOrWhiteSpace(_search) || _role is not null || _status is not null;

    private async Task<GridData<UserListItem>> LoadAsync(GridState<UserListItem> state, CancellationToken ct)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        _lastQuery = new ListUsers(_search, _role, _status, state.Page, state.PageSize, sort?.SortBy, sort?.Descending ?? false);
        var result = await List.HandleAsync(_lastQuery, ct);
        if (!result.Succeeded)
        {
            Snackbar.Add(S.Messages(result), Severity.Error);
            return new GridData<UserListItem> { Items = [], TotalItems = 0 };
        }
        return new GridData<UserListItem> { Items = result.Value!.Items, TotalItems = result.Value.TotalCount };
    }

    private Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;

    private Task SearchAsync(string? search) { _search = search; return ReloadAsync(); }
    private Task RoleAsync(string? role) { _role = role; return ReloadAsync(); }
    private Task StatusAsync(UserStatus? status) { _status = status; return ReloadAsync(); }

    private string StatusText(UserStatus status) => L["Status." + status];

    private static Color StatusColor(UserStatus status) => status switch
    {
        UserStatus.Active => Color.Success,
        UserStatus.Invited => Color.Info,
        UserStatus.InvitationExpired => Color.Warning,
        _ => Color.Default,
    };

    private static readonly DialogOptions DialogOptions = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };

    private async Task InviteAsync()
    {
        var parameters = new DialogParameters<InviteUserDialog> { { d => d.DefaultLanguage, TenantContext.Tenant.Language } };
        var dialog = await Dialogs.ShowAsync<InviteUserDialog>(L["Invite.Title"], parameters, DialogOptions);
        await dialog.Result;
        await ReloadAsync(); // also after closing with the ✕: the invitation may already exist
    }

    private async Task EditRolesAsync(UserListItem user)
    {
        var parameters = new DialogParameters<EditUserRolesDialog> { { d => d.User, user } };
        var dialog = await Dialogs.ShowAsync<EditUserRolesDialog>(L["EditRoles.Title", user.DisplayName], parameters, DialogOptions);
        if (await dialog.Result is { Canceled: false }) await ReloadAsync();
    }

    private async Task ReinviteAsync(UserListItem user)
    {
        if (!await ConfirmAsync(L["Reinvite.Title"], L["Reinvite.Text", user.Email], L["Action.Reinvite"])) return;
        var result = await Reinvite.HandleAsync(new ReinviteUser(user.Id), Nav.BaseUri);
        if (!result.Succeeded)
        {
            Snackbar.Add(S.Messages(result), Severity.Error);
            return;
        }
        var parameters = new DialogParameters<InvitationLinkDialog> { { d => d.Invitation, result.Value! } };
        await ReloadAsync();
        await Dialogs.ShowAsync<InvitationLinkDialog>(L["Link.Title"], parameters, DialogOptions);
    }

    private async Task DeactivateAsync(UserListItem user)
    {
        if (!await ConfirmAsync(L["Deactivate.Title"], L["Deactivate.Text", user.DisplayName, user.Email], L["Action.Deactivate"])) return;
        var result = await Deactivate.HandleAsync(new DeactivateUser(user.Id));
        await ReportAsync(result, L["Deactivated", user.DisplayName]);
    }

    private async Task ReactivateAsync(UserListItem user)
    {
        if (!await ConfirmAsync(L["Reactivate.Title"], L["Reactivate.Text", user.DisplayName, user.Email], L["Action.Reactivate"])) return;
        var result = await Reactivate.HandleAsync(new ReactivateUser(user.Id));
        await ReportAsync(result, L["Reactivated", user.DisplayName]);
    }

    private async Task<bool> ConfirmAsync(string title, string text, string yes) =>
        await Dialogs.ShowMessageBoxAsync(title, text, yesText: yes, cancelText: S["Common.Cancel"]) == true;

    private async Task ReportAsync(Sidig.Domain.Common.Result result, string success)
    {
        if (!result.Succeeded)
        {
            Snackbar.Add(S.Messages(result), Severity.Error);
            return;
        }
        Snackbar.Add(success, Severity.Success);
        await ReloadAsync();
    }
}
