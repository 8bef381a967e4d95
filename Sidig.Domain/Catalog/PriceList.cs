using Sidig.Domain.Common;

namespace Sidig.Domain.Catalog;

/// <summary>The price tier of a partner: which general price list applies to it.</summary>
public enum PriceTier { Distributor = 0, Dealer = 1, Agent = 2, Retail = 3 }

/// <summary>
/// Prices for one tier (or for one partner, which then wins over its tier's list) valid from one date to another.
/// A product may have several lines with different minimum quantities: the volume breaks.
/// </summary>
public sealed class PriceList : Entity, ITenantOwned, IAuditable
{
    private readonly List<PriceListLine> _lines = [];

    private PriceList() { Name = ""; }

    public Guid TenantId { get; set; }
    public string Name { get; private set; }
    public PriceTier Tier { get; private set; }
    /// <summary>Set for a partner's own list; null for a tier's general list.</summary>
    public Guid? PartnerId { get; private set; }
    public DateOnly ValidFrom { get; private set; }
    /// <summary>Last valid day; null = open-ended.</summary>
    public DateOnly? ValidTo { get; private set; }
    public bool IsActive { get; private set; } = true;
    public IReadOnlyList<PriceListLine> Lines => _lines;

    public static PriceList Create(string name, PriceTier tier, Guid? partnerId, DateOnly validFrom, DateOnly? validTo)
    {
        var list = new PriceList();
        list.Update(name, tier, partnerId, validFrom, validTo, true);
        return list;
    }

    public void Update(string name, PriceTier tier, Guid? partnerId, DateOnly validFrom, DateOnly? validTo, bool isActive)
    {
        if (!Enum.IsDefined(tier)) throw new DomainException("PriceList.TierInvalid");
        if (validTo is { } to && to < validFrom) throw new DomainException("PriceList.DatesInvalid");
        Name = Guard.Required(name, "PriceList.NameRequired", 100);
        Tier = tier;
        PartnerId = partnerId;
        ValidFrom = validFrom;
        ValidTo = validTo;
        IsActive = isActive;
    }

    public bool IsValidOn(DateOnly date) => IsActive && date >= ValidFrom && (ValidTo is null || date <= ValidTo);

    /// <summary>Sets the price of a product from a minimum quantity on (1 = the base price).</summary>
    public PriceListLine SetPrice(Guid productId, decimal minQuantity, decimal unitPrice)
    {
        if (minQuantity < 1) throw new DomainException("PriceList.MinQuantityInvalid");
        if (unitPrice < 0) throw new DomainException("PriceList.PriceInvalid");
        var line = _lines.FirstOrDefault(l => l.ProductId == productId && l.MinQuantity == minQuantity);
        if (line is null)
        {
            line = new PriceListLine(Id, productId, minQuantity, unitPrice);
            _lines.Add(line);
        }
        else line.UnitPrice = unitPrice;
        return line;
    }

    public void RemovePrice(Guid productId, decimal minQuantity) =>
        _lines.RemoveAll(l => l.ProductId == productId && l.MinQuantity == minQuantity);
}

public sealed class PriceListLine : Entity, ITenantOwned
{
    private PriceListLine() { }

    internal PriceListLine(Guid priceListId, Guid productId, decimal minQuantity, decimal unitPrice)
    {
        PriceListId = priceListId;
        ProductId = productId;
        MinQuantity = minQuantity;
        UnitPrice = unitPrice;
    }

    public Guid TenantId { get; set; }
    public Guid PriceListId { get; private set; }
    public Guid ProductId { get; private set; }
    public decimal MinQuantity { get; private set; }
    /// <summary>IDR per unit of the product, before PPN.</summary>
    public decimal UnitPrice { get; internal set; }
}

/// <summary>A price list as the lookup sees it: the list's validity and its lines for one product.</summary>
public sealed record PriceCandidate(Guid PriceListId, string PriceListName, Guid? PartnerId, PriceTier Tier,
    DateOnly ValidFrom, DateOnly? ValidTo, decimal MinQuantity, decimal UnitPrice);

public sealed record PriceQuote(Guid PriceListId, string PriceListName, decimal UnitPrice, decimal MinQuantity, bool IsPartnerList);

/// <summary>
/// "The price of product P for partner X on date D at quantity Q": the partner's own valid list wins over its tier's
/// list; within the winning list the line with the largest minimum quantity not above Q (the volume break). When
/// two lists of the same kind are valid, the one that started last wins (a newer list replaces an older one).
/// </summary>
public static class PriceLookup
{
    public static PriceQuote? Find(IEnumerable<PriceCandidate> candidates, Guid partnerId, PriceTier tier, DateOnly date, decimal quantity)
    {
        if (quantity <= 0) return null;
        var valid = candidates.Where(c => date >= c.ValidFrom && (c.ValidTo is null || date <= c.ValidTo)).ToList();
        foreach (var own in new[] { true, false })
        {
            var lists = valid.Where(c => own ? c.PartnerId == partnerId : c.PartnerId is null && c.Tier == tier)
                .GroupBy(c => c.PriceListId)
                .OrderByDescending(g => g.First().ValidFrom).ThenByDescending(g => g.Key);
            foreach (var list in lists)
            {
                var line = list.Where(c => c.MinQuantity <= quantity).MaxBy(c => c.MinQuantity);
                if (line is not null) return new PriceQuote(line.PriceListId, line.PriceListName, line.UnitPrice, line.MinQuantity, own);
            }
        }
        return null;
    }
}
