using Sidig.Domain.Common;
using Sidig.Domain.Stock;

namespace Sidig.Tests.Domain;

public sealed class StockAuditRulesTests
{
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), C = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 3, 0, 0, TimeSpan.Zero);

    private static StockAudit Open() =>
        StockAudit.Open("SOP/2026/000001", Guid.NewGuid(), blind: false, null, new Dictionary<Guid, decimal> { [A] = 10, [B] = 4 }, Now, "admin");

    [Fact]
    public void Opening_snapshots_the_expected_quantities()
    {
        var audit = Open();
        audit.Status.ShouldBe(StockAuditStatus.Counting);
        audit.Lines.Select(l => (l.ProductId, l.Expected, l.Counted)).ShouldBe([(A, 10m, (decimal?)null), (B, 4m, null)], ignoreOrder: true);
    }

    [Fact]
    public void Counting_a_product_not_in_the_snapshot_adds_it_with_zero_expected()
    {
        var audit = Open();
        audit.Count(C, 2);
        audit.Lines.Single(l => l.ProductId == C).Expected.ShouldBe(0);
        audit.Lines.Single(l => l.ProductId == C).Counted.ShouldBe(2);
    }

    [Fact]
    public void Counts_are_refused_once_submitted_and_negative_counts_always()
    {
        var audit = Open();
        Should.Throw<DomainException>(() => audit.Count(A, -1)).Code.ShouldBe("Audit.CountNegative");
        audit.Count(A, 10);
        audit.Count(B, 4);
        audit.Submit(false, Now, "admin");
        Should.Throw<DomainException>(() => audit.Count(A, 9)).Code.ShouldBe("Audit.NotCounting");
    }

    [Fact]
    public void Submitting_needs_every_line_counted_unless_uncounted_are_zero()
    {
        var audit = Open();
        audit.Count(A, 8);
        Should.Throw<DomainException>(() => audit.Submit(false, Now, "admin")).Code.ShouldBe("Audit.Uncounted");
        audit.Status.ShouldBe(StockAuditStatus.Counting);

        audit.Submit(uncountedAsZero: true, Now, "admin");
        audit.Status.ShouldBe(StockAuditStatus.Submitted);
        audit.Lines.Single(l => l.ProductId == B).Counted.ShouldBe(0);
    }

    [Fact]
    public void Corrections_are_the_variances_and_only_those()
    {
        var audit = Open();
        audit.Count(A, 7);  // −3
        audit.Count(B, 4);  // 0: no correction
        audit.Count(C, 1.5m); // +1.5, not in the snapshot
        audit.Submit(false, Now, "admin");
        audit.Approve(Now, "admin").ShouldBe([(A, -3m), (C, 1.5m)], ignoreOrder: true);
        audit.Status.ShouldBe(StockAuditStatus.Posted);
    }

    [Fact]
    public void A_session_is_approved_only_once_and_only_after_submitting()
    {
        var audit = Open();
        audit.Count(A, 10);
        audit.Count(B, 4);
        Should.Throw<DomainException>(() => audit.Approve(Now, "admin")).Code.ShouldBe("Audit.NotSubmitted");
        audit.Submit(false, Now, "admin");
        audit.Approve(Now, "admin");
        Should.Throw<DomainException>(() => audit.Approve(Now, "admin")).Code.ShouldBe("Audit.AlreadyPosted");
    }

    [Fact]
    public void Reopening_goes_back_to_counting_and_keeps_the_counts()
    {
        var audit = Open();
        audit.Count(A, 9);
        audit.Submit(true, Now, "admin");
        audit.Reopen();
        audit.Status.ShouldBe(StockAuditStatus.Counting);
        audit.Lines.Single(l => l.ProductId == A).Counted.ShouldBe(9);
        audit.Count(A, 10);
    }

    [Fact]
    public void Cancelling_closes_an_open_session_and_a_closed_one_cannot_be_cancelled()
    {
        var audit = Open();
        audit.Cancel(Now, "admin");
        audit.Status.ShouldBe(StockAuditStatus.Cancelled);
        audit.IsOpen.ShouldBeFalse();
        Should.Throw<DomainException>(() => audit.Cancel(Now, "admin")).Code.ShouldBe("Audit.Closed");
        Should.Throw<DomainException>(() => audit.Submit(true, Now, "admin")).Code.ShouldBe("Audit.NotCounting");
    }
}

public sealed class SellOutRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static SellOut Record(DateOnly soldOn, params (Guid, decimal, decimal?)[] lines) =>
        SellOut.Record("SLO/2026/000001", Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), soldOn, Today, "NOTA-1", SellOutSource.Manual,
            lines, DateTimeOffset.UtcNow, "distributor");

    [Fact]
    public void A_sale_today_with_lines_is_recorded()
    {
        var sale = Record(Today, (Guid.NewGuid(), 2, 1_500_000m));
        sale.Lines.Single().Quantity.ShouldBe(2);
        sale.SoldOn.ShouldBe(Today);
    }

    [Fact]
    public void A_sale_in_the_future_is_refused() =>
        Should.Throw<DomainException>(() => Record(Today.AddDays(1), (Guid.NewGuid(), 1, null))).Code.ShouldBe("SellOut.DateInFuture");

    [Fact]
    public void A_sale_without_lines_is_refused() =>
        Should.Throw<DomainException>(() => Record(Today)).Code.ShouldBe("SellOut.NoLines");

    [Theory]
    [InlineData(0.0, null, "SellOut.QuantityInvalid")]
    [InlineData(-1.0, null, "SellOut.QuantityInvalid")]
    [InlineData(1.0001, null, "Stock.QuantityPrecision")]
    [InlineData(1.0, -5.0, "SellOut.PriceInvalid")]
    public void A_bad_line_is_refused(double quantity, double? price, string code) =>
        Should.Throw<DomainException>(() => Record(Today, (Guid.NewGuid(), (decimal)quantity, (decimal?)price))).Code.ShouldBe(code);
}

public sealed class AllocationRulesTests
{
    private static Allocation Make(decimal quantity = 100) =>
        Allocation.Create(Guid.NewGuid(), Guid.NewGuid(), new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31), quantity);

    [Theory]
    [InlineData("2026-03-31", "2026-04-30", true)]  // touches the last day
    [InlineData("2025-12-01", "2026-01-01", true)]  // touches the first day
    [InlineData("2026-02-01", "2026-02-10", true)]  // inside
    [InlineData("2025-01-01", "2027-01-01", true)]  // around
    [InlineData("2026-04-01", "2026-06-30", false)] // the next quarter
    [InlineData("2025-10-01", "2025-12-31", false)] // the previous quarter
    public void Periods_overlap_when_they_share_a_day(string start, string end, bool overlaps) =>
        Make().Overlaps(DateOnly.Parse(start), DateOnly.Parse(end)).ShouldBe(overlaps);

    [Fact]
    public void Consuming_and_releasing_moves_used_and_remaining()
    {
        var a = Make(100);
        a.Consume(30);
        a.Remaining.ShouldBe(70);
        a.Release(10);
        a.Used.ShouldBe(20);
        Should.Throw<DomainException>(() => a.Release(21)).Code.ShouldBe("Allocation.QuantityInvalid");
    }

    [Fact]
    public void Going_over_the_quota_needs_approval()
    {
        var a = Make(10);
        Should.Throw<DomainException>(() => a.Consume(11)).Code.ShouldBe("Allocation.Exceeded");
        a.Consume(11, approved: true);
        a.Remaining.ShouldBe(-1);
    }

    [Fact]
    public void The_quota_cannot_go_below_what_is_used()
    {
        var a = Make(10);
        a.Consume(6);
        Should.Throw<DomainException>(() => a.Change(a.PeriodStart, a.PeriodEnd, 5)).Code.ShouldBe("Allocation.BelowUsed");
        a.Change(a.PeriodStart, a.PeriodEnd, 6);
        a.Quantity.ShouldBe(6);
    }

    [Fact]
    public void An_end_before_the_start_is_refused() =>
        Should.Throw<DomainException>(() => Allocation.Create(Guid.NewGuid(), Guid.NewGuid(), new DateOnly(2026, 2, 1), new DateOnly(2026, 1, 31), 5))
            .Code.ShouldBe("Allocation.PeriodInvalid");
}

public sealed class CustomerPhoneKeyTests
{
    [Theory]
    [InlineData("0812-3456-789", "628123456789")]
    [InlineData("+62 812 3456 789", "628123456789")]
    [InlineData("628123456789", "628123456789")]
    [InlineData("(021) 5150 8888", "622151508888")]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Every_way_of_writing_a_number_gives_one_key(string? phone, string? key) =>
        Customer.PhoneKeyOf(phone).ShouldBe(key);
}
