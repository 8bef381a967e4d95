using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Notifications;
using Sidig.Domain.Warranty;
using Sidig.Infrastructure.Notifications;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Reference;
using Sidig.Infrastructure.Tenancy;

namespace Sidig.Web.Features.Warranty;

/// <summary>Customer service approves or rejects (with a reason) a pending registration; the buyer is told on WhatsApp, and by e-mail when they gave one.</summary>
/// <param name="BaseUrl">The tenant's address (https://acme.example/), for the warranty card link in the e-mail.</param>
public sealed record DecideRegistration(Guid Id, bool Approve, string? Reason, string BaseUrl);

public sealed class DecideRegistrationHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, CurrentUser user,
    TimeProvider clock, TenantContext tenant, IndonesianAreas areas, Sidig.Infrastructure.Notifications.Outbox outbox)
{
    public const string EmailKind = "WarrantyRegistration";

    public async Task<Result> HandleAsync(DecideRegistration command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ReviewWarranty)) return Result.Fail("Access.Denied");
        if (!command.Approve && string.IsNullOrWhiteSpace(command.Reason)) return Result.Fail("Registration.ReasonRequired", nameof(command.Reason));
        if (command.Reason?.Trim().Length > WarrantyRegistration.ReasonMax) return Result.Fail("Validation.TooLong", nameof(command.Reason));
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var registration = await db.WarrantyRegistrations.FirstOrDefaultAsync(r => r.Id == command.Id, ct);
        if (registration is null) return Result.Fail("Registration.NotFound");
        if (registration.Status != RegistrationStatus.Pending) return Result.Fail("Registration.NotPending");
        var unit = await db.Units.FirstAsync(u => u.Id == registration.UnitId, ct);
        var product = await db.Products.AsNoTracking().Where(p => p.Id == unit.ProductId).Select(p => p.Name).FirstAsync(ct);
        var now = clock.GetUtcNow();
        var who = user.UserName ?? "?";
        if (command.Approve)
        {
            var customer = await RegisterWarrantyHandler.CustomerFor(db, registration.Name, registration.Phone, registration.Email,
                registration.ProvinceCode, registration.RegencyCode, registration.SellerPartnerId, areas, ct);
            db.UnitEvents.Add(registration.Approve(unit, customer.Id, who, now));
        }
        else registration.Reject(command.Reason, who, now);

        // The buyer hears on WhatsApp (the number every registration has) and by e-mail when they gave one.
        var text = RegistrationEmailTexts.Build(tenant.Tenant.Language, tenant.Tenant.DisplayName, product, unit.Serial, registration.Status,
            registration.RejectReason, WarrantyCardEndpoints.CardUrl(command.BaseUrl, registration.Token));
        var key = $"registration:{registration.Id}:{registration.Status}";
        await outbox.EnqueueAsync(db, OutboxMessage.TextMessage(EmailKind, key + ":text", registration.Phone, text.Body, now), ct);
        if (registration.Email is { } email)
            await outbox.EnqueueAsync(db, OutboxMessage.Email(EmailKind, key, email, text.Subject, text.Body, null, now), ct);
        // Two reviewers at once: the second save fails on the changed row and is told it was already decided.
        try
        {
            await outbox.SaveChangesAsync(db, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Fail("Registration.NotPending");
        }
        await tx.CommitAsync(ct);
        return Result.Ok();
    }
}

/// <summary>The e-mail to the buyer when a registration is decided, in the tenant's language (Indonesian by default).</summary>
public static class RegistrationEmailTexts
{
    public static EmailText Build(string language, string company, string product, string serial, RegistrationStatus status, string? reason, string cardUrl)
    {
        var english = language.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        return (status, english) switch
        {
            (RegistrationStatus.Approved, true) => new($"{company}: warranty registered for {product} {serial}",
                $"Your warranty registration for {product} (serial {serial}) has been approved.\n\nYour warranty card: {cardUrl}\n\n{company}"),
            (RegistrationStatus.Approved, false) => new($"{company}: garansi {product} {serial} terdaftar",
                $"Registrasi garansi {product} (nomor seri {serial}) telah disetujui.\n\nKartu garansi Anda: {cardUrl}\n\n{company}"),
            (_, true) => new($"{company}: warranty registration for {product} {serial} not accepted",
                $"Your warranty registration for {product} (serial {serial}) was not accepted.\n\nReason: {reason}\n\nPlease contact us if you have questions.\n\n{company}"),
            _ => new($"{company}: registrasi garansi {product} {serial} tidak diterima",
                $"Registrasi garansi {product} (nomor seri {serial}) tidak dapat kami terima.\n\nAlasan: {reason}\n\nSilakan hubungi kami bila ada pertanyaan.\n\n{company}"),
        };
    }
}
