using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Partners;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Commissions;

namespace Sidig.Tests.Features.Commissions;

/// <summary>Agent commissions: earned on confirmed payments in the month only, priced by product rules, tiers or the agent's own rate.</summary>
public abstract class CommissionTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    private const string Finance = "finance@demo.test";
    private readonly ReceivableBuilders _ar = new(app);
    private static readonly DateOnly Oct5 = new(2026, 10, 5), Nov10 = new(2026, 11, 10);

    private Task<Result<CommissionStatement>> Statement(string email, Guid? agentId, int month, string tenant = "demo") =>
        app.Handle<GetCommissionStatementHandler, Result<CommissionStatement>>(tenant, email, h => h.HandleAsync(new GetCommissionStatement(agentId, 2026, month)));

    private Task<Result<Guid>> SaveRule(SaveCommissionRule rule, string email = Finance) =>
        app.Handle<SaveCommissionRuleHandler, Result<Guid>>("demo", email, h => h.HandleAsync(rule));

    /// <summary>An agent (own rate 2,5 %) and a customer distributor with a stocked warehouse.</summary>
    private async Task<(Partner Agent, Partner Customer, Guid Warehouse, Sidig.Domain.Catalog.Product A, Sidig.Domain.Catalog.Product B)> Setup()
    {
        var agent = await _ar.Make.Partner(PartnerType.Agent);
        var (customer, warehouse, a, b) = await _ar.Distributor();
        return (agent, customer, warehouse.Id, a, b);
    }

    [Fact]
    public async Task Commission_is_earned_only_on_confirmed_payments_excluding_ppn()
    {
        var (agent, customer, warehouse, a, _) = await Setup();
        var paid = await _ar.Invoice(customer.Id, warehouse, Oct5, [new(a, 5, 1_200_000m)], agent.Id); // net 6.000.000, total 6.660.000
        var unpaid = await _ar.Invoice(customer.Id, warehouse, Oct5, [new(a, 5, 1_200_000m)], agent.Id);
        await _ar.Pay(paid.Invoice.Id, 3_330_000m, Nov10);
        await _ar.Pay(unpaid.Invoice.Id, 3_330_000m, Nov10, confirmed: false); // reported, not confirmed

        var st = (await Statement(Finance, agent.Id, 11)).Value!;

        st.Invoices.Select(i => i.InvoiceNumber).ShouldBe([paid.Invoice.Number]);
        var row = st.Invoices.Single().Rows.Single();
        (row.PaidOn, row.PaidNet, row.RatePercent, row.Commission).ShouldBe((Nov10, 3_000_000m, 2.5m, 75_000m)); // half of the net
        (st.PaidNetTotal, st.CommissionTotal).ShouldBe((3_000_000m, 75_000m));
    }

    [Fact]
    public async Task Each_month_counts_the_payments_dated_in_it()
    {
        var (agent, customer, warehouse, a, _) = await Setup();
        var invoice = await _ar.Invoice(customer.Id, warehouse, Oct5, [new(a, 5, 1_200_000m)], agent.Id);
        await _ar.Pay(invoice.Invoice.Id, 2_220_000m, new DateOnly(2026, 10, 31));
        await _ar.Pay(invoice.Invoice.Id, 4_440_000m, new DateOnly(2026, 11, 1));

        (await Statement(Finance, agent.Id, 10)).Value!.PaidNetTotal.ShouldBe(2_000_000m);
        (await Statement(Finance, agent.Id, 11)).Value!.PaidNetTotal.ShouldBe(4_000_000m);
        (await Statement(Finance, agent.Id, 9)).Value!.Invoices.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_product_rate_wins_and_the_rest_takes_the_tier_reached_by_the_months_paid_total()
    {
        var (agent, customer, warehouse, a, b) = await Setup();
        (await SaveRule(new(null, agent.Id, a.Id, 0, 5m))).Errors.ShouldBeEmpty();
        (await SaveRule(new(null, agent.Id, null, 0, 1m))).Errors.ShouldBeEmpty();
        (await SaveRule(new(null, agent.Id, null, 5_000_000m, 2m))).Errors.ShouldBeEmpty();
        // A: 2 × 1.200.000 = 2.400.000 net, B: 5 × 1.200.000 = 6.000.000 net; total 9.324.000 with PPN
        var invoice = await _ar.Invoice(customer.Id, warehouse, Oct5, [new(a, 2, 1_200_000m), new(b, 5, 1_200_000m)], agent.Id);
        await _ar.Pay(invoice.Invoice.Id, invoice.Invoice.Total, Nov10);

        var st = (await Statement(Finance, agent.Id, 11)).Value!;

        st.PaidNetTotal.ShouldBe(8_400_000m); // above the 5.000.000 tier
        var rows = st.Invoices.Single().Rows;
        rows.Single(r => r.ProductId == a.Id).ShouldSatisfyAllConditions(r => r.RatePercent.ShouldBe(5m), r => r.Commission.ShouldBe(120_000m));
        rows.Single(r => r.ProductId == b.Id).ShouldSatisfyAllConditions(r => r.RatePercent.ShouldBe(2m), r => r.Commission.ShouldBe(120_000m));
        st.CommissionTotal.ShouldBe(240_000m);

        // A smaller month stays in the first tier.
        var small = await _ar.Invoice(customer.Id, warehouse, Oct5, [new(b, 1, 1_200_000m)], agent.Id);
        await _ar.Pay(small.Invoice.Id, small.Invoice.Total, new DateOnly(2026, 10, 20));
        (await Statement(Finance, agent.Id, 10)).Value!.Invoices.Single().Rows.Single().RatePercent.ShouldBe(1m);
    }

    [Fact]
    public async Task Every_agents_month_is_listed_for_finance()
    {
        var (agent, customer, warehouse, a, _) = await Setup();
        var invoice = await _ar.Invoice(customer.Id, warehouse, Oct5, [new(a, 5, 1_200_000m)], agent.Id);
        await _ar.Pay(invoice.Invoice.Id, invoice.Invoice.Total, Nov10);

        var list = (await app.Handle<ListAgentCommissionsHandler, Result<AgentCommissionList>>("demo", Finance, h =>
            h.HandleAsync(new ListAgentCommissions(2026, 11)))).Value!;
        var item = list.Items.Single(i => i.AgentId == agent.Id);
        (item.Invoices, item.PaidNet, item.Commission).ShouldBe((1, 6_000_000m, 150_000m));
        list.CommissionTotal.ShouldBe(list.Items.Sum(i => i.Commission));
    }

    [Fact]
    public async Task Rules_are_checked_and_kept_unique()
    {
        var (agent, _, _, a, _) = await Setup();
        (await SaveRule(new(null, agent.Id, null, 1_000_000m, 3m))).Errors.ShouldBeEmpty();
        (await SaveRule(new(null, agent.Id, null, 1_000_000m, 4m))).Errors.Single().Code.ShouldBe("Commission.RuleExists");
        var tierOnProduct = (await SaveRule(new(null, agent.Id, a.Id, 1_000_000m, 4m))).Errors.Single();
        (tierOnProduct.Code, tierOnProduct.Field).ShouldBe(("Commission.ProductRuleHasNoTier", "MinMonthlyPaid"));
        (await SaveRule(new(null, agent.Id, null, 0, 60m))).Errors.Single().Field.ShouldBe("RatePercent");
        (await SaveRule(new(null, agent.Id, null, 0, 3m), "sales@demo.test")).Errors.Single().Code.ShouldBe("Access.Denied");

        var rules = (await app.Handle<ListCommissionRulesHandler, Result<IReadOnlyList<CommissionRuleItem>>>("demo", Finance, h =>
            h.HandleAsync(new ListCommissionRules()))).Value!.Where(r => r.AgentId == agent.Id).ToList();
        var rule = rules.Single();
        (await SaveRule(new(rule.Id, agent.Id, null, 2_000_000m, 3.5m))).Errors.ShouldBeEmpty();
        var changed = (await app.Handle<ListCommissionRulesHandler, Result<IReadOnlyList<CommissionRuleItem>>>("demo", Finance, h =>
            h.HandleAsync(new ListCommissionRules()))).Value!.Single(r => r.AgentId == agent.Id);
        (changed.MinMonthlyPaid, changed.RatePercent).ShouldBe((2_000_000m, 3.5m));
        (await app.Handle<DeleteCommissionRuleHandler, Result>("demo", Finance, h => h.HandleAsync(new DeleteCommissionRule(changed.Id)))).Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_agent_sees_only_its_own_statement_and_another_tenant_none()
    {
        var (agent, customer, warehouse, a, _) = await Setup();
        var invoice = await _ar.Invoice(customer.Id, warehouse, Oct5, [new(a, 5, 1_200_000m)], agent.Id);
        await _ar.Pay(invoice.Invoice.Id, invoice.Invoice.Total, Nov10);
        var me = await PartnerUsers.CreateAsync(app, agent.Id, Roles.AgentUser);
        var otherAgent = await PartnerUsers.CreateAsync(app, (await _ar.Make.Partner(PartnerType.Agent)).Id, Roles.AgentUser);

        (await Statement(me, null, 11)).Value!.CommissionTotal.ShouldBe(150_000m);
        (await Statement(me, agent.Id, 11)).Value!.AgentId.ShouldBe(agent.Id);
        (await Statement(otherAgent, agent.Id, 11)).Errors.Single().Code.ShouldBe("Commission.AgentNotFound");
        (await Statement(otherAgent, null, 11)).Value!.Invoices.ShouldBeEmpty();
        (await Statement("distributor@demo.test", agent.Id, 11)).Errors.Single().Code.ShouldBe("Access.Denied");
        (await Statement("finance@other.test", agent.Id, 11, "other")).Errors.Single().Code.ShouldBe("Commission.AgentNotFound");

        using (var client = await app.Client("demo").SignedInAs(me))
            (await client.Http.GetStringAsync("/commissions/mine")).ShouldContain("data-testid=\"my-commission-title\"");
        using (var client = await app.Client("demo").SignedInAs(otherAgent))
            (await client.Http.GetStringAsync("/commissions/mine")).ShouldNotContain(invoice.Invoice.Number);
    }
}

public sealed class CommissionTests_Sqlite(SqliteApp app) : CommissionTests<SqliteApp>(app), IClassFixture<SqliteApp>;
public sealed class CommissionTests_Postgres(PostgresApp app) : CommissionTests<PostgresApp>(app), IClassFixture<PostgresApp>;
