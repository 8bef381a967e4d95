using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MudBlazor;
using Sidig.Domain.Notifications;
using Sidig.Infrastructure.Notifications;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Components.Shared;
using Sidig.Web.Features.Import;
using Sidig.Web.Features.Outbox.Components;
using Sidig.Web.Resources;

namespace Sidig.Web.Features.Outbox;

public sealed partial class OutboxPage
{
    [Inject] private ListOutboxMessagesHandler List { get; set; } = default!;
    [Inject] private TenantContext TenantContext { get; set; } = default!;
    [Inject] private IOptions<SmtpOptions> Smtp { get; set; } = default!;
    [Inject] private IOptions<PhoneMessageOptions> PhoneOptions { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private MudDataGrid<OutboxListItem>? _grid;
    private string? _search, _kind;
    private OutboxView? _status;
    private DateTime? _from, _to;
    private int _uncertain;
    private ListOutboxMessages _lastQuery = new();
    private ExportSource _export = default!;

    protected override void OnInitialized() => _export = ExportSource.Create<OutboxListItem>("kotak-keluar",
        [
            new(L["Created"], m => DisplayTime.InZone(m.CreatedAt, TenantContext.Tenant.TimeZoneId)), new(L["Kind"], m => KindText(m.Kind)),
            new(L["Channel"], m => ChannelText(m.Channel)), new(L["Recipient"], m => m.To), new(L["Subject"], m => m.Subject), new(S["Common.Status"], m => StatusText(m.Status)),
            new(L["Sent"], m => m.SentAt is { } at ? DisplayTime.InZone(at, TenantContext.Tenant.TimeZoneId) : null),
            new(L["Attempts"], m => m.Attempts), new(L["LastError"], m => m.LastError),
        ],
        ct => ExportRows.From(c => List.HandleAsync(_lastQuery with { All = true }, c), r => r.Items, ct));

    private bool IsFiltered => !string.IsNullOrWhiteSpace(_search) || _kind is not null || _status is not null || _from is not null || _to is not null;

    private async Task<GridData<OutboxListItem>> LoadAsync(GridState<OutboxListItem> state, CancellationToken ct)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        _lastQuery = new ListOutboxMessages(_status, _kind, _search, _from is { } f ? DateOnly.FromDateTime(f) : null,
            _to is { } t ? DateOnly.FromDateTime(t) : null, state.Page, state.PageSize, sort?.SortBy, sort?.Descending ?? true);
        var result = await List.HandleAsync(_lastQuery, ct);
        if (!result.Succeeded)
        {
            Snackbar.Add(S.Messages(result), Severity.Error);
            return new GridData<OutboxListItem> { Items = [], TotalItems = 0 };
        }
        if (_uncertain != result.Value!.UncertainCount)
        {
            _uncertain = result.Value.UncertainCount;
            StateHasChanged();
        }
        return new GridData<OutboxListItem> { Items = result.Value.Items, TotalItems = result.Value.TotalCount };
    }

    private Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;

    private Task SearchAsync(string? value) { _search = value; return ReloadAsync(); }
    private Task StatusAsync(OutboxView? value) { _status = value; return ReloadAsync(); }
    private Task KindAsync(string? value) { _kind = value; return ReloadAsync(); }
    private Task FromAsync(DateTime? value) { _from = value; return ReloadAsync(); }
    private Task ToAsync(DateTime? value) { _to = value; return ReloadAsync(); }
    private Task ShowUncertainAsync() { _status = OutboxView.Uncertain; return ReloadAsync(); }

    private string StatusText(OutboxView status) => L["Status." + status];

    private string KindText(string kind) => L["Kind." + kind] is { ResourceNotFound: false } text ? text : kind;

    internal string ChannelText(string channel) => L["Channel." + channel] is { ResourceNotFound: false } text ? text : channel;

    internal static string ChannelIcon(string channel) => channel switch
    {
        OutboxChannels.WhatsApp => Icons.Custom.Brands.WhatsApp,
        OutboxChannels.Sms => Icons.Material.Filled.Sms,
        _ => Icons.Material.Filled.Email,
    };

    internal static Color StatusColor(OutboxView status) => status switch
    {
        OutboxView.Sent => Color.Success,
        OutboxView.Failed => Color.Error,
        OutboxView.Uncertain => Color.Warning,
        OutboxView.Sending => Color.Info,
        _ => Color.Default,
    };

    private async Task OpenAsync(OutboxListItem item)
    {
        var parameters = new DialogParameters<OutboxMessageDialog> { { d => d.MessageId, item.Id } };
        var options = new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true };
        var dialog = await Dialogs.ShowAsync<OutboxMessageDialog>(L["Detail.Title"], parameters, options);
        if (await dialog.Result is { Canceled: false }) await ReloadAsync(); // retried
    }
}
