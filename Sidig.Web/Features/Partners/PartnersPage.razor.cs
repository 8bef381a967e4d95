using Microsoft.AspNetCore.Components;
using MudBlazor;
using Sidig.Domain.Partners;
using Sidig.Web.Components.Shared;
using Sidig.Web.Features.Import;

namespace Sidig.Web.Features.Partners;

public sealed partial class PartnersPage
{
    [Inject] private ListPartnersHandler List { get; set; } = default!;
    [Inject] private SearchPartnersHandler Search { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;

    private MudDataGrid<PartnerListItem>? _grid;
    private string? _search, _province;
    private PartnerType? _type;
    private bool? _active;
    private PartnerOption? _parent;
    private ListPartners _lastQuery = new();
    private ExportSource _export = default!;

    protected override void OnInitialized() => _export = ExportSource.Create<PartnerListItem>("mitra",
        [
            new(L["Form.Code"], p => p.Code), new(S["Common.Name"], p => p.LegalName), new(L["Form.Type"], p => L["Type." + p.Type].Value),
            new(L["Form.Parent"], p => p.ParentName ?? L["Principal"].Value), new(L["Form.Province"], p => p.ProvinceName),
            new("NPWP", p => p.Npwp is { } n ? Sidig.Domain.Common.Npwp.Format(n) : null), new(S["Common.Phone"], p => p.Phone),
            new(S["Common.Email"], p => p.Email), new(L["Form.PaymentTerms"], p => p.PaymentTermDays),
            new(L["Form.CreditLimit"], p => p.CreditLimit), new(S["Common.Active"], p => p.IsActive),
        ],
        ct => ExportRows.From(c => List.HandleAsync(_lastQuery with { All = true }, c), r => r.Items, ct));

    private bool IsFiltered => !string.IsNullOrWhiteSpace(_search) || _type is not null || _province is not null || _active is not null || _parent is not null;

    /// <summary>The list's current filters as a query; with <c>All: true</c> the same query gives every matching row (export).</summary>
    private ListPartners Query(GridState<PartnerListItem> state)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        return new ListPartners(_search, _type, _province, _active, _parent?.Id, state.Page, state.PageSize, sort?.SortBy, sort?.Descending ?? false);
    }

    private async Task<GridData<PartnerListItem>> LoadAsync(GridState<PartnerListItem> state, CancellationToken ct)
    {
        _lastQuery = Query(state);
        var result = await List.HandleAsync(_lastQuery, ct);
        if (!result.Succeeded)
        {
            Snackbar.Add(S.Messages(result), Severity.Error);
            return new GridData<PartnerListItem> { Items = [], TotalItems = 0 };
        }
        return new GridData<PartnerListItem> { Items = result.Value!.Items, TotalItems = result.Value.TotalCount };
    }

    private async Task<IEnumerable<PartnerOption>> SearchParentsAsync(string? text, CancellationToken ct) =>
        (await Search.HandleAsync(new SearchPartners(text, ActiveOnly: false), ct)).Value ?? [];

    private Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;

    private Task SearchAsync(string? search) { _search = search; return ReloadAsync(); }
    private Task TypeAsync(PartnerType? type) { _type = type; return ReloadAsync(); }
    private Task ProvinceAsync(string? province) { _province = province; return ReloadAsync(); }
    private Task ActiveAsync(bool? active) { _active = active; return ReloadAsync(); }
    private Task ParentAsync(PartnerOption? parent) { _parent = parent; return ReloadAsync(); }

    private void Open(PartnerListItem partner) => Nav.NavigateTo($"/partners/{partner.Id}");
}
