using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Company;

public sealed record RemoveBankAccount(Guid Id);

public sealed class RemoveBankAccountHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public async Task<Result> HandleAsync(RemoveBankAccount command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageCompany)) return Result.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var profile = await db.CompanyProfiles.Include(c => c.BankAccounts).FirstOrDefaultAsync(ct);
        if (profile is null) return Result.Fail("Bank.NotFound");
        try
        {
            profile.RemoveBankAccount(command.Id);
        }
        catch (DomainException e)
        {
            return Result.Fail(e.Code);
        }
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }
}
