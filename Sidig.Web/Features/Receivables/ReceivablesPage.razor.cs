using Microsoft.AspNetCore.Components;
using MudBlazor;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Components.Shared;
using Sidig.Web.Features.Import;
using Sidig.Web.Features.Lookups;

namespace Sidig.Web.Features.Receivables;

public sealed partial class ReceivablesPage
{
    [Inject] private GetAgingHandler Aging { get; set; } = default!;
    [Inject] private TenantContext TenantContext { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private MudDataGrid<AgingRow>? _grid;
    private string? _search;
    private DateTime? _asOf;
    private bool _overdueOnly;
    private AgingBuckets? _totals;
    private GetAging _lastQuery = new();
    private ExportSource _export = default!;

    private bool IsFiltered => !string.IsNullOrWhiteSpace(_search) || _overdueOnly;

    protected override void OnInitialized()
    {
        _asOf = TenantDates.Today(Clock, TenantContext.Tenant.TimeZoneId).ToDateTime(TimeOnly.MinValue);
        _export = ExportSource.Create<AgingRow>("umur-piutang",
            [
                new(L["Export.PartnerCode"], r => r.PartnerCode), new(L["Partner"], r => r.PartnerName), new(L["Aging.OpenInvoicesHeader"], r => r.OpenInvoices),
                new(L["Aging.Current"], r => r.Current), new(L["Aging.Days1To30"], r => r.Days1To30), new(L["Aging.Days31To60"], r => r.Days31To60),
                new(L["Aging.Days61To90"], r => r.Days61To90), new(L["Aging.Over90"], r => r.Over90), new(L["Aging.Total"], r => r.Total),
            ],
            ct => ExportRows.From(c => Aging.HandleAsync(_lastQuery with { All = true }, c), r => r.Items, ct));
    }

    private DateOnly AsOf => DateOnly.FromDateTime(_asOf ?? DateTime.Today);

    /// <summary>The partner's statement for the 90 days up to the report's date.</summary>
    private string StatementLink(AgingRow row) =>
        $"/partners/{row.PartnerId}/statement?from={AsOf.AddDays(-90):yyyy-MM-dd}&to={AsOf:yyyy-MM-dd}";

    private async Task<GridData<AgingRow>> LoadAsync(GridState<AgingRow> state, CancellationToken ct)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        _lastQuery = new GetAging(AsOf, _search, _overdueOnly, state.Page, state.PageSize, sort?.SortBy, sort?.Descending ?? true);
        var result = await Aging.HandleAsync(_lastQuery, ct);
        if (!result.Succeeded)
        {
            Snackbar.Add(S.Messages(result), Severity.Error);
            return new GridData<AgingRow> { Items = [], TotalItems = 0 };
        }
        _totals = result.Value!.Totals;
        StateHasChanged();
        return new GridData<AgingRow> { Items = result.Value.Items, TotalItems = result.Value.TotalCount };
    }

    private Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;
    private Task SearchAsync(string? search) { _search = search; return ReloadAsync(); }
    private Task AsOfAsync(DateTime? asOf) { _asOf = asOf ?? _asOf; return ReloadAsync(); }
    private Task OverdueOnlyAsync(bool value) { _overdueOnly = value; return ReloadAsync(); }
}
