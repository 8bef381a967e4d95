using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Common;
using Sidig.Domain.Service;
using Sidig.Domain.Units;
using Sidig.Domain.Warranty;
using Sidig.Infrastructure.Documents;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Service;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Features.Lookups;

namespace Sidig.Web.Features.Service;

/// <summary>A customer asks for service from a unit's scan page (anyone, no sign-in).</summary>
/// <param name="Photos">the uploaded photos' bytes, as sent</param>
public sealed record RequestService(string? Code, ServiceRequestInput Input, IReadOnlyList<byte[]> Photos, Guid SubmissionKey);

public sealed class RequestServiceHandler(IDbContextFactory<SidigDbContext> factory, TimeProvider clock, TenantContext tenant)
{
    public async Task<Result<string>> HandleAsync(RequestService command, CancellationToken ct = default)
    {
        var code = command.Code?.Trim().ToLowerInvariant();
        if (tenant.Tenant.IsPlatform || !PublicCode.IsWellFormed(code)) return Result<string>.Fail("Registration.UnitUnknown");
        if (command.SubmissionKey == Guid.Empty) return Result<string>.Fail("Registration.FormExpired");
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await FindAsync(db, command.SubmissionKey, ct) is { } earlier) return Result<string>.Ok(earlier);
        var unitId = await db.Units.Where(u => u.PublicCode == code).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        if (unitId is null) return Result<string>.Fail("Registration.UnitUnknown");
        var photos = command.Photos.Where(p => p.Length > 0).Select(ImageProbe.Photo).ToList();
        if (Ticket.Check(command.Input, photos) is { Count: > 0 } errors) return Result<string>.Fail(errors);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var number = await TicketNumbers.NextAsync(db, clock, tenant, ct);
        var rules = await ServiceRules.LoadAsync(db, tenant.Tenant.TimeZoneId, ct);
        db.Tickets.Add(Ticket.Request(number, unitId.Value, command.Input, photos, command.SubmissionKey, clock.GetUtcNow(),
            rules.Targets(command.Input.Type!.Value, TicketPriority.Normal), rules.Calendar));
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            await tx.RollbackAsync(ct); // a double click: the other request saved this form first
            await using var again = await factory.CreateDbContextAsync(ct);
            if (await FindAsync(again, command.SubmissionKey, ct) is { } first) return Result<string>.Ok(first);
            throw;
        }
        return Result<string>.Ok(number);
    }

    private static Task<string?> FindAsync(SidigDbContext db, Guid key, CancellationToken ct) =>
        db.Tickets.AsNoTracking().Where(t => t.SubmissionKey == key).Select(t => t.Number).FirstOrDefaultAsync(ct);
}
