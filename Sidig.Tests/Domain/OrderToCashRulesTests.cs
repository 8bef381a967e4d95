using Sidig.Domain.Catalog;
using Sidig.Domain.Common;
using Sidig.Domain.Invoicing;
using Sidig.Domain.Orders;
using Sidig.Domain.Tenancy;

namespace Sidig.Tests.Domain;

public class SalesMathTests
{
    [Fact]
    public void Line_discount_then_order_discount_each_rounded_to_the_rupiah()
    {
        // 3 × 33.333 = 99.999; 10 % line discount = 10.000 (9.999,9 rounded); 5 % of 89.999 = 4.500 (4.499,95)
        SalesMath.Net(3, 33_333, 10, 5).ShouldBe(85_499);
    }

    [Fact]
    public void Half_a_rupiah_rounds_away_from_zero() => SalesMath.Rupiah(1_234.5m).ShouldBe(1_235);

    [Fact]
    public void A_share_of_the_whole_quantity_is_the_whole_net_without_rounding_drift() =>
        SalesMath.NetShare(100_001, 3, 3).ShouldBe(100_001);

    [Theory]
    [InlineData(-1), InlineData(100.01), InlineData(12.345)]
    public void Discounts_outside_0_to_100_or_with_three_decimals_are_refused(decimal percent) =>
        SalesMath.CheckDiscount(percent).ShouldBe("Sales.DiscountInvalid");

    [Fact]
    public void Lines_report_every_problem_with_its_line_and_a_duplicate_product()
    {
        var p = Guid.NewGuid();
        var errors = SalesLines.Check([
            new SalesLineInput(p, "A", "A", "PCS", 0, 10, 0, PpnKind.Standard),
            new SalesLineInput(p, "A", "A", "PCS", 1, -5, 150, PpnKind.Standard)]);
        errors.Select(e => (e.Code, e.Field)).ShouldBe([
            ("Sales.QuantityInvalid", "Lines[0].Quantity"), ("Sales.PriceInvalid", "Lines[1].UnitPrice"),
            ("Sales.DiscountInvalid", "Lines[1].DiscountPercent"), ("Sales.DuplicateProduct", null)], ignoreOrder: true);
    }
}

public class PpnCalculatorTests
{
    [Fact]
    public void Standard_goods_are_taxed_12_percent_on_a_base_of_11_12()
    {
        var t = PpnCalculator.Compute([(1_200_000m, PpnKind.Standard)], PpnSettings.Default);
        t.Dpp.ShouldBe(1_100_000);
        t.Ppn.ShouldBe(132_000); // effectively 11 %
        t.Total.ShouldBe(1_332_000);
    }

    [Fact]
    public void Luxury_goods_are_taxed_on_the_full_price_and_exempt_lines_not_at_all()
    {
        var t = PpnCalculator.Compute([(1_200_000m, PpnKind.Standard), (1_000_000m, PpnKind.Luxury), (500_000m, PpnKind.Exempt)], PpnSettings.Default);
        t.Subtotal.ShouldBe(2_700_000);
        t.Dpp.ShouldBe(2_100_000);
        t.Ppn.ShouldBe(252_000);
        t.Total.ShouldBe(2_952_000);
    }

    [Fact]
    public void The_base_is_rounded_once_per_document_not_per_line()
    {
        // 7 lines of 1.001: per line 11/12 = 917,58 → per-line rounding would give 7 × 918 = 6.426; once: 6.423
        var t = PpnCalculator.Compute(Enumerable.Repeat((1_001m, PpnKind.Standard), 7), PpnSettings.Default);
        t.Dpp.ShouldBe(6_423);
        t.Ppn.ShouldBe(771); // 770,76
    }

    [Fact]
    public void The_tenants_rate_and_base_rule_apply()
    {
        var t = PpnCalculator.Compute([(1_000_000m, PpnKind.Standard)], PpnSettings.Create(11, 1, 1));
        t.Dpp.ShouldBe(1_000_000);
        t.Ppn.ShouldBe(110_000);
    }
}

public class NumberPatternTests
{
    private static readonly DateOnly Nov = new(2026, 11, 5);

    [Fact]
    public void The_default_pattern_numbers_per_month() =>
        NumberPattern.Format(NumberPattern.DefaultInvoice, Nov, 1).ShouldBe("INV/2026/11/00001");

    [Theory]
    [InlineData("INV/{yyyy}/{MM}/{n:5}", "2026-11")]
    [InlineData("FK-{yy}-{n:4}", "2026")]
    [InlineData("F{n:6}", "")]
    public void The_counter_restarts_in_the_period_the_pattern_shows(string pattern, string period) =>
        NumberPattern.Period(pattern, Nov).ShouldBe(period);

    [Theory]
    [InlineData("", "Numbering.PatternRequired")]
    [InlineData("INV/{yyyy}", "Numbering.PatternNeedsCounter")]
    [InlineData("INV/{n}/{n:3}", "Numbering.PatternNeedsCounter")]
    [InlineData("INV {n}", "Numbering.PatternCharacters")]
    [InlineData("INV/{n:0}", "Numbering.PatternWidth")]
    public void Unusable_patterns_are_refused(string pattern, string error) => NumberPattern.Check(pattern).ShouldBe(error);

    [Fact]
    public void A_counter_wider_than_its_width_is_not_cut() => NumberPattern.Format("F{n:2}", Nov, 123).ShouldBe("F123");
}

public class SalesOrderTests
{
    internal static readonly DateTimeOffset Now = new(2026, 11, 20, 3, 0, 0, TimeSpan.Zero);
    internal static readonly Guid Warehouse = Guid.NewGuid();

    internal static SalesOrder Order(params (decimal Qty, decimal Price, decimal Disc)[] lines)
    {
        var order = SalesOrder.Create("SO/2026/000001", Guid.NewGuid(), null, OrderSource.Staff, new DateOnly(2026, 11, 20), Warehouse, "PO-1", null, Now, "sales");
        order.SetLines(lines.Select((l, i) => new SalesLineInput(Guid.NewGuid(), $"SKU{i}", $"Product {i}", "PCS", l.Qty, l.Price, l.Disc, PpnKind.Standard)).ToList(), 0);
        return order;
    }

    internal static SalesOrder Approved(params (decimal Qty, decimal Price, decimal Disc)[] lines)
    {
        var order = Order(lines);
        order.Submit([], Now, "sales");
        return order;
    }

    [Fact]
    public void A_submission_without_failed_checks_is_approved_at_once_and_the_history_shows_both_steps()
    {
        var order = Approved((2, 100_000, 0));
        order.Status.ShouldBe(OrderStatus.Approved);
        order.History.Select(h => h.To).ShouldBe([OrderStatus.Draft, OrderStatus.Submitted, OrderStatus.Approved]);
    }

    [Fact]
    public void Failed_checks_wait_for_approval_and_the_approval_records_who_and_why()
    {
        var order = Order((2, 100_000, 0));
        order.Submit([new ApprovalNeed(ApprovalReason.CreditLimit, "Rp 12.000.000 > Rp 10.000.000")], Now, "sales");
        order.Status.ShouldBe(OrderStatus.AwaitingApproval);
        order.Approve(Now.AddHours(1), "finance@demo.test", "Paid last week");
        order.Status.ShouldBe(OrderStatus.Approved);
        var approval = order.Approvals.Single();
        (approval.Decision, approval.DecidedBy, approval.Note).ShouldBe((ApprovalDecision.Approved, "finance@demo.test", "Paid last week"));
    }

    [Fact]
    public void An_approval_needs_a_reason()
    {
        var order = Order((1, 1, 0));
        order.Submit([new ApprovalNeed(ApprovalReason.Discount, "25 % > 10 %")], Now, "sales");
        Should.Throw<DomainException>(() => order.Approve(Now, "finance", " ")).Code.ShouldBe("Order.ApprovalNoteRequired");
    }

    [Fact]
    public void A_rejected_order_goes_back_to_draft_and_can_be_changed()
    {
        var order = Order((1, 1, 0));
        order.Submit([new ApprovalNeed(ApprovalReason.Allocation, "quota")], Now, "sales");
        order.Reject(Now, "finance", "Over quota");
        order.Status.ShouldBe(OrderStatus.Draft);
        order.IsEditable.ShouldBeTrue();
    }

    [Fact]
    public void Lines_cannot_change_after_submission()
    {
        var order = Approved((1, 1, 0));
        Should.Throw<DomainException>(() => order.SetLines(order.Lines.Select(l => l.ToInput()).ToList(), 0)).Code.ShouldBe("Order.NotEditable");
    }

    [Fact]
    public void Shipping_part_then_the_rest_moves_through_partially_shipped_to_shipped()
    {
        var order = Approved((10, 1_000, 0), (5, 2_000, 0));
        var (a, b) = (order.Lines[0].Id, order.Lines[1].Id);
        order.RecordShipped(new Dictionary<Guid, decimal> { [a] = 4 }, Now, "wh");
        order.Status.ShouldBe(OrderStatus.PartiallyShipped);
        order.RecordShipped(new Dictionary<Guid, decimal> { [a] = 6, [b] = 5 }, Now, "wh");
        order.Status.ShouldBe(OrderStatus.Shipped);
    }

    [Fact]
    public void Shipping_more_than_ordered_is_refused()
    {
        var order = Approved((10, 1_000, 0));
        Should.Throw<DomainException>(() => order.RecordShipped(new Dictionary<Guid, decimal> { [order.Lines[0].Id] = 11 }, Now, "wh"))
            .Code.ShouldBe("Delivery.QuantityAboveOrdered");
    }

    [Fact]
    public void Cancelling_is_refused_once_anything_has_shipped()
    {
        var order = Approved((10, 1_000, 0));
        order.RecordShipped(new Dictionary<Guid, decimal> { [order.Lines[0].Id] = 1 }, Now, "wh");
        Should.Throw<DomainException>(() => order.Cancel(Now, "sales", "changed mind")).Code.ShouldBe("Order.CannotCancelAfterShipping");
    }

    [Fact]
    public void The_whole_way_to_paid_then_returned()
    {
        var order = Approved((2, 1_000, 0));
        var line = new Dictionary<Guid, decimal> { [order.Lines[0].Id] = 2 };
        order.RecordShipped(line, Now, "wh");
        order.RecordDelivered(line, Now, "wh");
        order.Status.ShouldBe(OrderStatus.Delivered);
        order.RecordInvoiced(line, 2_220, Now, "fin");
        order.Status.ShouldBe(OrderStatus.Invoiced);
        order.RecordSettled(1_000, Now, "fin");
        order.Status.ShouldBe(OrderStatus.PartiallyPaid);
        order.RecordSettled(2_220, Now, "fin");
        order.Status.ShouldBe(OrderStatus.Paid);
        order.RecordReturned(line, Now, "wh");
        order.Status.ShouldBe(OrderStatus.Returned);
    }

    [Fact]
    public void Returning_more_than_was_delivered_is_refused()
    {
        var order = Approved((2, 1_000, 0));
        var id = order.Lines[0].Id;
        order.RecordShipped(new Dictionary<Guid, decimal> { [id] = 2 }, Now, "wh");
        order.RecordDelivered(new Dictionary<Guid, decimal> { [id] = 1 }, Now, "wh");
        Should.Throw<DomainException>(() => order.RecordReturned(new Dictionary<Guid, decimal> { [id] = 2 }, Now, "wh"))
            .Code.ShouldBe("Return.QuantityAboveDelivered");
    }
}

public class DeliveryNoteTests
{
    [Theory]
    [InlineData("b 1234  xyz", "B 1234 XYZ")]
    [InlineData("DK1234AB", "DK1234AB")]
    public void Plates_are_normalised(string typed, string stored) => DeliveryNote.NormalizePlate(typed).ShouldBe(stored);

    [Fact]
    public void A_plate_that_is_not_Indonesian_is_refused() =>
        DeliveryNote.CheckShipping(new ShippingDetails(null, "12-ABC-3", "Budi", null)).Single().Code.ShouldBe("Delivery.VehicleNumberInvalid");

    [Fact]
    public void Someone_must_carry_it() =>
        DeliveryNote.CheckShipping(new ShippingDetails(null, null, null, "RESI1")).Single().Code.ShouldBe("Delivery.CarrierRequired");

    [Fact]
    public void Delivery_is_recorded_once_not_before_shipping_and_not_in_the_future()
    {
        var order = SalesOrderTests.Approved((2, 1_000, 0));
        var note = DeliveryNote.Create("SJ/1", order, SalesOrderTests.Warehouse, null, new DateOnly(2026, 11, 20),
            new ShippingDetails("JNE", null, null, "R1"), null, [(order.Lines[0].Id, 2)], SalesOrderTests.Now, "wh");
        Should.Throw<DomainException>(() => note.MarkDelivered(new DateOnly(2026, 11, 21), new DateOnly(2026, 11, 21), "Ani", "wh")).Code.ShouldBe("Delivery.NotShipped");
        note.Ship(SalesOrderTests.Now, "wh");
        Should.Throw<DomainException>(() => note.MarkDelivered(new DateOnly(2026, 11, 19), new DateOnly(2026, 11, 21), "Ani", "wh")).Code.ShouldBe("Delivery.DeliveredBeforeShipped");
        Should.Throw<DomainException>(() => note.MarkDelivered(new DateOnly(2026, 11, 22), new DateOnly(2026, 11, 21), "Ani", "wh")).Code.ShouldBe("Delivery.DateInFuture");
        note.MarkDelivered(new DateOnly(2026, 11, 21), new DateOnly(2026, 11, 21), "Ani", "wh");
        (note.Status, note.ReceivedBy).ShouldBe((DeliveryNoteStatus.Delivered, "Ani"));
    }

    [Fact]
    public void A_draft_order_cannot_be_shipped()
    {
        var order = SalesOrderTests.Order((2, 1_000, 0));
        Should.Throw<DomainException>(() => DeliveryNote.Create("SJ/1", order, SalesOrderTests.Warehouse, null, new DateOnly(2026, 11, 20),
            new ShippingDetails("JNE", null, null, null), null, [(order.Lines[0].Id, 1)], SalesOrderTests.Now, "wh")).Code.ShouldBe("Order.NotApproved");
    }
}

public class InvoiceTests
{
    private static readonly DateOnly Issue = new(2026, 11, 20);

    internal static Invoice Invoice(decimal net, PpnKind kind = PpnKind.Standard, int terms = 30) =>
        Sidig.Domain.Invoicing.Invoice.Issue("INV/2026/11/00001", Guid.NewGuid(), null, new InvoiceParty("PT Maju", "0012345678901000", null, "Jakarta"),
            Issue, terms, PpnSettings.Default,
            [new InvoiceLineInput(Guid.NewGuid(), Guid.NewGuid(), null, Guid.NewGuid(), "A", "A", "PCS", 3, net / 3, net, kind)],
            "BCA 123", SalesOrderTests.Now, "finance");

    [Fact]
    public void The_due_date_follows_the_payment_terms() => Invoice(1_200_000, terms: 45).DueDate.ShouldBe(new DateOnly(2027, 1, 4));

    [Fact]
    public void Stamp_duty_is_flagged_only_above_five_million()
    {
        Invoice(4_504_504).StampDutyRequired.ShouldBeFalse(); // total 4.999.999
        Invoice(4_504_505).StampDutyRequired.ShouldBeTrue(); // total 5.000.001
    }

    [Fact]
    public void Partial_payments_then_the_rest_make_it_paid_and_overpaying_is_refused()
    {
        var invoice = Invoice(1_200_000); // total 1.332.000
        invoice.ApplyPayment(1_000_000);
        invoice.Status.ShouldBe(InvoiceStatus.PartiallyPaid);
        invoice.CheckPayment(332_001, 0).ShouldBe("Payment.Overpayment");
        invoice.ApplyPayment(332_000);
        (invoice.Status, invoice.Outstanding).ShouldBe((InvoiceStatus.Paid, 0m));
        invoice.CheckPayment(1, 0).ShouldBe("Payment.InvoiceAlreadyPaid");
    }

    [Fact]
    public void Pending_payments_of_the_partner_count_against_what_may_still_be_reported() =>
        Invoice(1_200_000).CheckPayment(400_000, 1_000_000).ShouldBe("Payment.Overpayment");

    [Fact]
    public void An_unpaid_invoice_past_its_due_date_shows_overdue()
    {
        var invoice = Invoice(1_200_000, terms: 30);
        invoice.DisplayStatus(invoice.DueDate).ShouldBe(InvoiceDisplayStatus.Unpaid);
        invoice.DisplayStatus(invoice.DueDate.AddDays(1)).ShouldBe(InvoiceDisplayStatus.Overdue);
    }

    [Theory]
    [InlineData("040.026-00.000000123", "04002600000000123")]
    [InlineData("04002600000000123", "04002600000000123")]
    public void Tax_invoice_numbers_keep_their_17_digits(string typed, string stored)
    {
        var invoice = Invoice(1_000);
        invoice.SetTaxInvoiceNumber(typed);
        invoice.TaxInvoiceNumber.ShouldBe(stored);
    }

    [Fact]
    public void A_tax_invoice_number_of_16_digits_is_refused() =>
        Should.Throw<DomainException>(() => Invoice(1_000).SetTaxInvoiceNumber("0400260000000012")).Code.ShouldBe("Invoice.TaxInvoiceNumberInvalid");

    [Fact]
    public void A_partners_payment_counts_only_when_finance_confirms_it()
    {
        var invoice = Invoice(1_200_000);
        var payment = Payment.Record(invoice, 500_000, PaymentMethod.BankTransfer, "TRF-1", Issue, Issue, confirmed: false, 0, SalesOrderTests.Now, "dist");
        invoice.PaidAmount.ShouldBe(0);
        payment.Confirm(invoice, SalesOrderTests.Now, "finance");
        (invoice.PaidAmount, payment.Status).ShouldBe((500_000m, PaymentStatus.Confirmed));
    }

    [Fact]
    public void A_proof_that_is_neither_an_image_nor_a_pdf_is_refused()
    {
        var payment = Payment.Record(Invoice(1_000), 100, PaymentMethod.Cash, null, Issue, Issue, false, 0, SalesOrderTests.Now, "dist");
        Should.Throw<DomainException>(() => payment.AttachProof("hello"u8.ToArray(), "x.pdf")).Code.ShouldBe("Payment.ProofType");
        payment.AttachProof("%PDF-1.7 ..."u8.ToArray(), "../../slip.pdf");
        (payment.ProofContentType, payment.ProofFileName).ShouldBe(("application/pdf", "slip.pdf"));
    }
}

public class CreditNoteTests
{
    [Fact]
    public void A_return_credits_its_share_with_ppn_and_never_more_than_was_billed()
    {
        var invoice = InvoiceTests.Invoice(1_200_000); // 3 pcs, total 1.332.000
        var line = invoice.Lines[0];
        var delivered = new Dictionary<Guid, decimal> { [line.OrderLineId] = 3 };
        var note = CreditNote.Create("CN/1", invoice, SalesOrderTests.Warehouse, invoice.IssueDate, "Rusak", [(line.Id, 1)], delivered, SalesOrderTests.Now, "wh");
        (note.Subtotal, note.Dpp, note.PpnAmount, note.Total).ShouldBe((400_000m, 366_667m, 44_000m, 444_000m));
        invoice.CreditedAmount.ShouldBe(444_000);
        Should.Throw<DomainException>(() => CreditNote.Create("CN/2", invoice, SalesOrderTests.Warehouse, invoice.IssueDate, "Rusak", [(line.Id, 3)], delivered, SalesOrderTests.Now, "wh"))
            .Code.ShouldBe("Return.QuantityAboveInvoiced");
    }

    [Fact]
    public void The_last_return_credits_exactly_what_is_left()
    {
        var invoice = InvoiceTests.Invoice(1_000_001);
        var line = invoice.Lines[0];
        var delivered = new Dictionary<Guid, decimal> { [line.OrderLineId] = 3 };
        var first = CreditNote.Create("CN/1", invoice, SalesOrderTests.Warehouse, invoice.IssueDate, "r", [(line.Id, 1)], delivered, SalesOrderTests.Now, "wh");
        var rest = CreditNote.Create("CN/2", invoice, SalesOrderTests.Warehouse, invoice.IssueDate, "r", [(line.Id, 2)], delivered, SalesOrderTests.Now, "wh");
        (first.Total + rest.Total).ShouldBe(invoice.Total);
        invoice.Status.ShouldBe(InvoiceStatus.Paid);
    }

    [Fact]
    public void Goods_not_yet_delivered_cannot_be_returned()
    {
        var invoice = InvoiceTests.Invoice(1_200_000);
        var line = invoice.Lines[0];
        Should.Throw<DomainException>(() => CreditNote.Create("CN/1", invoice, SalesOrderTests.Warehouse, invoice.IssueDate, "r", [(line.Id, 2)],
            new Dictionary<Guid, decimal> { [line.OrderLineId] = 1 }, SalesOrderTests.Now, "wh")).Code.ShouldBe("Return.QuantityAboveDelivered");
    }
}

public class CommissionCalculatorTests
{
    private static readonly Guid Agent = Guid.NewGuid(), Fan = Guid.NewGuid(), Fridge = Guid.NewGuid();

    private static PaidShare Share(Guid product, decimal paid) => new(Guid.NewGuid(), "INV/1", Guid.NewGuid(), new DateOnly(2026, 11, 3), product, paid);

    [Fact]
    public void A_product_rate_beats_the_tier_and_the_tier_beats_the_default()
    {
        var rules = new[] { CommissionRule.Create(Agent, Fridge, 0, 7), CommissionRule.Create(null, null, 0, 2), CommissionRule.Create(null, null, 10_000_000, 3) };
        var lines = CommissionCalculator.Compute(Agent, 1, rules, [Share(Fan, 8_000_000), Share(Fridge, 4_000_000)]);
        lines.Select(l => (l.RatePercent, l.Commission)).ShouldBe([(3m, 240_000m), (7m, 280_000m)]); // 12 M paid: tier 3 %
    }

    [Fact]
    public void Without_rules_the_agents_own_rate_applies() =>
        CommissionCalculator.Compute(Agent, 2.5m, [], [Share(Fan, 1_000_000)]).Single().Commission.ShouldBe(25_000);

    [Fact]
    public void Only_the_paid_part_of_an_invoice_earns_and_ppn_is_left_out()
    {
        // invoice of net 1.000.000 + PPN 110.000; half paid (555.000) → 500.000 of net paid
        var shares = CommissionCalculator.Shares(Guid.NewGuid(), "INV/1", 1_110_000, [(Fan, 1_000_000m)], Guid.NewGuid(), new DateOnly(2026, 11, 3), 555_000);
        shares.Single().PaidNet.ShouldBe(500_000);
    }
}
