using Sidig.Domain.Catalog;
using Sidig.Domain.Common;

namespace Sidig.Domain.Partners;

public enum PartnerType { Distributor = 0, Dealer = 1, Agent = 2, ServiceCentre = 3 }

/// <summary>What a partner is, as typed in a form or an import row; checked by <see cref="Partner.Check"/>.</summary>
public sealed record PartnerDetails(
    string Code, string LegalName, PartnerType Type, Guid? ParentId, PriceTier PriceTier,
    string? Npwp, string? Nitku, string? Address, string? ProvinceCode, string? RegencyCode, string? PostalCode,
    string? Phone, string? Email, string? BillingEmail, IReadOnlyList<string> Territory,
    int PaymentTermDays, decimal CreditLimit, decimal OverdueLimit, decimal? CommissionRatePercent, bool IsActive = true);

/// <summary>
/// A company in the principal's network: distributor, sub-distributor/dealer, agent or service centre. Partners
/// form a tree under the principal (<see cref="ParentId"/> null = directly under the principal) without cycles.
/// </summary>
public sealed class Partner : Entity, ITenantOwned, IAuditable
{
    public const int MaxPaymentTermDays = 365;
    private readonly List<PartnerContact> _contacts = [];

    private Partner() { Code = LegalName = Territory = ""; }

    public Guid TenantId { get; set; }
    public string Code { get; private set; }
    public string LegalName { get; private set; }
    public PartnerType Type { get; private set; }
    public Guid? ParentId { get; private set; }
    public PriceTier PriceTier { get; private set; }
    public string? Npwp { get; private set; }
    public string? Nitku { get; private set; }
    public string? Address { get; private set; }
    public string? ProvinceCode { get; private set; }
    public string? RegencyCode { get; private set; }
    public string? PostalCode { get; private set; }
    public string? Phone { get; private set; }
    public string? Email { get; private set; }
    /// <summary>Where invoices and payment reminders go; the general e-mail when empty.</summary>
    public string? BillingEmail { get; private set; }
    /// <summary>Province codes the partner serves, comma-separated (e.g. "31,32").</summary>
    public string Territory { get; private set; }
    public int PaymentTermDays { get; private set; }
    /// <summary>Most the partner may owe (open receivables + a new order); 0 = no credit (cash before delivery).</summary>
    public decimal CreditLimit { get; private set; }
    /// <summary>Most overdue receivables the partner may have before new orders need approval.</summary>
    public decimal OverdueLimit { get; private set; }
    /// <summary>Agents: percentage of paid invoice amounts earned as commission.</summary>
    public decimal? CommissionRatePercent { get; private set; }
    public bool IsActive { get; private set; } = true;
    public IReadOnlyList<PartnerContact> Contacts => _contacts;

    public IReadOnlyList<string> TerritoryCodes => Territory.Length == 0 ? [] : Territory.Split(',');

    public static PriceTier DefaultTier(PartnerType type) => type switch
    {
        PartnerType.Distributor => PriceTier.Distributor,
        PartnerType.Agent => PriceTier.Agent,
        PartnerType.Dealer => PriceTier.Dealer,
        _ => PriceTier.Retail,
    };

    /// <summary>Every problem of the details at once, each with its field (property names of <see cref="PartnerDetails"/>).</summary>
    public static IReadOnlyList<Error> Check(PartnerDetails d, IAreaCodes areas)
    {
        var errors = new List<Error>();
        void Add(string? code, string field) { if (code is not null) errors.Add(new Error(code, field)); }

        Add(Codes.Check(d.Code, "Partner.CodeRequired").Error, nameof(d.Code));
        if (string.IsNullOrWhiteSpace(d.LegalName)) Add("Partner.NameRequired", nameof(d.LegalName));
        else if (d.LegalName.Trim().Length > 200) Add("Validation.TooLong", nameof(d.LegalName));
        if (!Enum.IsDefined(d.Type)) Add("Partner.TypeInvalid", nameof(d.Type));
        if (!Enum.IsDefined(d.PriceTier)) Add("PriceList.TierInvalid", nameof(d.PriceTier));
        if (!string.IsNullOrWhiteSpace(d.Npwp))
        {
            var (npwp, error) = Common.Npwp.ParseNpwp(d.Npwp);
            Add(error, nameof(d.Npwp));
            if (npwp is not null) Add(Common.Npwp.ParseNitku(d.Nitku, npwp).Error, nameof(d.Nitku));
        }
        else if (!string.IsNullOrWhiteSpace(d.Nitku)) Add("Nitku.NeedsNpwp", nameof(d.Nitku));
        Add(ContactRules.Address(d.Address).Error, nameof(d.Address));
        var area = ContactRules.Area(d.ProvinceCode, d.RegencyCode, areas);
        if (area.Error is not null) errors.Add(new Error(area.Error, area.Field));
        Add(ContactRules.PostalCode(d.PostalCode).Error, nameof(d.PostalCode));
        Add(ContactRules.Phone(d.Phone).Error, nameof(d.Phone));
        Add(ContactRules.Email(d.Email).Error, nameof(d.Email));
        Add(ContactRules.Email(d.BillingEmail).Error, nameof(d.BillingEmail));
        if (d.Territory.Any(p => !areas.IsProvince(p))) Add("Partner.TerritoryInvalid", nameof(d.Territory));
        if (d.PaymentTermDays is < 0 or > MaxPaymentTermDays) Add("Partner.PaymentTermsInvalid", nameof(d.PaymentTermDays));
        if (d.CreditLimit < 0) Add("Partner.CreditLimitInvalid", nameof(d.CreditLimit));
        if (d.OverdueLimit < 0) Add("Partner.OverdueLimitInvalid", nameof(d.OverdueLimit));
        if (d.CommissionRatePercent is < 0 or > 100) Add("Partner.CommissionInvalid", nameof(d.CommissionRatePercent));
        if (d.CommissionRatePercent is not null && d.Type != PartnerType.Agent) Add("Partner.CommissionAgentsOnly", nameof(d.CommissionRatePercent));
        return errors;
    }

    public static Partner Create(PartnerDetails d, IAreaCodes areas, IEnumerable<Guid> ancestorsOfParent)
    {
        var p = new Partner();
        p.Update(d, areas, ancestorsOfParent);
        return p;
    }

    /// <summary>
    /// Applies an edit, all or nothing. <paramref name="ancestorsOfParent"/> are the ids above the new parent, so a
    /// partner can never be placed under itself or under one of its own descendants.
    /// </summary>
    public void Update(PartnerDetails d, IAreaCodes areas, IEnumerable<Guid> ancestorsOfParent)
    {
        var errors = Check(d, areas);
        if (errors.Count > 0) throw new DomainException(errors[0].Code);
        if (d.ParentId == Id || (d.ParentId is not null && ancestorsOfParent.Contains(Id))) throw new DomainException("Partner.Cycle");

        Code = Codes.Required(d.Code, "Partner.CodeRequired");
        LegalName = d.LegalName.Trim();
        Type = d.Type;
        ParentId = d.ParentId;
        PriceTier = d.PriceTier;
        if (string.IsNullOrWhiteSpace(d.Npwp)) Npwp = Nitku = null;
        else
        {
            Npwp = Common.Npwp.ParseNpwp(d.Npwp).Value;
            Nitku = Common.Npwp.ParseNitku(d.Nitku, Npwp!).Value;
        }
        Address = ContactRules.Address(d.Address).Value;
        var area = ContactRules.Area(d.ProvinceCode, d.RegencyCode, areas);
        ProvinceCode = area.Province;
        RegencyCode = area.Regency;
        PostalCode = ContactRules.PostalCode(d.PostalCode).Value;
        Phone = ContactRules.Phone(d.Phone).Value;
        Email = ContactRules.Email(d.Email).Value;
        BillingEmail = ContactRules.Email(d.BillingEmail).Value;
        Territory = string.Join(',', d.Territory.Select(t => t.Trim()).Distinct().Order());
        PaymentTermDays = d.PaymentTermDays;
        CreditLimit = d.CreditLimit;
        OverdueLimit = d.OverdueLimit;
        CommissionRatePercent = d.CommissionRatePercent;
        IsActive = d.IsActive;
    }

    public PartnerContact AddContact(string name, string? position, string? phone, string? email)
    {
        if (_contacts.Count >= 20) throw new DomainException("Partner.TooManyContacts");
        var contact = new PartnerContact(Id);
        contact.Update(name, position, phone, email);
        _contacts.Add(contact);
        return contact;
    }

    public void RemoveContact(Guid contactId) => _contacts.RemoveAll(c => c.Id == contactId);
}

public sealed class PartnerContact : Entity, ITenantOwned, IAuditable
{
    private PartnerContact() { Name = ""; }
    internal PartnerContact(Guid partnerId) { PartnerId = partnerId; Name = ""; }

    public Guid TenantId { get; set; }
    public Guid PartnerId { get; private set; }
    public string Name { get; private set; }
    public string? Position { get; private set; }
    public string? Phone { get; private set; }
    public string? Email { get; private set; }

    public void Update(string name, string? position, string? phone, string? email)
    {
        var ph = ContactRules.Phone(phone);
        var em = ContactRules.Email(email);
        if ((ph.Error ?? em.Error) is { } error) throw new DomainException(error);
        Name = Guard.Required(name, "Contact.NameRequired", 100);
        Position = Guard.Optional(position, 100);
        Phone = ph.Value;
        Email = em.Value;
    }
}

/// <summary>The partner tree's rules that need more than one partner.</summary>
public static class PartnerTree
{
    /// <summary>Ids of <paramref name="partnerId"/>'s ancestors, nearest first, from a child → parent map.</summary>
    public static IReadOnlyList<Guid> Ancestors(Guid partnerId, IReadOnlyDictionary<Guid, Guid?> parentOf)
    {
        var result = new List<Guid>();
        var seen = new HashSet<Guid> { partnerId };
        var current = parentOf.GetValueOrDefault(partnerId);
        while (current is { } id && seen.Add(id))
        {
            result.Add(id);
            current = parentOf.GetValueOrDefault(id);
        }
        return result;
    }

    /// <summary>Ids of every partner below <paramref name="partnerId"/> (children, their children, …).</summary>
    public static IReadOnlyList<Guid> Descendants(Guid partnerId, IReadOnlyDictionary<Guid, Guid?> parentOf)
    {
        var children = parentOf.Where(kv => kv.Value is not null).ToLookup(kv => kv.Value!.Value, kv => kv.Key);
        var result = new List<Guid>();
        var queue = new Queue<Guid>([partnerId]);
        var seen = new HashSet<Guid> { partnerId };
        while (queue.TryDequeue(out var id))
            foreach (var child in children[id])
                if (seen.Add(child)) { result.Add(child); queue.Enqueue(child); }
        return result;
    }
}
