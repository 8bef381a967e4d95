using Microsoft.AspNetCore.Components;
using MudBlazor;
using Sidig.Web.Components.Shared;
using Sidig.Web.Features.Import;

namespace Sidig.Web.Features.Receivables;

public sealed partial class CreditNotesPage
{
    [Inject] private ListCreditNotesHandler List { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private MudDataGrid<CreditNoteListItem>? _grid;
    private string? _search;
    private DateTime? _from, _to;
    private ListCreditNotes _lastQuery = new();
    private ExportSource _export = default!;

    private bool IsFiltered => !string.IsNullOrWhiteSpace(_search) || _from is not null || _to is not null;

    protected override void OnInitialized() =>
        _export = ExportSource.Create<CreditNoteListItem>("nota-kredit",
            [
                new(L["Number"], c => c.Number), new(L["Date"], c => c.IssueDate), new(L["Invoice"], c => c.InvoiceNumber),
                new(L["Partner"], c => c.PartnerName), new(L["Warehouse"], c => c.WarehouseCode), new(L["Reason"], c => c.Reason),
                new(L["Total"], c => c.Total), new(L["CreatedBy"], c => c.CreatedBy),
            ],
            ct => ExportRows.From(c => List.HandleAsync(_lastQuery with { All = true }, c), r => r.Items, ct));

    private async Task<GridData<CreditNoteListItem>> LoadAsync(GridState<CreditNoteListItem> state, CancellationToken ct)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        _lastQuery = new ListCreditNotes(_search, null, _from is { } f ? DateOnly.FromDateTime(f) : null, _to is { } t ? DateOnly.FromDateTime(t) : null,
            state.Page, state.PageSize, sort?.SortBy, sort?.Descending ?? true);
        var result = await List.HandleAsync(_lastQuery, ct);
        if (!result.Succeeded)
        {
            Snackbar.Add(S.Messages(result), Severity.Error);
            return new GridData<CreditNoteListItem> { Items = [], TotalItems = 0 };
        }
        return new GridData<CreditNoteListItem> { Items = result.Value!.Items, TotalItems = result.Value.TotalCount };
    }

    private Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;
    private Task SearchAsync(string? search) { _search = search; return ReloadAsync(); }
    private Task FromAsync(DateTime? from) { _from = from; return ReloadAsync(); }
    private Task ToAsync(DateTime? to) { _to = to; return ReloadAsync(); }
}
