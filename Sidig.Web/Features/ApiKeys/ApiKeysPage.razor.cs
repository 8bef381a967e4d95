using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Components.Shared;
using Sidig.Web.Features.ApiKeys.Components;
using Sidig.Web.Features.Import;
using Sidig.Web.Resources;

namespace Sidig.Web.Features.ApiKeys;

public sealed partial class ApiKeysPage
{
    [Inject] private ListApiKeysHandler List { get; set; } = default!;
    [Inject] private RevokeApiKeyHandler Revoke { get; set; } = default!;
    [Inject] private TenantContext TenantContext { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private MudDataGrid<ApiKeyListItem>? _grid;
    private string? _search;
    private bool _showRevoked = true;
    private ListApiKeys _lastQuery = new();
    private ExportSource _export = default!;

    protected override void OnInitialized() => _export = ExportSource.Create<ApiKeyListItem>("api-keys",
        [
            new(S["Common.Name"], k => k.Name), new(L["Prefix"], k => k.Prefix),
            new(S["Common.CreatedAt"], k => DisplayTime.InZone(k.CreatedAt, TenantContext.Tenant.TimeZoneId)), new(L["CreatedBy"], k => k.CreatedBy),
            new(L["LastUsed"], k => k.LastUsedAt is { } at ? DisplayTime.InZone(at, TenantContext.Tenant.TimeZoneId) : null),
            new(S["Common.Status"], k => k.IsActive ? S["Common.Active"].Value : L["Revoked"].Value),
            new(L["RevokedAt"], k => k.RevokedAt is { } at ? DisplayTime.InZone(at, TenantContext.Tenant.TimeZoneId) : null),
        ],
        ct => ExportRows.From(c => List.HandleAsync(_lastQuery with { All = true }, c), r => r.Items, ct));

    private bool IsFiltered => !string.IsNullOrWhiteSpace(_search) || !_showRevoked;

    private async Task<GridData<ApiKeyListItem>> LoadAsync(GridState<ApiKeyListItem> state, CancellationToken ct)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        _lastQuery = new ListApiKeys(_search, _showRevoked, state.Page, state.PageSize, sort?.SortBy, sort?.Descending ?? false);
        var result = await List.HandleAsync(_lastQuery, ct);
        if (!result.Succeeded)
        {
            Snackbar.Add(S.Messages(result), Severity.Error);
            return new GridData<ApiKeyListItem> { Items = [], TotalItems = 0 };
        }
        return new GridData<ApiKeyListItem> { Items = result.Value!.Items, TotalItems = result.Value.TotalCount };
    }

    private Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;
    private Task SearchAsync(string? search) { _search = search; return ReloadAsync(); }
    private Task ShowRevokedAsync(bool show) { _showRevoked = show; return ReloadAsync(); }

    private static readonly DialogOptions DialogOptions = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = false, BackdropClick = false };

    private async Task CreateAsync()
    {
        var dialog = await Dialogs.ShowAsync<CreateApiKeyDialog>(L["Create.Title"], DialogOptions);
        await dialog.Result;
        await ReloadAsync(); // also after the ✕: the key may already exist
    }

    private async Task RevokeAsync(ApiKeyListItem key)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(L["Revoke.Title"], L["Revoke.Text", key.Name, key.Prefix],
            yesText: L["Revoke"], cancelText: S["Common.Cancel"]) == true;
        if (!confirmed) return;
        var result = await Revoke.HandleAsync(new RevokeApiKey(key.Id));
        if (!result.Succeeded)
        {
            Snackbar.Add(S.Messages(result), Severity.Error);
            return;
        }
        Snackbar.Add(L["Revoked.Done", key.Name], Severity.Success);
        await ReloadAsync();
    }
}
