using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sidig.Domain.Audit;
using Sidig.Domain.Tenancy;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Persistence.Interceptors;
using Sidig.Infrastructure.Tenancy;
using Sidig.Tests.TestSupport;

namespace Sidig.Tests.Tenancy;

public abstract class CrossTenantWriteTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    private async Task<Guid> TenantId(string slug) => (await app.Services.GetRequiredService<TenantStore>().FindAsync(slug))!.Id;

    [Fact]
    public async Task Adding_a_record_for_another_tenant_is_refused()
    {
        var other = await TenantId("other");
        await app.InTenant("demo", async sp =>
        {
            var db = sp.GetRequiredService<SidigDbContext>();
            var profile = CompanyProfile.Create("PT Intruder");
            profile.TenantId = other;
            db.CompanyProfiles.Add(profile);
            await Should.ThrowAsync<CrossTenantWriteException>(() => db.SaveChangesAsync());
        });
        var legalNames = await app.InTenant("other", sp => sp.GetRequiredService<SidigDbContext>().CompanyProfiles.Select(c => c.LegalName).ToListAsync());
        legalNames.ShouldNotContain("PT Intruder");
    }

    [Fact]
    public async Task Updating_or_deleting_another_tenants_record_is_refused()
    {
        var otherProfile = await app.InTenant("other", sp => sp.GetRequiredService<SidigDbContext>().CompanyProfiles.AsNoTracking().SingleAsync());
        await app.InTenant("demo", async sp =>
        {
            var db = sp.GetRequiredService<SidigDbContext>();
            db.Attach(otherProfile);
            otherProfile.UpdateLegal("PT Hijacked", null, null);
            await Should.ThrowAsync<CrossTenantWriteException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();
            db.Remove(otherProfile);
            await Should.ThrowAsync<CrossTenantWriteException>(() => db.SaveChangesAsync());
        });
        var name = await app.InTenant("other", sp => sp.GetRequiredService<SidigDbContext>().CompanyProfiles.Select(c => c.LegalName).SingleAsync());
        name.ShouldBe("PT Other Appliances Indonesia");
    }

    [Fact]
    public async Task A_new_record_gets_the_current_tenant_and_an_audit_entry_with_its_values()
    {
        var demo = await TenantId("demo");
        var (tenantOfProfile, audit) = await app.InTenant("demo", async sp =>
        {
            var db = sp.GetRequiredService<SidigDbContext>();
            var profile = await db.CompanyProfiles.SingleAsync();
            profile.UpdateLegal("PT Demo Elektronik Baru", profile.Npwp, profile.Nitku);
            await db.SaveChangesAsync();
            var entry = await db.AuditEntries.Where(a => a.EntityType == nameof(CompanyProfile) && a.Action == AuditAction.Updated)
                .OrderByDescending(a => a.Id).FirstAsync();
            return (profile.TenantId, entry);
        });
        tenantOfProfile.ShouldBe(demo);
        audit.TenantId.ShouldBe(demo);
        audit.Changes.ShouldContain("PT Demo Elektronik Nusantara");
        audit.Changes.ShouldContain("PT Demo Elektronik Baru");
    }

    [Fact]
    public async Task Writing_without_a_tenant_fails_instead_of_running_unfiltered()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SidigDbContext>();
        db.CompanyProfiles.Add(CompanyProfile.Create("PT Nobody"));
        await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        await Should.ThrowAsync<InvalidOperationException>(() => db.CompanyProfiles.CountAsync());
    }
}

public sealed class CrossTenantWriteTests_Sqlite(SqliteApp app) : CrossTenantWriteTests<SqliteApp>(app), IClassFixture<SqliteApp>;
public sealed class CrossTenantWriteTests_Postgres(PostgresApp app) : CrossTenantWriteTests<PostgresApp>(app), IClassFixture<PostgresApp>;
