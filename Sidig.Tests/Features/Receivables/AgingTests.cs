using System.Net;
using Sidig.Domain.Common;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Receivables;

namespace Sidig.Tests.Features.Receivables;

/// <summary>The receivables aging report: open amounts per partner by days overdue, on any date.</summary>
public abstract class AgingTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    private const string Finance = "finance@demo.test";
    private readonly ReceivableBuilders _ar = new(app);
    private static readonly DateOnly Jun1 = new(2026, 6, 1);

    private async Task<AgingRow?> RowOn(string partnerCode, DateOnly asOf, string email = Finance) =>
        (await app.Handle<GetAgingHandler, Result<AgingReport>>("demo", email, h => h.HandleAsync(new GetAging(asOf, partnerCode, All: true))))
        .Value!.Items.SingleOrDefault(r => r.PartnerCode == partnerCode);

    /// <summary>One invoice of 6.660.000 issued and due on Jun 1 (no payment terms).</summary>
    private async Task<(string Code, ReceivableBuilders.Billed Billed)> DueOnJune1()
    {
        var (partner, warehouse, a, _) = await _ar.Distributor();
        return (partner.Code, await _ar.Invoice(partner.Id, warehouse.Id, Jun1, [new(a, 5, 1_200_000m)], paymentTermDays: 0));
    }

    [Theory]
    [InlineData("2026-06-01", 0)] // due today: not overdue yet
    [InlineData("2026-07-01", 1)] // 30 days
    [InlineData("2026-07-02", 2)] // 31 days
    [InlineData("2026-08-30", 3)] // 90 days
    [InlineData("2026-08-31", 4)] // 91 days
    public async Task An_open_invoice_falls_in_the_bucket_of_its_days_overdue(string asOf, int bucket)
    {
        var (code, _) = await DueOnJune1();

        var row = (await RowOn(code, DateOnly.Parse(asOf)))!;

        decimal[] buckets = [row.Current, row.Days1To30, row.Days31To60, row.Days61To90, row.Over90];
        buckets.ShouldBe(Enumerable.Range(0, 5).Select(i => i == bucket ? 6_660_000m : 0m).ToArray());
        (row.Total, row.OpenInvoices).ShouldBe((6_660_000m, 1));
    }

    [Fact]
    public async Task Only_payments_confirmed_by_the_date_reduce_what_is_open()
    {
        var (code, billed) = await DueOnJune1();
        await _ar.Pay(billed.Invoice.Id, 1_660_000m, new DateOnly(2026, 6, 15));
        await _ar.Pay(billed.Invoice.Id, 2_000_000m, new DateOnly(2026, 6, 20), confirmed: false); // a partner's report, not confirmed
        await _ar.Pay(billed.Invoice.Id, 1_000_000m, new DateOnly(2026, 7, 10));

        (await RowOn(code, new DateOnly(2026, 6, 10)))!.Days1To30.ShouldBe(6_660_000m);
        (await RowOn(code, new DateOnly(2026, 6, 30)))!.Days1To30.ShouldBe(5_000_000m);
        var july = (await RowOn(code, new DateOnly(2026, 7, 15)))!;
        (july.Days31To60, july.Total, july.Overdue).ShouldBe((4_000_000m, 4_000_000m, 4_000_000m));
    }

    [Fact]
    public async Task A_paid_invoice_leaves_the_report_and_an_invoice_issued_later_is_not_in_it_yet()
    {
        var (code, billed) = await DueOnJune1();
        await _ar.Pay(billed.Invoice.Id, 6_660_000m, new DateOnly(2026, 6, 5));
        (await RowOn(code, new DateOnly(2026, 6, 4))).ShouldNotBeNull();
        (await RowOn(code, new DateOnly(2026, 6, 5))).ShouldBeNull();
        (await RowOn(code, new DateOnly(2026, 5, 31))).ShouldBeNull();
    }

    [Fact]
    public async Task Totals_add_up_the_rows_and_overdue_only_hides_partners_with_nothing_overdue()
    {
        var (late, _) = await DueOnJune1();
        var (partner, warehouse, a, _) = await _ar.Distributor();
        await _ar.Invoice(partner.Id, warehouse.Id, new DateOnly(2026, 6, 20), [new(a, 1, 1_200_000m)], paymentTermDays: 30);

        var report = (await app.Handle<GetAgingHandler, Result<AgingReport>>("demo", Finance, h =>
            h.HandleAsync(new GetAging(new DateOnly(2026, 6, 25), All: true)))).Value!;
        report.Totals.Total.ShouldBe(report.Items.Sum(r => r.Total));
        report.Items.ShouldContain(r => r.PartnerCode == partner.Code && r.Current == 1_332_000m);
        var overdue = (await app.Handle<GetAgingHandler, Result<AgingReport>>("demo", Finance, h =>
            h.HandleAsync(new GetAging(new DateOnly(2026, 6, 25), OverdueOnly: true, All: true)))).Value!;
        overdue.Items.ShouldContain(r => r.PartnerCode == late);
        overdue.Items.ShouldNotContain(r => r.PartnerCode == partner.Code);
    }

    [Fact]
    public async Task Only_finance_and_admins_see_the_report_and_another_tenant_sees_none_of_it()
    {
        var (code, _) = await DueOnJune1();
        (await app.Handle<GetAgingHandler, Result<AgingReport>>("demo", "sales@demo.test", h => h.HandleAsync(new GetAging())))
            .Errors.Single().Code.ShouldBe("Access.Denied");
        (await app.Handle<GetAgingHandler, Result<AgingReport>>("demo", "distributor@demo.test", h => h.HandleAsync(new GetAging())))
            .Errors.Single().Code.ShouldBe("Access.Denied");
        var other = (await app.Handle<GetAgingHandler, Result<AgingReport>>("other", "finance@other.test", h =>
            h.HandleAsync(new GetAging(new DateOnly(2026, 7, 1), All: true)))).Value!;
        other.Items.ShouldNotContain(r => r.PartnerCode == code);

        using var client = await app.Client("demo").SignedInAs(Finance);
        var response = await client.Http.GetAsync("/receivables");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"aging-title\"");
    }
}

public sealed class AgingTests_Sqlite(SqliteApp app) : AgingTests<SqliteApp>(app), IClassFixture<SqliteApp>;
public sealed class AgingTests_Postgres(PostgresApp app) : AgingTests<PostgresApp>(app), IClassFixture<PostgresApp>;
