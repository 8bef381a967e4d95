using Microsoft.AspNetCore.Components;
using MudBlazor;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Components.Shared;
using Sidig.Web.Features.Commissions.Components;
using Sidig.Web.Features.Import;
using Sidig.Web.Features.Lookups;

namespace Sidig.Web.Features.Commissions;

public sealed partial class CommissionsPage
{
    [Inject] private ListAgentCommissionsHandler List { get; set; } = default!;
    [Inject] private GetCommissionStatementHandler Statement { get; set; } = default!;
    [Inject] private ListCommissionRulesHandler Rules { get; set; } = default!;
    [Inject] private DeleteCommissionRuleHandler DeleteRule { get; set; } = default!;
    [Inject] private TenantContext TenantContext { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private DateTime? _month;
    private AgentCommissionList? _agents;
    private CommissionStatement? _statement;
    private IReadOnlyList<CommissionRuleItem>? _rules;
    private ExportSource _export = default!;

    private (int Year, int Month) Period => (_month!.Value.Year, _month.Value.Month);

    protected override async Task OnInitializedAsync()
    {
        var today = TenantDates.Today(Clock, TenantContext.Tenant.TimeZoneId);
        _month = new DateTime(today.Year, today.Month, 1);
        _export = ExportSource.Create<AgentCommissionItem>("komisi-agen",
            [
                new(L["Export.AgentCode"], a => a.AgentCode), new(L["Agent"], a => a.AgentName), new(L["Invoices"], a => a.Invoices),
                new(L["Statement.PaidNet"], a => a.PaidNet), new(L["Statement.Commission"], a => a.Commission),
            ],
            ct => ExportRows.From(c => List.HandleAsync(new ListAgentCommissions(Period.Year, Period.Month), c), r => r.Items, ct));
        await Task.WhenAll(LoadAgentsAsync(), LoadRulesAsync());
    }

    private async Task LoadAgentsAsync()
    {
        var result = await List.HandleAsync(new ListAgentCommissions(Period.Year, Period.Month));
        if (result.Succeeded) _agents = result.Value;
        else Snackbar.Add(S.Messages(result), Severity.Error);
    }

    private async Task LoadRulesAsync()
    {
        var result = await Rules.HandleAsync(new ListCommissionRules());
        if (result.Succeeded) _rules = result.Value;
        else Snackbar.Add(S.Messages(result), Severity.Error);
    }

    private async Task MonthAsync(DateTime? month)
    {
        if (month is null) return;
        _month = new DateTime(month.Value.Year, month.Value.Month, 1);
        var open = _statement?.AgentId;
        _statement = null;
        await LoadAgentsAsync();
        if (open is { } agentId && _agents?.Items.FirstOrDefault(a => a.AgentId == agentId) is { } agent) await OpenAsync(agent);
    }

    private async Task OpenAsync(AgentCommissionItem agent)
    {
        var result = await Statement.HandleAsync(new GetCommissionStatement(agent.AgentId, Period.Year, Period.Month));
        if (result.Succeeded) _statement = result.Value;
        else Snackbar.Add(S.Messages(result), Severity.Error);
    }

    private async Task EditAsync(CommissionRuleItem? item)
    {
        var parameters = new DialogParameters<CommissionRuleDialog> { { d => d.Existing, item } };
        var dialog = await Dialogs.ShowAsync<CommissionRuleDialog>(item is null ? L["Rules.New"] : L["Rules.Edit"], parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add(S["Common.Saved"], Severity.Success);
            await RefreshAsync();
        }
    }

    private async Task DeleteAsync(CommissionRuleItem item)
    {
        var yes = await Dialogs.ShowMessageBoxAsync(L["Rules.DeleteTitle"], L["Rules.DeleteText", CommissionsText.Percent(item.RatePercent)],
            yesText: S["Common.Delete"], cancelText: S["Common.Cancel"]);
        if (yes != true) return;
        var result = await DeleteRule.HandleAsync(new DeleteCommissionRule(item.Id));
        if (!result.Succeeded)
        {
            Snackbar.Add(S.Messages(result), Severity.Error);
            return;
        }
        Snackbar.Add(L["Rules.Deleted"], Severity.Success);
        await RefreshAsync();
    }

    /// <summary>A changed rule changes every figure: reload the rules, the month and the open statement.</summary>
    private async Task RefreshAsync()
    {
        await LoadRulesAsync();
        await MonthAsync(_month);
    }
}
