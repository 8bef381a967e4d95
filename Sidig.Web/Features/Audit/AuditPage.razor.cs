using System.Globalization;
using MudBlazor;
using Sidig.Domain.Audit;
using Sidig.Web.Components.Shared;

namespace Sidig.Web.Features.Audit;

public partial class AuditPage
{
    private MudDataGrid<AuditListItem>? _grid;
    private AuditFilterOptions _options = new([], []);
    private DateTime? _from;
    private DateTime? _to;
    private Guid? _userId;
    private string? _entityType;
    private AuditAction? _action;
    private string? _entityId;

    private bool Filtered => _from is not null || _to is not null || _userId is not null || _entityType is not null
                             || _action is not null || !string.IsNullOrWhiteSpace(_entityId);

    protected override async Task OnInitializedAsync()
    {
        var options = await OptionsHandler.HandleAsync(new GetAuditFilterOptions());
        if (options.Succeeded) _options = options.Value!;
    }

    private async Task<GridData<AuditListItem>> LoadAsync(GridState<AuditListItem> state, CancellationToken ct)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var result = await ListHandler.HandleAsync(new ListAuditEntries(state.Page, state.PageSize,
            _from is { } f ? DateOnly.FromDateTime(f) : null, _to is { } t ? DateOnly.FromDateTime(t) : null,
            _userId, _entityType, _action, _entityId, sort?.SortBy, sort?.Descending ?? true), ct);
        if (!result.Succeeded)
        {
            Snackbar.Add(S.Messages(result), Severity.Error);
            return new GridData<AuditListItem> { Items = [], TotalItems = 0 };
        }
        return new GridData<AuditListItem> { Items = result.Value!.Items, TotalItems = result.Value.TotalCount };
    }

    /// <summary>A changed value as text; timestamps (stored UTC) in the tenant's time zone.</summary>
    private string Value(string? value) =>
        value is null ? "—"
        : value.Length >= 20 && value[10] == 'T' && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? DisplayTime.DateTime(at, TenantContext.Tenant.TimeZoneId)
            : value;

    private static Color ActionColor(AuditAction action) => action switch
    {
        AuditAction.Created => Color.Success,
        AuditAction.Deleted => Color.Error,
        _ => Color.Info,
    };

    private Task Reload() => _grid?.ReloadServerData() ?? Task.CompletedTask;

    private Task FromChanged(DateTime? value) { _from = value; return Reload(); }
    private Task ToChanged(DateTime? value) { _to = value; return Reload(); }
    private Task UserChanged(Guid? value) { _userId = value; return Reload(); }
    private Task EntityTypeChanged(string? value) { _entityType = value; return Reload(); }
    private Task ActionChanged(AuditAction? value) { _action = value; return Reload(); }
    private Task EntityIdChanged(string? value) { _entityId = value; return Reload(); }
}
