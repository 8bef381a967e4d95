using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Tenancy;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Company;

/// <summary>A bank account printed on invoices. Needs a saved company profile.</summary>
public sealed record AddBankAccount(string BankName, string AccountNumber, string AccountHolder);

public sealed class AddBankAccountHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public async Task<Result<Guid>> HandleAsync(AddBankAccount command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageCompany)) return Result<Guid>.Fail("Access.Denied");
        var errors = BankAccount.Check(command.BankName, command.AccountNumber, command.AccountHolder);
        if (errors.Count > 0) return Result<Guid>.Fail(errors);

        await using var db = await factory.CreateDbContextAsync(ct);
        var profile = await db.CompanyProfiles.Include(c => c.BankAccounts).FirstOrDefaultAsync(ct);
        if (profile is null) return Result<Guid>.Fail("Company.ProfileRequired");
        BankAccount account;
        try
        {
            account = profile.AddBankAccount(command.BankName, command.AccountNumber, command.AccountHolder);
        }
        catch (DomainException e)
        {
            return Result<Guid>.Fail(e.Code, e.Code == "Bank.Duplicate" ? nameof(AddBankAccount.AccountNumber) : null);
        }
        // Ids are set by the domain, so EF would take an account found through the navigation for an existing
        // row; mark it as new explicitly.
        db.BankAccounts.Add(account);
        await db.SaveChangesAsync(ct);
        return Result<Guid>.Ok(account.Id);
    }
}
