namespace Sidig.Domain.Access;

public static class Roles
{
    public const string PlatformOperator = nameof(PlatformOperator);
    public const string PrincipalAdmin = nameof(PrincipalAdmin);
    public const string Sales = nameof(Sales);
    public const string Finance = nameof(Finance);
    public const string Warehouse = nameof(Warehouse);
    public const string CustomerService = nameof(CustomerService);
    public const string Technician = nameof(Technician);
    public const string DistributorUser = nameof(DistributorUser);
    public const string AgentUser = nameof(AgentUser);
    /// <summary>Held only by an API key's principal (never by a user: not in <see cref="All"/> nor <see cref="Tenant"/>).</summary>
    public const string ApiClient = nameof(ApiClient);

    public static readonly IReadOnlyList<string> All =
        [PlatformOperator, PrincipalAdmin, Sales, Finance, Warehouse, CustomerService, Technician, DistributorUser, AgentUser];

    /// <summary>Roles a principal admin may give to users of the tenant.</summary>
    public static readonly IReadOnlyList<string> Tenant =
        [PrincipalAdmin, Sales, Finance, Warehouse, CustomerService, Technician, DistributorUser, AgentUser];

    /// <summary>Roles bound to one partner company (the partner comes with the partner network module).</summary>
    public static readonly IReadOnlyList<string> Partner = [DistributorUser, AgentUser];

    public static bool IsPartnerRole(string role) => Partner.Contains(role);
}

/// <summary>Authorization policy names; each page, endpoint and command names one.</summary>
public static class Policies
{
    public const string Platform = "platform";
    public const string TenantUser = "tenant-user";
    public const string ManageUsers = "manage-users";
    public const string ManageCompany = "manage-company";
    public const string ViewAudit = "view-audit";
    public const string PrincipalStaff = "principal-staff";
    public const string PartnerPortal = "partner-portal";
    /// <summary>Read the catalog (products, categories, warranty policies, price lists): staff and partner users.</summary>
    public const string ViewCatalog = "view-catalog";
    public const string ManageCatalog = "manage-catalog";
    public const string ViewPartners = "view-partners";
    public const string ManagePartners = "manage-partners";
    /// <summary>See stock and movements; partner users only their own partner's (PartnerScope).</summary>
    public const string ViewStock = "view-stock";
    public const string ManageWarehouses = "manage-warehouses";
    /// <summary>Transfers between warehouses and receipts into the principal's warehouses.</summary>
    public const string MoveStock = "move-stock";
    /// <summary>Adjustments change stock without a document, so they need a reason and this permission.</summary>
    public const string AdjustStock = "adjust-stock";
    /// <summary>Open count sessions and count; partner users in their own warehouses.</summary>
    public const string CountStock = "count-stock";
    public const string ApproveStockAudit = "approve-stock-audit";
    public const string RecordSellOut = "record-sell-out";
    public const string ManageAllocations = "manage-allocations";
    /// <summary>Tenant-wide stock rules (negative stock, partner visibility of sub-partners).</summary>
    public const string ManageStockSettings = "manage-stock-settings";
    /// <summary>Open the import page; each importer still checks its own policy.</summary>
    public const string ImportData = "import-data";
    /// <summary>See quotations and orders: staff all, partner users their own partner's (agents: the orders they sold).</summary>
    public const string ViewOrders = "view-orders";
    /// <summary>Create, edit, submit and cancel quotations and orders; partner users for their own partner / customers.</summary>
    public const string PlaceOrders = "place-orders";
    /// <summary>Decide orders that failed a check (credit, overdue, allocation, discount).</summary>
    public const string ApproveOrders = "approve-orders";
    /// <summary>Delivery notes: create, ship (moves stock), record delivery.</summary>
    public const string ShipOrders = "ship-orders";
    /// <summary>See invoices, credit notes, statements; partner users their own.</summary>
    public const string ViewInvoices = "view-invoices";
    /// <summary>Issue invoices, record and confirm payments, issue credit notes.</summary>
    public const string ManageInvoices = "manage-invoices";
    /// <summary>A partner reports a payment with its proof (finance confirms it).</summary>
    public const string ReportPayments = "report-payments";
    /// <summary>Commission rules and every agent's statement; agents see their own statement with ViewOwnCommission.</summary>
    public const string ManageCommissions = "manage-commissions";
    public const string ViewOwnCommission = "view-own-commission";
    /// <summary>Order-to-cash settings: discount approval, invoice numbering and basis, reminders.</summary>
    public const string ManageSalesSettings = "manage-sales-settings";
    /// <summary>The outbox page: every message the tenant sent or will send.</summary>
    public const string ViewOutbox = "view-outbox";
    public const string ManageApiKeys = "manage-api-keys";

    /// <summary>Look up serialised units and their history.</summary>
    public const string ViewUnits = "view-units";
    /// <summary>Create unit batches and print their labels.</summary>
    public const string ManageUnits = "manage-units";
    /// <summary>Check warranty registrations: approve or reject the ones waiting, see flagged ones.</summary>
    public const string ReviewWarranty = "review-warranty";
    /// <summary>Work service tickets: customer service all, technicians their own, partner users (service centres) their partner's.</summary>
    public const string WorkTickets = "work-tickets";
    /// <summary>Assign tickets, set priorities, decide warranty claims, open tickets for anyone.</summary>
    public const string ManageTickets = "manage-tickets";
    /// <summary>Business hours, holidays and SLA policies.</summary>
    public const string ManageServiceSettings = "manage-service-settings";
    /// <summary>Tenant-wide warranty settings (expiry reminders).</summary>
    public const string ManageWarrantySettings = "manage-warranty-settings";
}

public static class SidigClaims
{
    public const string TenantId = "sidig:tenant";
    public const string PartnerId = "sidig:partner";
    public const string Language = "sidig:lang";
}
