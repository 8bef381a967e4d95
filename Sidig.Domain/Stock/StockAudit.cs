using Sidig.Domain.Common;

namespace Sidig.Domain.Stock;

public enum StockAuditStatus { Counting = 0, Submitted = 1, Posted = 2, Cancelled = 3 }

/// <summary>
/// A stock count (stock opname) of one warehouse. Opening it snapshots the expected on-hand of every product there;
/// while it is open (counting or submitted) the warehouse is frozen: the ledger refuses its movements, so the
/// snapshot stays true and the variances are exact (ADR 0004). Approving posts one audit correction per variance,
/// in the same transaction as the status change, so a session is posted once or not at all.
/// </summary>
public sealed class StockAudit : Entity, ITenantOwned, IAuditable
{
    private readonly List<StockAuditLine> _lines = [];

    private StockAudit() { Number = ""; }

    public Guid TenantId { get; set; }
    public string Number { get; private set; }
    public Guid WarehouseId { get; private set; }
    public StockAuditStatus Status { get; private set; }
    /// <summary>Counters don't see the expected quantities.</summary>
    public bool Blind { get; private set; }
    public string? Notes { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public string? OpenedBy { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public string? SubmittedBy { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    /// <summary>Who approved and posted, or cancelled.</summary>
    public string? ClosedBy { get; private set; }
    public IReadOnlyList<StockAuditLine> Lines => _lines;

    public bool IsOpen => Status is StockAuditStatus.Counting or StockAuditStatus.Submitted;

    /// <param name="expected">on-hand per product in the warehouse at opening</param>
    public static StockAudit Open(string number, Guid warehouseId, bool blind, string? notes,
        IReadOnlyDictionary<Guid, decimal> expected, DateTimeOffset now, string? by)
    {
        var audit = new StockAudit
        {
            Number = Guard.Required(number, "Audit.NumberRequired", 40),
            WarehouseId = warehouseId, Blind = blind, Notes = Guard.Optional(notes, 500),
            Status = StockAuditStatus.Counting, OpenedAt = now, OpenedBy = by,
        };
        foreach (var (product, quantity) in expected) audit._lines.Add(new StockAuditLine(audit.Id, product, quantity));
        return audit;
    }

    /// <summary>Records the counted quantity of a product; a product not in the snapshot is added with 0 expected.</summary>
    public void Count(Guid productId, decimal counted)
    {
        if (Status != StockAuditStatus.Counting) throw new DomainException("Audit.NotCounting");
        if (counted < 0) throw new DomainException("Audit.CountNegative");
        if (decimal.Round(counted, 3) != counted) throw new DomainException("Stock.QuantityPrecision");
        var line = _lines.FirstOrDefault(l => l.ProductId == productId);
        if (line is null)
        {
            line = new StockAuditLine(Id, productId, 0);
            _lines.Add(line);
        }
        line.Counted = counted;
    }

    /// <summary>Ends counting. Lines nobody counted are refused unless <paramref name="uncountedAsZero"/> says they are empty.</summary>
    public void Submit(bool uncountedAsZero, DateTimeOffset now, string? by)
    {
        if (Status != StockAuditStatus.Counting) throw new DomainException("Audit.NotCounting");
        if (_lines.Count == 0) throw new DomainException("Audit.NothingCounted");
        var uncounted = _lines.Where(l => l.Counted is null).ToList();
        if (uncounted.Count > 0 && !uncountedAsZero) throw new DomainException("Audit.Uncounted");
        foreach (var line in uncounted) line.Counted = 0;
        Status = StockAuditStatus.Submitted;
        SubmittedAt = now;
        SubmittedBy = by;
    }

    /// <summary>Back to counting (e.g. the approver wants a recount).</summary>
    public void Reopen()
    {
        if (Status != StockAuditStatus.Submitted) throw new DomainException("Audit.NotSubmitted");
        Status = StockAuditStatus.Counting;
        SubmittedAt = null;
        SubmittedBy = null;
    }

    /// <summary>Approves: the caller posts <see cref="Corrections"/> to the ledger in the same transaction.</summary>
    public IReadOnlyList<(Guid ProductId, decimal Variance)> Approve(DateTimeOffset now, string? by)
    {
        if (Status == StockAuditStatus.Posted) throw new DomainException("Audit.AlreadyPosted");
        if (Status != StockAuditStatus.Submitted) throw new DomainException("Audit.NotSubmitted");
        Status = StockAuditStatus.Posted;
        ClosedAt = now;
        ClosedBy = by;
        return Corrections;
    }

    public void Cancel(DateTimeOffset now, string? by)
    {
        if (!IsOpen) throw new DomainException("Audit.Closed");
        Status = StockAuditStatus.Cancelled;
        ClosedAt = now;
        ClosedBy = by;
    }

    public IReadOnlyList<(Guid ProductId, decimal Variance)> Corrections =>
        _lines.Where(l => l.Variance is not (null or 0)).Select(l => (l.ProductId, l.Variance!.Value)).ToList();
}

public sealed class StockAuditLine : Entity, ITenantOwned
{
    private StockAuditLine() { }

    internal StockAuditLine(Guid auditId, Guid productId, decimal expected)
    {
        StockAuditId = auditId;
        ProductId = productId;
        Expected = expected;
    }

    public Guid TenantId { get; set; }
    public Guid StockAuditId { get; private set; }
    public Guid ProductId { get; private set; }
    public decimal Expected { get; private set; }
    public decimal? Counted { get; internal set; }

    public decimal? Variance => Counted - Expected;
}
