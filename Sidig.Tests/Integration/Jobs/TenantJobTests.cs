using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sidig.Infrastructure.Identity;
using Sidig.Infrastructure.Jobs;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;
using Sidig.Tests.TestSupport;

namespace Sidig.Tests.Integration.Jobs;

public abstract class TenantJobTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    [Fact]
    public async Task A_job_without_a_tenant_fails()
    {
        var job = app.Services.GetRequiredService<ExpireInvitationsJob>();
        await Should.ThrowAsync<InvalidOperationException>(() => job.RunAsync(Guid.Empty, CancellationToken.None));
    }

    [Fact]
    public async Task A_job_for_an_unknown_tenant_fails()
    {
        var job = app.Services.GetRequiredService<ExpireInvitationsJob>();
        await Should.ThrowAsync<InvalidOperationException>(() => job.RunAsync(Guid.NewGuid(), CancellationToken.None));
    }

    [Fact]
    public async Task Expiring_invitations_touches_only_the_given_tenant_and_a_rerun_changes_nothing()
    {
        var stale = DateTimeOffset.UtcNow.AddDays(-10);
        await AddInvited("demo", "stale-invite@demo.test", stale);
        await AddInvited("demo", "fresh-invite@demo.test", DateTimeOffset.UtcNow);
        await AddInvited("other", "stale-invite@other.test", stale);
        var demo = (await app.Services.GetRequiredService<TenantStore>().FindAsync("demo"))!.Id;
        var job = app.Services.GetRequiredService<ExpireInvitationsJob>();

        await job.RunAsync(demo, CancellationToken.None);
        (await IsActive("demo", "stale-invite@demo.test")).ShouldBeFalse();
        (await IsActive("demo", "fresh-invite@demo.test")).ShouldBeTrue();
        (await IsActive("other", "stale-invite@other.test")).ShouldBeTrue();

        var auditCount = await app.InTenant("demo", sp => sp.GetRequiredService<SidigDbContext>().AuditEntries.CountAsync());
        await job.RunAsync(demo, CancellationToken.None);
        (await app.InTenant("demo", sp => sp.GetRequiredService<SidigDbContext>().AuditEntries.CountAsync())).ShouldBe(auditCount);
    }

    private Task AddInvited(string tenant, string email, DateTimeOffset invitedAt) => app.InTenant(tenant, async sp =>
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var result = await users.CreateAsync(new AppUser { UserName = email, Email = email, DisplayName = email, InvitedAt = invitedAt, CreatedAt = invitedAt });
        result.Succeeded.ShouldBeTrue();
    });

    private Task<bool> IsActive(string tenant, string email) =>
        app.InTenant(tenant, async sp => (await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!.IsActive);
}

public sealed class TenantJobTests_Sqlite(SqliteApp app) : TenantJobTests<SqliteApp>(app), IClassFixture<SqliteApp>;
public sealed class TenantJobTests_Postgres(PostgresApp app) : TenantJobTests<PostgresApp>(app), IClassFixture<PostgresApp>;
