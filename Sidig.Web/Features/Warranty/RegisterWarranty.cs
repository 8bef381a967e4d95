using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Common;
using Sidig.Domain.Stock;
using Sidig.Domain.Units;
using Sidig.Domain.Warranty;
using Sidig.Infrastructure.Documents;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Reference;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Features.Lookups;

namespace Sidig.Web.Features.Warranty;

/// <summary>A buyer registers the warranty of the unit behind <paramref name="Code"/> (the scan page's form: anyone, no sign-in).</summary>
/// <param name="SubmissionKey">The form's one-time key: the same key twice is the same registration.</param>
/// <param name="Receipt">The uploaded receipt photo's bytes; null when none was sent.</param>
public sealed record RegisterWarranty(string? Code, RegistrationInput Input, byte[]? Receipt, Guid SubmissionKey,
    RegistrationSource Source = RegistrationSource.Customer);

/// <summary>What the buyer sees after submitting: registered (with the card's link token) or waiting for review.</summary>
public sealed record RegistrationOutcome(Guid Id, RegistrationStatus Status, string Token);

public sealed class RegisterWarrantyHandler(IDbContextFactory<SidigDbContext> factory, TimeProvider clock, TenantContext tenant, IndonesianAreas areas)
{
    public async Task<Result<RegistrationOutcome>> HandleAsync(RegisterWarranty command, CancellationToken ct = default)
    {
        var code = command.Code?.Trim().ToLowerInvariant();
        if (tenant.Tenant.IsPlatform || !PublicCode.IsWellFormed(code)) return Result<RegistrationOutcome>.Fail("Registration.UnitUnknown");
        if (command.SubmissionKey == Guid.Empty) return Result<RegistrationOutcome>.Fail("Registration.FormExpired");
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await FindAsync(db, command.SubmissionKey, ct) is { } earlier) return Result<RegistrationOutcome>.Ok(earlier);

        var found = await (from u in db.Units.Where(u => u.PublicCode == code)
                           join b in db.UnitBatches on u.BatchId equals b.Id
                           join p in db.Products on u.ProductId equals p.Id
                           join w in db.WarrantyPolicies on p.WarrantyPolicyId equals w.Id into ws
                           from w in ws.DefaultIfEmpty()
                           select new { Unit = u, Policy = w, b.ProducedOn }).FirstOrDefaultAsync(ct);
        if (found is null) return Result<RegistrationOutcome>.Fail("Registration.UnitUnknown");
        var (unit, policy) = (found.Unit, found.Policy);
        var input = command.Input;
        input = input with { SellerPartnerId = await SellerAsync(db, input, ct) };
        var receipt = command.Receipt is { } bytes ? ImageProbe.Photo(bytes) : null;
        var today = TenantDates.Today(clock, tenant.Tenant.TimeZoneId);
        if (WarrantyRegistration.Check(input, receipt, policy, found.ProducedOn, today, areas) is { Count: > 0 } errors)
            return Result<RegistrationOutcome>.Fail(errors);

        var flags = await FlagsAsync(db, unit, input.ProvinceCode!.Trim(), ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Guid? customerId = null;
        if (!WarrantyRegistration.NeedsReview(policy, flags))
            customerId = (await CustomerFor(db, input, ct)).Id;
        var (registration, registered) = WarrantyRegistration.Submit(unit, found.ProducedOn, input, receipt, policy, flags, command.SubmissionKey, command.Source,
            customerId, today, clock.GetUtcNow(), areas);
        db.WarrantyRegistrations.Add(registration);
        if (registered is not null) db.UnitEvents.Add(registered);
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // A double click: the other request saved this form first. Show what it saved.
            await tx.RollbackAsync(ct);
            await using var again = await factory.CreateDbContextAsync(ct);
            if (await FindAsync(again, command.SubmissionKey, ct) is { } first) return Result<RegistrationOutcome>.Ok(first);
            throw;
        }
        return Result<RegistrationOutcome>.Ok(new RegistrationOutcome(registration.Id, registration.Status, registration.Token));
    }

    /// <summary>The seller as a partner: the one chosen, or the one whose name was typed exactly; null for a shop outside the network.</summary>
    private static async Task<Guid?> SellerAsync(SidigDbContext db, RegistrationInput input, CancellationToken ct)
    {
        if (input.SellerPartnerId is { } id) return await db.Partners.Where(p => p.Id == id && p.IsActive).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        var name = input.SellerName?.Trim().ToUpper();
        if (string.IsNullOrEmpty(name)) return null;
        return await db.Partners.Where(p => p.IsActive && p.Type != Domain.Partners.PartnerType.ServiceCentre && p.LegalName.ToUpper() == name)
            .OrderBy(p => p.Code).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
    }

    private static Task<RegistrationOutcome?> FindAsync(SidigDbContext db, Guid key, CancellationToken ct) =>
        db.WarrantyRegistrations.AsNoTracking().Where(r => r.SubmissionKey == key)
            .Select(r => new RegistrationOutcome(r.Id, r.Status, r.Token)).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Registered before (and not rejected): a duplicate. Bought far from where it was shipped: the buyer's province is not
    /// in the territory of the partner that holds (or last received) the unit.
    /// </summary>
    private static async Task<RegistrationFlags> FlagsAsync(SidigDbContext db, Unit unit, string province, CancellationToken ct)
    {
        var flags = RegistrationFlags.None;
        if (unit.RegisteredOn is not null || await db.WarrantyRegistrations.AnyAsync(r => r.UnitId == unit.Id && r.Status != RegistrationStatus.Rejected, ct))
            flags |= RegistrationFlags.DuplicateUnit;
        var partnerId = unit.OwnerPartnerId ?? await db.UnitEvents.Where(e => e.UnitId == unit.Id && e.Kind == UnitEventKind.Shipped && e.PartnerId != null)
            .OrderByDescending(e => e.At).Select(e => e.PartnerId).FirstOrDefaultAsync(ct);
        if (partnerId is not null)
        {
            var territory = await db.Partners.Where(p => p.Id == partnerId).Select(p => p.Territory).FirstOrDefaultAsync(ct);
            if (!string.IsNullOrEmpty(territory) && !territory.Split(',').Contains(province)) flags |= RegistrationFlags.OutsideTerritory;
        }
        return flags;
    }

    /// <summary>The buyer as a customer record: the one with the same phone (e.g. recorded at sell-out), or a new one.</summary>
    internal async Task<Customer> CustomerFor(SidigDbContext db, RegistrationInput input, CancellationToken ct) =>
        await CustomerFor(db, input.Name!, input.Phone!, input.Email, input.ProvinceCode, input.RegencyCode, input.SellerPartnerId, areas, ct);

    internal static async Task<Customer> CustomerFor(SidigDbContext db, string name, string phone, string? email, string? province, string? regency,
        Guid? partnerId, IAreaCodes areas, CancellationToken ct)
    {
        var mobile = ContactRules.IndonesianMobile(phone).Value ?? phone;
        var key = Customer.PhoneKeyOf(mobile);
        var customer = await db.Customers.Where(c => c.PhoneKey == key).OrderBy(c => c.Id).FirstOrDefaultAsync(ct);
        if (customer is not null) return customer;
        customer = Customer.Create(name, mobile, email, province, regency, partnerId, areas);
        db.Customers.Add(customer);
        return customer;
    }
}
