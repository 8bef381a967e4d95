using Sidig.Domain.Common;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Receivables;

namespace Sidig.Tests.Features.Receivables;

/// <summary>Statement of account: opening balance, rows with running balance, closing balance and its aging; only for those allowed.</summary>
public abstract class StatementTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    private const string Finance = "finance@demo.test";
    private readonly ReceivableBuilders _ar = new(app);
    private static readonly DateOnly Sep10 = new(2026, 9, 10), Oct1 = new(2026, 10, 1), Oct31 = new(2026, 10, 31);

    private Task<Result<StatementOfAccount>> Statement(string email, Guid partnerId, DateOnly from, DateOnly to, string tenant = "demo") =>
        app.Handle<GetStatementHandler, Result<StatementOfAccount>>(tenant, email, h => h.HandleAsync(new GetStatement(partnerId, from, to)));

    /// <summary>
    /// Sep 10 invoice A (6.660.000, due Oct 10), Sep 20 payment 1.000.000; Oct 5 invoice B (2.664.000, due Nov 4), Oct 15 credit note on B
    /// (1 of 2 units: 1.332.000), Oct 20 payment on A 2.000.000, Oct 21 a pending report (does not count), Nov 3 payment on A 500.000 (after the period).
    /// </summary>
    private async Task<(Guid Partner, ReceivableBuilders.Billed A, ReceivableBuilders.Billed B, Guid CreditNote)> History()
    {
        var (partner, warehouse, a, b) = await _ar.Distributor();
        var invoiceA = await _ar.Invoice(partner.Id, warehouse.Id, Sep10, [new(a, 5, 1_200_000m)]);
        var invoiceB = await _ar.Invoice(partner.Id, warehouse.Id, new DateOnly(2026, 10, 5), [new(b, 2, 1_200_000m)]);
        await _ar.Pay(invoiceA.Invoice.Id, 1_000_000m, new DateOnly(2026, 9, 20));
        var note = await app.Handle<CreateCreditNoteHandler, Result<CreatedCreditNote>>("demo", Finance, h => h.HandleAsync(
            new CreateCreditNote(invoiceB.Invoice.Id, warehouse.Id, new DateOnly(2026, 10, 15), "Cacat produksi",
                [new ReturnLineInput(invoiceB.Invoice.Lines[0].Id, 1)])));
        note.Errors.ShouldBeEmpty();
        await _ar.Pay(invoiceA.Invoice.Id, 2_000_000m, new DateOnly(2026, 10, 20));
        await _ar.Pay(invoiceA.Invoice.Id, 700_000m, new DateOnly(2026, 10, 21), confirmed: false);
        await _ar.Pay(invoiceA.Invoice.Id, 500_000m, new DateOnly(2026, 11, 3));
        return (partner.Id, invoiceA, invoiceB, note.Value!.Id);
    }

    [Fact]
    public async Task The_statement_has_the_opening_balance_running_balance_and_closing_balance()
    {
        var (partner, a, b, note) = await History();

        var st = (await Statement(Finance, partner, Oct1, Oct31)).Value!;

        a.Invoice.Total.ShouldBe(6_660_000m);
        b.Invoice.Total.ShouldBe(2_664_000m);
        st.OpeningBalance.ShouldBe(5_660_000m); // invoice A − the September payment
        st.Rows.Select(r => (r.Date, r.Kind, r.Debit, r.Credit, r.Balance)).ShouldBe([
            (new DateOnly(2026, 10, 5), StatementEntryKind.Invoice, 2_664_000m, 0m, 8_324_000m),
            (new DateOnly(2026, 10, 15), StatementEntryKind.CreditNote, 0m, 1_332_000m, 6_992_000m),
            (new DateOnly(2026, 10, 20), StatementEntryKind.Payment, 0m, 2_000_000m, 4_992_000m)]);
        st.Rows[0].Number.ShouldBe(b.Invoice.Number);
        st.Rows[0].DueDate.ShouldBe(new DateOnly(2026, 11, 4));
        st.Rows[1].DocumentId.ShouldBe(note);
        st.Rows[1].Reference.ShouldBe(b.Invoice.Number);
        st.Rows[2].Number.ShouldBe(a.Invoice.Number);
        (st.TotalDebit, st.TotalCredit, st.ClosingBalance).ShouldBe((2_664_000m, 3_332_000m, 4_992_000m));
    }

    [Fact]
    public async Task The_closing_balance_is_aged_as_of_the_end_of_the_period()
    {
        var (partner, _, _, _) = await History();

        var aging = (await Statement(Finance, partner, Oct1, Oct31)).Value!.Aging;

        // A: due Oct 10, 21 days overdue on Oct 31, open 3.660.000; B: due Nov 4, not yet due, open 1.332.000.
        aging.ShouldBe(new AgingBuckets(1_332_000m, 3_660_000m, 0, 0, 0));
        aging.Total.ShouldBe(4_992_000m);

        var later = (await Statement(Finance, partner, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30))).Value!;
        later.OpeningBalance.ShouldBe(4_992_000m);
        later.ClosingBalance.ShouldBe(4_492_000m);
        later.Aging.ShouldBe(new AgingBuckets(0, 1_332_000m, 3_160_000m, 0, 0)); // B 26 days, A 51 days overdue on Nov 30
    }

    [Fact]
    public async Task A_period_ending_before_it_starts_is_refused()
    {
        var partner = await _ar.Make.Partner();
        var error = (await Statement(Finance, partner.Id, Oct31, Oct1)).Errors.Single();
        (error.Code, error.Field).ShouldBe(("Statement.RangeInvalid", "To"));
    }

    [Fact]
    public async Task A_partner_user_reads_only_its_own_statement_and_another_tenant_nothing()
    {
        var (partner, _, _, _) = await History();
        var own = await PartnerUsers.CreateAsync(app, partner);
        var stranger = await PartnerUsers.CreateAsync(app, (await _ar.Make.Partner()).Id);

        (await Statement(own, partner, Oct1, Oct31)).Value!.ClosingBalance.ShouldBe(4_992_000m);
        (await Statement(stranger, partner, Oct1, Oct31)).Errors.Single().Code.ShouldBe("Partner.NotFound");
        (await Statement("agent@demo.test", partner, Oct1, Oct31)).Errors.Single().Code.ShouldBe("Partner.NotFound");
        (await Statement("finance@other.test", partner, Oct1, Oct31, "other")).Errors.Single().Code.ShouldBe("Partner.NotFound");
        (await Statement("warehouse@demo.test", partner, Oct1, Oct31)).Errors.Single().Code.ShouldBe("Access.Denied");
    }

    [Fact]
    public async Task The_statement_pages_show_a_partners_figures_only_to_staff_and_to_that_partner()
    {
        var (partner, a, _, _) = await History();
        var own = await PartnerUsers.CreateAsync(app, partner);
        var stranger = await PartnerUsers.CreateAsync(app, (await _ar.Make.Partner()).Id);
        var url = $"/partners/{partner}/statement?from=2026-10-01&to=2026-10-31";

        using (var client = await app.Client("demo").SignedInAs(Finance))
        {
            var html = await client.Http.GetStringAsync(url);
            html.ShouldContain("data-testid=\"statement-rows\"");
            html.ShouldContain(a.Invoice.Number);
        }
        using (var client = await app.Client("demo").SignedInAs(own))
        {
            var html = await client.Http.GetStringAsync("/portal/statement?from=2026-10-01&to=2026-10-31");
            html.ShouldContain(a.Invoice.Number);
            html.ShouldContain("Rp 4.992.000");
        }
        using (var client = await app.Client("demo").SignedInAs(stranger))
        {
            var html = await client.Http.GetStringAsync(url);
            html.ShouldContain("data-testid=\"statement-error\"");
            html.ShouldNotContain(a.Invoice.Number);
            (await client.Http.GetStringAsync("/portal/statement?from=2026-10-01&to=2026-10-31")).ShouldNotContain(a.Invoice.Number);
        }
        using (var client = await app.Client("other").SignedInAs("finance@other.test"))
            (await client.Http.GetStringAsync(url)).ShouldNotContain(a.Invoice.Number);
    }
}

public sealed class StatementTests_Sqlite(SqliteApp app) : StatementTests<SqliteApp>(app), IClassFixture<SqliteApp>;
public sealed class StatementTests_Postgres(PostgresApp app) : StatementTests<PostgresApp>(app), IClassFixture<PostgresApp>;
