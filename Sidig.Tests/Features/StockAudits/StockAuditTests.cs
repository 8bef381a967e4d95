using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Common;
using Sidig.Domain.Stock;
using Sidig.Infrastructure.Stock;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.StockAudits;

namespace Sidig.Tests.Features.StockAudits;

/// <summary>Stock counts through their handlers, as the pages call them: open → count → submit → approve posts the ledger.</summary>
public abstract class StockAuditTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    protected const string Admin = "admin@demo.test";
    protected const string WarehouseUser = "warehouse@demo.test"; // may count, may not approve
    protected readonly Builders Make = new(app);
    protected readonly TApp App = app;

    protected Task<Result<Guid>> Open(string email, Guid warehouseId, bool blind = false, string tenant = "demo") =>
        App.Handle<OpenStockAuditHandler, Result<Guid>>(tenant, email, h => h.HandleAsync(new OpenStockAudit(warehouseId, blind, "Opname akhir bulan")));

    protected Task<Result> Count(string email, Guid auditId, params (Guid Product, decimal Counted)[] counts) =>
        App.Handle<CountStockAuditHandler, Result>("demo", email,
            h => h.HandleAsync(new CountStockAudit(auditId, counts.Select(c => new StockCount(c.Product, c.Counted)).ToList())));

    protected Task<Result> Submit(string email, Guid auditId, bool asZero = false) =>
        App.Handle<SubmitStockAuditHandler, Result>("demo", email, h => h.HandleAsync(new SubmitStockAudit(auditId, asZero)));

    protected Task<Result> Approve(string email, Guid auditId) =>
        App.Handle<ApproveStockAuditHandler, Result>("demo", email, h => h.HandleAsync(new ApproveStockAudit(auditId)));

    protected Task<Result<StockAuditView>> Get(string email, Guid auditId, string tenant = "demo") =>
        App.Handle<GetStockAuditHandler, Result<StockAuditView>>(tenant, email, h => h.HandleAsync(new GetStockAudit(auditId)));

    protected Task<Result<StockAuditList>> List(string email, string tenant = "demo") =>
        App.Handle<ListStockAuditsHandler, Result<StockAuditList>>(tenant, email, h => h.HandleAsync(new ListStockAudits(All: true)));

    /// <summary>A warehouse with 10 of p1 and 5 of p2, and a third product not in it.</summary>
    protected async Task<(Warehouse Warehouse, Guid P1, Guid P2, Guid P3)> StockedWarehouse(Guid? owner = null)
    {
        var (p1, p2, p3) = (await Make.Product(), await Make.Product(), await Make.Product());
        var warehouse = await Make.Warehouse(owner);
        (await Make.Receive(warehouse.Id, p1.Id, 10)).Errors.ShouldBeEmpty();
        (await Make.Receive(warehouse.Id, p2.Id, 5)).Errors.ShouldBeEmpty();
        return (warehouse, p1.Id, p2.Id, p3.Id);
    }

    protected async Task<Guid> SubmittedAudit(string opener = Admin)
    {
        var (w, p1, p2, _) = await StockedWarehouse();
        var id = (await Open(opener, w.Id)).Value;
        (await Count(opener, id, (p1, 9), (p2, 5))).Errors.ShouldBeEmpty();
        (await Submit(opener, id)).Errors.ShouldBeEmpty();
        return id;
    }

    [Fact]
    public async Task A_count_end_to_end_posts_the_variances_and_on_hand_becomes_the_count()
    {
        var (w, p1, p2, p3) = await StockedWarehouse();
        var opened = await Open(Admin, w.Id);
        opened.Errors.ShouldBeEmpty();
        var id = opened.Value;
        (await Get(Admin, id)).Value!.Number.ShouldStartWith($"SOP/{DateTime.UtcNow.AddHours(7).Year}/");

        (await Count(Admin, id, (p1, 8), (p2, 5))).Errors.ShouldBeEmpty();
        (await Count(Admin, id, (p3, 2))).Errors.ShouldBeEmpty(); // found on the shelf, not in the snapshot
        (await Submit(Admin, id)).Errors.ShouldBeEmpty();
        var submitted = (await Get(Admin, id)).Value!;
        submitted.Variances.Select(l => (l.ProductId, l.Variance)).ShouldBe([(p1, (decimal?)-2m), (p3, 2m)], ignoreOrder: true);

        (await Approve(Admin, id)).Errors.ShouldBeEmpty();

        var number = (await Get(Admin, id)).Value!.Number;
        var corrections = await Make.Query(db => db.StockMovements.Where(m => m.WarehouseId == w.Id && m.Type == MovementType.AuditCorrection)
            .Select(m => new { m.ProductId, m.Quantity, m.DocumentType, m.DocumentNumber, m.DocumentId }).ToListAsync());
        corrections.Select(c => (c.ProductId, c.Quantity)).ShouldBe([(p1, -2m), (p3, 2m)], ignoreOrder: true);
        corrections.ShouldAllBe(c => c.DocumentType == StockLedger.DocumentAudit && c.DocumentNumber == number && c.DocumentId == id);
        (await Make.OnHand(w.Id, p1)).ShouldBe(8m);
        (await Make.OnHand(w.Id, p2)).ShouldBe(5m);
        (await Make.OnHand(w.Id, p3)).ShouldBe(2m);
        (await Make.Query(db => StockLedger.FindMismatchesAsync(db))).ShouldBeEmpty();
        (await Get(Admin, id)).Value!.Status.ShouldBe(StockAuditStatus.Posted);
    }

    [Fact]
    public async Task Movements_are_refused_while_the_warehouse_is_counted_and_allowed_after_cancelling()
    {
        var (w, p1, _, _) = await StockedWarehouse();
        var id = (await Open(Admin, w.Id)).Value;

        (await Make.Receive(w.Id, p1, 1)).Errors.Single().Code.ShouldBe("Stock.WarehouseFrozen");
        (await App.Handle<CancelStockAuditHandler, Result>("demo", Admin, h => h.HandleAsync(new CancelStockAudit(id)))).Errors.ShouldBeEmpty();
        (await Make.Receive(w.Id, p1, 1)).Errors.ShouldBeEmpty();
        (await Make.OnHand(w.Id, p1)).ShouldBe(11m);
    }

    [Fact]
    public async Task A_second_count_of_a_warehouse_cannot_be_opened_while_one_is_open()
    {
        var (w, _, _, _) = await StockedWarehouse();
        (await Open(Admin, w.Id)).Errors.ShouldBeEmpty();
        (await Open(WarehouseUser, w.Id)).Errors.Single().Code.ShouldBe("Audit.AlreadyOpen");
    }

    [Fact]
    public async Task A_blind_count_hides_expected_quantities_from_counters_until_it_is_submitted()
    {
        var (w, p1, p2, _) = await StockedWarehouse();
        var id = (await Open(WarehouseUser, w.Id, blind: true)).Value;

        var counter = (await Get(WarehouseUser, id)).Value!;
        counter.ExpectedVisible.ShouldBeFalse();
        counter.Lines.Count.ShouldBe(2);
        counter.Lines.ShouldAllBe(l => l.Expected == null && l.Variance == null);
        (await Get(Admin, id)).Value!.Lines.Single(l => l.ProductId == p1).Expected.ShouldBe(10m); // the approver sees them

        (await Count(WarehouseUser, id, (p1, 10), (p2, 4))).Errors.ShouldBeEmpty();
        (await Get(WarehouseUser, id)).Value!.Lines.ShouldAllBe(l => l.Expected == null && l.Variance == null);
        (await Submit(WarehouseUser, id)).Errors.ShouldBeEmpty();
        (await Get(WarehouseUser, id)).Value!.Lines.Single(l => l.ProductId == p2).Variance.ShouldBe(-1m);
        // and the counter, having seen the differences, cannot reopen a blind count to adjust them
        (await App.Handle<ReopenStockAuditHandler, Result>("demo", WarehouseUser, h => h.HandleAsync(new ReopenStockAudit(id))))
            .Errors.Single().Code.ShouldBe("Access.Denied");
    }

    [Fact]
    public async Task Approving_needs_the_approve_permission()
    {
        var id = await SubmittedAudit(WarehouseUser);
        (await Approve(WarehouseUser, id)).Errors.Single().Code.ShouldBe("Access.Denied");
        (await Get(Admin, id)).Value!.Status.ShouldBe(StockAuditStatus.Submitted);
    }

    [Fact]
    public async Task A_posted_count_cannot_be_posted_again()
    {
        var id = await SubmittedAudit();
        (await Approve(Admin, id)).Errors.ShouldBeEmpty();
        (await Approve(Admin, id)).Errors.Single().Code.ShouldBe("Audit.AlreadyPosted");
        (await Make.Query(db => db.StockMovements.CountAsync(m => m.DocumentId == id))).ShouldBe(1);
    }

    [Fact]
    public async Task Submitting_with_uncounted_products_needs_uncounted_as_zero()
    {
        var (w, p1, p2, _) = await StockedWarehouse();
        var id = (await Open(Admin, w.Id)).Value;
        (await Count(Admin, id, (p1, 10))).Errors.ShouldBeEmpty();
        (await Submit(Admin, id)).Errors.Single().Code.ShouldBe("Audit.Uncounted");
        (await Submit(Admin, id, asZero: true)).Errors.ShouldBeEmpty();
        (await Approve(Admin, id)).Errors.ShouldBeEmpty();
        (await Make.OnHand(w.Id, p2)).ShouldBe(0m);
    }

    [Fact]
    public async Task A_partner_user_counts_only_its_own_partners_warehouses()
    {
        var (partnerA, partnerB) = (await Make.Partner(), await Make.Partner());
        var userA = await PartnerUsers.CreateAsync(App, partnerA.Id);
        var (own, o1, _, _) = await StockedWarehouse(partnerA.Id);
        var (foreign, f1, _, _) = await StockedWarehouse(partnerB.Id);

        var mine = await Open(userA, own.Id);
        mine.Errors.ShouldBeEmpty();
        (await Count(userA, mine.Value, (o1, 10))).Errors.ShouldBeEmpty();

        (await Open(userA, foreign.Id)).Errors.Single().Code.ShouldBe("Warehouse.NotFound");
        var theirs = (await Open(Admin, foreign.Id)).Value;
        (await Count(userA, theirs, (f1, 0))).Errors.Single().Code.ShouldBe("Audit.NotFound");
        (await Get(userA, theirs)).Errors.Single().Code.ShouldBe("Audit.NotFound");
        (await App.Handle<CancelStockAuditHandler, Result>("demo", userA, h => h.HandleAsync(new CancelStockAudit(theirs))))
            .Errors.Single().Code.ShouldBe("Audit.NotFound");
        var listed = (await List(userA)).Value!.Items.Select(i => i.Id).ToList();
        listed.ShouldContain(mine.Value);
        listed.ShouldNotContain(theirs);
        (await Get(Admin, theirs)).Value!.Lines.Single(l => l.ProductId == f1).Counted.ShouldBeNull();
    }

    [Fact]
    public async Task Another_tenant_sees_no_count_of_this_one()
    {
        var id = await SubmittedAudit();
        (await List("admin@other.test", "other")).Value!.Items.ShouldNotContain(i => i.Id == id);
        (await Get("admin@other.test", id, "other")).Errors.Single().Code.ShouldBe("Audit.NotFound");
    }
}

public sealed class StockAuditTests_Sqlite(SqliteApp app) : StockAuditTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class StockAuditTests_Postgres(PostgresApp app) : StockAuditTests<PostgresApp>(app), IClassFixture<PostgresApp>
{
    [Fact]
    public async Task Two_approvals_at_once_post_the_corrections_exactly_once()
    {
        for (var round = 0; round < 3; round++)
        {
            var id = await SubmittedAudit();
            var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Approve(Admin, id))));

            results.Count(r => r.Succeeded).ShouldBe(1);
            results.Where(r => !r.Succeeded).ShouldAllBe(r => r.Errors[0].Code == "Audit.AlreadyPosted");
            (await Make.Query(db => db.StockMovements.CountAsync(m => m.DocumentId == id))).ShouldBe(1);
        }
        (await Make.Query(db => StockLedger.FindMismatchesAsync(db))).ShouldBeEmpty();
    }

    [Fact]
    public async Task Two_counts_opened_at_once_for_one_warehouse_give_one_session()
    {
        var (w, _, _, _) = await StockedWarehouse();
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Open(Admin, w.Id))));
        results.Count(r => r.Succeeded).ShouldBe(1);
        results.Where(r => !r.Succeeded).ShouldAllBe(r => r.Errors[0].Code == "Audit.AlreadyOpen");
    }
}
