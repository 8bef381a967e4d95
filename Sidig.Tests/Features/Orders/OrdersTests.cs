using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sidig.Domain.Access;
using Sidig.Domain.Catalog;
using Sidig.Domain.Common;
using Sidig.Domain.Orders;
using Sidig.Domain.Partners;
using Sidig.Infrastructure.Persistence;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Orders;

namespace Sidig.Tests.Features.Orders;

public abstract class OrdersTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    private const string Sales = "sales@demo.test", Admin = "admin@demo.test", Finance = "finance@demo.test";
    private readonly OrderBuilders _o = new(app);

    private Task<Result<T>> Run<THandler, T>(string email, Func<THandler, Task<Result<T>>> call, string tenant = "demo") where THandler : notnull =>
        app.Handle<THandler, Result<T>>(tenant, email, call);

    private Task<Result<OrderStatus>> Approve(string email, Guid id, string? note = "OK, pelanggan lama") =>
        Run<ApproveOrderHandler, OrderStatus>(email, h => h.HandleAsync(new ApproveOrder(id, note)));

    private Task<Result<OrderStatus>> Reject(string email, Guid id, string? reason) =>
        Run<RejectOrderHandler, OrderStatus>(email, h => h.HandleAsync(new RejectOrder(id, reason)));

    private Task<Result<OrderStatus>> Cancel(string email, Guid id, string? reason = "Pelanggan batal") =>
        Run<CancelOrderHandler, OrderStatus>(email, h => h.HandleAsync(new CancelOrder(id, reason)));

    private Task<Result<OrderView>> Get(string email, Guid id, string tenant = "demo") =>
        Run<GetOrderHandler, OrderView>(email, h => h.HandleAsync(new GetOrder(id)), tenant);

    private static PlaceOrder Order(OrderSetup s, decimal discount, bool submit, params (Product P, decimal Q, decimal D)[] lines) =>
        new(s.Partner.Id, s.Warehouse.Id, "PO-1", null, discount, lines.Select(l => new PlaceOrderLine(l.P.Id, l.Q, l.D)).ToList(), Submit: submit);

    [Fact]
    public async Task Lines_are_priced_from_the_partners_list_over_the_tier_list_with_volume_breaks_and_rupiah_rounding()
    {
        var s = await _o.Setup(productCount: 2, unitPrice: 10_000m);
        var (a, b) = (s.Products[0], s.Products[1]);
        var today = await _o.Today();
        await _o.Basic.Query(async db =>
        {
            var own = await db.PriceLists.Include(l => l.Lines).FirstAsync(l => l.Id == s.PriceList.Id);
            own.SetPrice(a.Id, 10, 9_000m); // volume break from 10
            var tier = PriceList.Create(Builders.Unique("Tier"), PriceTier.Distributor, null, today.AddDays(-1), null);
            tier.SetPrice(a.Id, 1, 5_000m); // cheaper, but the partner's own list wins
            tier.SetPrice(b.Id, 1, 5_000m);
            db.PriceLists.Add(tier);
            return await db.SaveChangesAsync();
        });

        var placed = await _o.Place(Sales, Order(s, 2.5m, false, (a, 9, 0), (b, 3, 10)));
        placed.Errors.ShouldBeEmpty();
        var order = await _o.Load(placed.Value!.Id);
        var la = order.Lines.Single(l => l.ProductId == a.Id);
        var lb = order.Lines.Single(l => l.ProductId == b.Id);
        (la.UnitPrice, la.Sku, la.PriceListName).ShouldBe((10_000m, a.Sku, s.PriceList.Name));
        lb.UnitPrice.ShouldBe(10_000m);
        // 9 × 10.000 = 90.000 − 2,5 % = 87.750; 3 × 10.000 = 30.000 − 10 % = 27.000 − 2,5 % (675) = 26.325
        (la.NetAmount, lb.NetAmount, placed.Value.Total).ShouldBe((87_750m, 26_325m, 114_075m));
        placed.Value.Status.ShouldBe(OrderStatus.Draft);
        placed.Value.Number.ShouldStartWith($"SO/{today.Year}/");

        var ten = await _o.Place(Sales, Order(s, 0, false, (a, 10, 0)));
        (await _o.Load(ten.Value!.Id)).Lines.Single().UnitPrice.ShouldBe(9_000m);
    }

    [Fact]
    public async Task A_product_without_a_price_is_an_error_on_its_line_and_nothing_is_saved()
    {
        var s = await _o.Setup(productCount: 1);
        var unpriced = await _o.Basic.Product();
        var before = await _o.Basic.Query(db => db.SalesOrders.CountAsync(o => o.PartnerId == s.Partner.Id));
        var result = await _o.Place(Sales, Order(s, 0, false, (s.Products[0], 1, 0), (unpriced, 1, 0)));
        var error = result.Errors.Single();
        (error.Code, error.Field, error.Args[0]).ShouldBe(("Order.NoPrice", "Lines[1].ProductId", (object)unpriced.Sku));
        (await _o.Basic.Query(db => db.SalesOrders.CountAsync(o => o.PartnerId == s.Partner.Id))).ShouldBe(before);

        var bad = await _o.Place(Sales, Order(s, 101, false, (s.Products[0], 0, -1)));
        bad.Errors.Select(e => (e.Code, e.Field)).ShouldBe(
            [("Sales.QuantityInvalid", "Lines[0].Quantity"), ("Sales.DiscountInvalid", "Lines[0].DiscountPercent"), ("Sales.DiscountInvalid", "DiscountPercent")],
            ignoreOrder: true);
    }

    [Fact]
    public async Task A_discount_above_the_threshold_needs_approval_and_one_at_it_does_not()
    {
        var s = await _o.Setup(productCount: 1);
        var p = s.Products[0];
        var atThreshold = await _o.Place(Sales, Order(s, 10, true, (p, 1, 0)));
        atThreshold.Value!.Status.ShouldBe(OrderStatus.Approved);
        atThreshold.Value.SubmitProblems.ShouldBeEmpty();

        var above = await _o.Place(Sales, Order(s, 0, true, (p, 2, 12.5m)));
        above.Value!.Status.ShouldBe(OrderStatus.AwaitingApproval);
        var order = await _o.Load(above.Value.Id);
        var approval = order.Approvals.Single();
        approval.Reason.ShouldBe(ApprovalReason.Discount);
        approval.Detail.ShouldContain("12,5");
        approval.Detail.ShouldContain("Rp 25.000"); // 2 × 100.000 × 12,5 %
        OrderHistory.InOrder(order.History).Select(h => h.To).ShouldBe([OrderStatus.Draft, OrderStatus.Submitted, OrderStatus.AwaitingApproval]);
    }

    [Fact]
    public async Task Over_the_credit_limit_with_open_orders_needs_approval_with_the_figures()
    {
        var s = await _o.Setup(productCount: 1); // credit limit Rp 100.000.000
        var p = s.Products[0];
        await _o.ApprovedOrder(s.Partner.Id, s.Warehouse.Id, (p, 1, 99_500_000m));
        var within = await _o.Place(Sales, Order(s, 0, true, (p, 5, 0))); // 99.500.000 + 500.000 = limit: not above
        within.Value!.Status.ShouldBe(OrderStatus.Approved);

        var over = await _o.Place(Sales, Order(s, 0, true, (p, 1, 0))); // + the approved 500.000 + 100.000
        over.Value!.Status.ShouldBe(OrderStatus.AwaitingApproval);
        var approval = (await _o.Load(over.Value.Id)).Approvals.Single();
        approval.Reason.ShouldBe(ApprovalReason.CreditLimit);
        approval.Detail.ShouldContain("Rp 100.100.000");
        approval.Detail.ShouldContain("Rp 100.000.000");
    }

    [Fact]
    public async Task Invoices_count_towards_credit_and_overdue_ones_beyond_the_overdue_limit_need_approval()
    {
        var s = await _o.Setup(productCount: 1); // overdue limit Rp 10.000.000
        var p = s.Products[0];
        var today = await _o.Today();
        var old = await _o.ApprovedOrder(s.Partner.Id, s.Warehouse.Id, (p, 1, 9_000_000m));
        var invoice = await _o.InvoiceFor(old, today.AddDays(-40), termDays: 30); // due 10 days ago
        invoice.Total.ShouldBe(9_990_000m); // 9.000.000 + PPN 12 % of 11/12
        (await _o.Place(Sales, Order(s, 0, true, (p, 1, 0)))).Value!.Status.ShouldBe(OrderStatus.Approved); // 9.990.000 ≤ 10.000.000

        var more = await _o.ApprovedOrder(s.Partner.Id, s.Warehouse.Id, (p, 1, 1_000_000m));
        await _o.InvoiceFor(more, today.AddDays(-31), termDays: 30); // due yesterday
        var placed = await _o.Place(Sales, Order(s, 0, true, (p, 1, 0)));
        placed.Value!.Status.ShouldBe(OrderStatus.AwaitingApproval);
        var approval = (await _o.Load(placed.Value.Id)).Approvals.Single();
        approval.Reason.ShouldBe(ApprovalReason.OverdueInvoices);
        approval.Detail.ShouldContain("Rp 11.100.000");
        approval.Detail.ShouldContain("Rp 10.000.000");

        var fresh = await _o.ApprovedOrder(s.Partner.Id, s.Warehouse.Id, (p, 1, 95_000_000m));
        await _o.InvoiceFor(fresh, today, termDays: 30); // not due, but open: over the credit limit now
        var reasons = (await _o.Load((await _o.Place(Sales, Order(s, 0, true, (p, 1, 0)))).Value!.Id)).Approvals.Select(a => a.Reason);
        reasons.ShouldBe([ApprovalReason.CreditLimit, ApprovalReason.OverdueInvoices], ignoreOrder: true);
    }

    [Fact]
    public async Task Above_the_allocation_needs_approval_approval_consumes_it_and_cancellation_gives_it_back()
    {
        var s = await _o.Setup(productCount: 2);
        var (p, q) = (s.Products[0], s.Products[1]);
        var quota = await _o.Allocation(s.Partner.Id, p.Id, 10);

        var within = await _o.Place(Sales, Order(s, 0, true, (p, 4, 0), (q, 50, 0)));
        within.Value!.Status.ShouldBe(OrderStatus.Approved);
        (await _o.AllocationUsed(quota.Id)).ShouldBe(4m);

        var over = await _o.Place(Sales, Order(s, 0, true, (p, 7, 0)));
        over.Value!.Status.ShouldBe(OrderStatus.AwaitingApproval);
        var approval = (await _o.Load(over.Value.Id)).Approvals.Single();
        (approval.Reason, approval.Detail.Contains(p.Sku)).ShouldBe((ApprovalReason.Allocation, true));
        (await _o.AllocationUsed(quota.Id)).ShouldBe(4m); // waiting orders use nothing

        (await Approve(Finance, over.Value.Id)).Value.ShouldBe(OrderStatus.Approved);
        (await _o.AllocationUsed(quota.Id)).ShouldBe(11m); // an approver may go over the quota

        (await Cancel(Sales, over.Value.Id)).Value.ShouldBe(OrderStatus.Cancelled);
        (await _o.AllocationUsed(quota.Id)).ShouldBe(4m);
        (await Cancel(Sales, within.Value.Id)).Value.ShouldBe(OrderStatus.Cancelled);
        (await _o.AllocationUsed(quota.Id)).ShouldBe(0m);
    }

    [Fact]
    public async Task Short_stock_in_the_warehouse_blocks_the_submission_counting_other_approved_orders()
    {
        var s = await _o.Setup(productCount: 2, stock: 100);
        var (p, q) = (s.Products[0], s.Products[1]);
        await _o.ApprovedOrder(s.Partner.Id, s.Warehouse.Id, (p, 80, 1_000m)); // 20 of p left to promise

        var placed = await _o.Place(Sales, Order(s, 0, true, (p, 30, 0), (q, 100, 0)));
        placed.Errors.ShouldBeEmpty();
        placed.Value!.Status.ShouldBe(OrderStatus.Draft);
        var problem = placed.Value.SubmitProblems.Single();
        (problem.Code, problem.Field).ShouldBe(("Order.StockShort", "Lines[0].Quantity"));
        problem.Args[0].ShouldBe(p.Sku);
        (await _o.Load(placed.Value.Id)).Approvals.ShouldBeEmpty();

        var submit = await Run<SubmitOrderHandler, OrderStatus>(Sales, h => h.HandleAsync(new SubmitOrder(placed.Value.Id)));
        submit.Errors.Single().Code.ShouldBe("Order.StockShort");

        var fixedUp = await Run<UpdateOrderHandler, PlacedOrder>(Sales, h => h.HandleAsync(new UpdateOrder(placed.Value.Id, s.Warehouse.Id, "PO-1", null, 0,
            [new PlaceOrderLine(p.Id, 20), new PlaceOrderLine(q.Id, 100)], Submit: true)));
        fixedUp.Value!.Status.ShouldBe(OrderStatus.Approved);
        fixedUp.Value.SubmitProblems.ShouldBeEmpty();

        var none = await _o.Place(Sales, Order(s, 0, true, (q, 1, 0)));
        none.Value!.SubmitProblems.Single().Args[1].ShouldBe("0");
    }

    [Fact]
    public async Task Approve_and_reject_need_the_permission_a_note_and_an_order_awaiting_approval()
    {
        var s = await _o.Setup(productCount: 1);
        var p = s.Products[0];
        var waiting = (await _o.Place(Sales, Order(s, 50, true, (p, 1, 0)))).Value!;
        waiting.Status.ShouldBe(OrderStatus.AwaitingApproval);

        (await Approve(Sales, waiting.Id)).Errors.Single().Code.ShouldBe("Access.Denied");
        (await Approve(Finance, waiting.Id, " ")).Errors.Single().ShouldBe(new Error("Order.ApprovalNoteRequired", "Note"));
        (await Reject(Finance, waiting.Id, "")).Errors.Single().Code.ShouldBe("Order.RejectReasonRequired");
        (await Reject(Finance, waiting.Id, "Diskon terlalu besar")).Value.ShouldBe(OrderStatus.Draft);
        var rejected = await _o.Load(waiting.Id);
        rejected.Approvals.Single().Decision.ShouldBe(ApprovalDecision.Rejected);
        OrderHistory.InOrder(rejected.History).Last().Note.ShouldBe("Diskon terlalu besar");
        (await Approve(Finance, waiting.Id)).Errors.Single().Code.ShouldBe("Order.NotAwaitingApproval");

        (await Run<SubmitOrderHandler, OrderStatus>(Sales, h => h.HandleAsync(new SubmitOrder(waiting.Id)))).Value.ShouldBe(OrderStatus.AwaitingApproval);
        (await Approve(Finance, waiting.Id, "Promo akhir tahun")).Value.ShouldBe(OrderStatus.Approved);
        var view = (await Get(Sales, waiting.Id)).Value!;
        view.Approvals.Last().ShouldSatisfyAllConditions(
            a => a.Decision.ShouldBe(ApprovalDecision.Approved), a => a.DecidedBy.ShouldBe(Finance), a => a.Note.ShouldBe("Promo akhir tahun"));
        view.History.Select(h => h.To).ShouldBe([OrderStatus.Draft, OrderStatus.Submitted, OrderStatus.AwaitingApproval, OrderStatus.Draft,
            OrderStatus.Submitted, OrderStatus.AwaitingApproval, OrderStatus.Approved]);
        view.CanDecide.ShouldBeFalse();
    }

    [Fact]
    public async Task Cancellation_needs_a_reason_and_is_refused_once_anything_is_shipped()
    {
        var s = await _o.Setup(productCount: 1);
        var order = await _o.ApprovedOrder(s.Partner.Id, s.Warehouse.Id, (s.Products[0], 5, 1_000m));
        (await Cancel(Sales, order.Id, " ")).Errors.Single().ShouldBe(new Error("Order.CancelReasonRequired", "Reason"));
        await _o.Basic.Query(async db =>
        {
            var tracked = await db.SalesOrders.Include(o => o.Lines).FirstAsync(o => o.Id == order.Id);
            tracked.RecordShipped(new Dictionary<Guid, decimal> { [tracked.Lines[0].Id] = 2 }, DateTimeOffset.UtcNow, "test");
            return await db.SaveChangesAsync();
        });
        (await Cancel(Sales, order.Id)).Errors.Single().Code.ShouldBe("Order.CannotCancelAfterShipping");
        (await Get(Sales, order.Id)).Value!.ShouldSatisfyAllConditions(v => v.Status.ShouldBe(OrderStatus.PartiallyShipped), v => v.CanCancel.ShouldBeFalse());

        var draft = (await _o.Place(Sales, Order(s, 0, false, (s.Products[0], 1, 0)))).Value!;
        (await Cancel(Sales, draft.Id, "Salah input")).Value.ShouldBe(OrderStatus.Cancelled);
        (await _o.Load(draft.Id)).CancelReason.ShouldBe("Salah input");
        (await Cancel(Sales, draft.Id)).Errors.Single().Code.ShouldBe("Order.AlreadyCancelled");
    }

    [Fact]
    public async Task Order_numbers_are_consecutive_even_when_placed_at_once()
    {
        var s = await _o.Setup(productCount: 1);
        var placed = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _o.Place(Sales, Order(s, 0, true, (s.Products[0], 1, 0)))));
        placed.ShouldAllBe(r => r.Succeeded);
        var numbers = placed.Select(r => long.Parse(r.Value!.Number.Split('/')[2])).Order().ToList();
        numbers.Distinct().Count().ShouldBe(4);
        (numbers[^1] - numbers[0]).ShouldBe(3);

        // A refused placement (no price) takes no number: the next one follows on.
        (await _o.Place(Sales, Order(s, 0, false, (await _o.Basic.Product(), 1, 0)))).Succeeded.ShouldBeFalse();
        var next = await _o.Place(Sales, Order(s, 0, false, (s.Products[0], 1, 0)));
        long.Parse(next.Value!.Number.Split('/')[2]).ShouldBeGreaterThan(numbers[^1]);
        var prefix = $"SO/{(await _o.Today()).Year}/";
        var all = await _o.Basic.Query(db => db.SalesOrders.Where(o => o.Number.StartsWith(prefix)).Select(o => o.Number).ToListAsync());
        var values = all.Select(n => long.Parse(n.Split('/')[2])).Order().ToList();
        values.ShouldBe(Enumerable.Range((int)values[0], values.Count).Select(i => (long)i).ToList()); // no gaps, no duplicates in this database
    }

    [Fact]
    public async Task Inside_the_callers_transaction_nothing_is_committed_until_the_caller_commits()
    {
        var s = await _o.Setup(productCount: 1);
        var id = await app.AsUser("demo", Sales, async sp =>
        {
            await using var db = await sp.GetRequiredService<IDbContextFactory<SidigDbContext>>().CreateDbContextAsync();
            await using var tx = await db.Database.BeginTransactionAsync();
            var result = await sp.GetRequiredService<PlaceOrderHandler>().HandleAsync(Order(s, 0, true, (s.Products[0], 1, 0)), db, default);
            result.Value!.Status.ShouldBe(OrderStatus.Approved);
            db.Database.CurrentTransaction.ShouldBe(tx);
            await tx.RollbackAsync();
            return result.Value.Id;
        });
        (await _o.Basic.Query(db => db.SalesOrders.AnyAsync(o => o.Id == id))).ShouldBeFalse();
    }

    [Fact]
    public async Task A_distributor_orders_only_for_itself_and_sees_only_its_own_orders()
    {
        var s = await _o.Setup(productCount: 1);
        var other = await _o.Setup(productCount: 1);
        var user = await PartnerUsers.CreateAsync(app, s.Partner.Id);
        var own = await _o.Place(user, Order(s, 0, true, (s.Products[0], 1, 0)));
        own.Value!.Status.ShouldBe(OrderStatus.Approved);
        (await _o.Load(own.Value.Id)).ShouldSatisfyAllConditions(o => o.Source.ShouldBe(OrderSource.Portal), o => o.AgentId.ShouldBeNull());
        (await _o.Place(user, Order(other, 0, false, (other.Products[0], 1, 0)))).Errors.Single().Code.ShouldBe("Partner.NotFound");

        var theirs = (await _o.Place(Sales, Order(other, 30, true, (other.Products[0], 1, 0)))).Value!;
        var list = (await Run<ListOrdersHandler, OrderList>(user, h => h.HandleAsync(new ListOrders(All: true)))).Value!;
        list.Items.Select(i => i.Id).ShouldBe([own.Value.Id]);
        await NoAccess(user, theirs.Id);
        (await Run<ListOrdersHandler, OrderList>(Sales, h => h.HandleAsync(new ListOrders(PartnerId: other.Partner.Id, All: true)))).Value!.Items
            .Select(i => i.Id).ShouldContain(theirs.Id);
    }

    [Fact]
    public async Task An_agent_orders_for_its_customers_only_and_the_order_carries_the_agent()
    {
        var agent = await _o.Basic.Partner(PartnerType.Agent);
        var customer = await _o.Setup(productCount: 1, type: PartnerType.Dealer, parentId: agent.Id);
        var stranger = await _o.Setup(productCount: 1, type: PartnerType.Dealer);
        var agentUser = await PartnerUsers.CreateAsync(app, agent.Id, Roles.AgentUser);

        var placed = await _o.Place(agentUser, Order(customer, 0, true, (customer.Products[0], 1, 0)));
        placed.Errors.ShouldBeEmpty();
        (await _o.Load(placed.Value!.Id)).ShouldSatisfyAllConditions(o => o.AgentId.ShouldBe(agent.Id), o => o.Source.ShouldBe(OrderSource.Agent));
        (await _o.Place(agentUser, Order(stranger, 0, true, (stranger.Products[0], 1, 0)))).Errors.Single().Code.ShouldBe("Partner.NotFound");

        var byStaff = (await _o.Place(Sales, Order(customer, 0, false, (customer.Products[0], 1, 0)))).Value!; // no agent on it
        var seen = (await Run<ListOrdersHandler, OrderList>(agentUser, h => h.HandleAsync(new ListOrders(All: true)))).Value!.Items.Select(i => i.Id).ToList();
        seen.ShouldBe([placed.Value.Id]);
        await NoAccess(agentUser, byStaff.Id);
        var customerUser = await PartnerUsers.CreateAsync(app, customer.Partner.Id);
        (await Get(customerUser, placed.Value.Id)).Value!.AgentName.ShouldBe(agent.LegalName);
    }

    [Fact]
    public async Task Another_tenant_and_another_partners_user_can_neither_read_nor_act_on_an_order()
    {
        var s = await _o.Setup(productCount: 1);
        var waiting = (await _o.Place(Sales, Order(s, 40, true, (s.Products[0], 1, 0)))).Value!;
        var draft = (await _o.Place(Sales, Order(s, 0, false, (s.Products[0], 1, 0)))).Value!;
        var otherPartner = await _o.Basic.Partner();
        var outsider = await PartnerUsers.CreateAsync(app, otherPartner.Id);
        foreach (var (email, tenant) in new[] { ("admin@other.test", "other"), (outsider, "demo") })
        {
            (await Get(email, waiting.Id, tenant)).Errors.Single().Code.ShouldBe("Order.NotFound");
            (await Run<ListOrdersHandler, OrderList>(email, h => h.HandleAsync(new ListOrders(All: true)), tenant)).Value!.Items
                .ShouldNotContain(i => i.Id == waiting.Id || i.Id == draft.Id);
            (await Run<UpdateOrderHandler, PlacedOrder>(email, h => h.HandleAsync(new UpdateOrder(draft.Id, s.Warehouse.Id, null, null, 0,
                [new PlaceOrderLine(s.Products[0].Id, 2)])), tenant)).Errors.Single().Code.ShouldBe("Order.NotFound");
            (await Run<SubmitOrderHandler, OrderStatus>(email, h => h.HandleAsync(new SubmitOrder(draft.Id)), tenant)).Errors.Single().Code.ShouldBe("Order.NotFound");
            (await Run<CancelOrderHandler, OrderStatus>(email, h => h.HandleAsync(new CancelOrder(draft.Id, "x")), tenant)).Errors.Single().Code.ShouldBe("Order.NotFound");
        }
        (await Run<ApproveOrderHandler, OrderStatus>("admin@other.test", h => h.HandleAsync(new ApproveOrder(waiting.Id, "ok")), "other"))
            .Errors.Single().Code.ShouldBe("Order.NotFound");
        (await Run<RejectOrderHandler, OrderStatus>("admin@other.test", h => h.HandleAsync(new RejectOrder(waiting.Id, "no")), "other"))
            .Errors.Single().Code.ShouldBe("Order.NotFound");
        (await Approve(outsider, waiting.Id)).Errors.Single().Code.ShouldBe("Access.Denied");
        (await _o.Load(waiting.Id)).Status.ShouldBe(OrderStatus.AwaitingApproval);
    }

    private async Task NoAccess(string email, Guid orderId)
    {
        (await Get(email, orderId)).Errors.Single().Code.ShouldBe("Order.NotFound");
        (await Run<SubmitOrderHandler, OrderStatus>(email, h => h.HandleAsync(new SubmitOrder(orderId)))).Errors.Single().Code.ShouldBe("Order.NotFound");
        (await Cancel(email, orderId)).Errors.Single().Code.ShouldBe("Order.NotFound");
    }

    [Fact]
    public async Task Sales_settings_are_created_on_first_save_and_drive_the_discount_threshold()
    {
        var bad = await Run<SaveSalesSettingsHandler, bool>(Admin, async h => Wrap(await h.HandleAsync(new SaveSalesSettings(120, "INV/{yyyy}", InvoiceBasis.Order, true, 3, true, "1,x"))));
        bad.Errors.Select(e => (e.Code, e.Field)).ShouldBe([("Sales.DiscountInvalid", "DiscountApprovalPercent"), ("Numbering.PatternNeedsCounter", "InvoiceNumberPattern"),
            ("Reminders.DaysInvalid", "ReminderDaysAfter")], ignoreOrder: true);
        (await Run<SaveSalesSettingsHandler, bool>(Sales, async h => Wrap(await h.HandleAsync(new SaveSalesSettings(5, "INV/{n:4}", InvoiceBasis.Order, true, 3, true, null)))))
            .Errors.Single().Code.ShouldBe("Access.Denied");
        try
        {
            (await Run<SaveSalesSettingsHandler, bool>(Admin, async h => Wrap(await h.HandleAsync(
                new SaveSalesSettings(20, "FAK/{yy}/{n:4}", InvoiceBasis.Order, false, 2, false, "14, 7"))))).Errors.ShouldBeEmpty();
            var view = (await Run<GetSalesSettingsHandler, SalesSettingsView>(Admin, h => h.HandleAsync(new GetSalesSettings()))).Value!;
            view.ShouldBe(new SalesSettingsView(20, "FAK/{yy}/{n:4}", InvoiceBasis.Order, false, 2, false, "7, 14", true));
            (await _o.Basic.Query(db => db.SalesSettings.CountAsync())).ShouldBe(1);

            var s = await _o.Setup(productCount: 1);
            (await _o.Place(Sales, Order(s, 15, true, (s.Products[0], 1, 0)))).Value!.Status.ShouldBe(OrderStatus.Approved);
        }
        finally
        {
            await Run<SaveSalesSettingsHandler, bool>(Admin, async h => Wrap(await h.HandleAsync(new SaveSalesSettings(10, "INV/{yyyy}/{MM}/{n:5}", InvoiceBasis.DeliveryNotes,
                true, 3, true, "1,7,14"))));
        }
    }

    private static Result<bool> Wrap(Result r) => r.Succeeded ? Result<bool>.Ok(true) : Result<bool>.Fail(r.Errors);
}

public sealed class OrdersTests_Sqlite(SqliteApp app) : OrdersTests<SqliteApp>(app), IClassFixture<SqliteApp>;
public sealed class OrdersTests_Postgres(PostgresApp app) : OrdersTests<PostgresApp>(app), IClassFixture<PostgresApp>;
