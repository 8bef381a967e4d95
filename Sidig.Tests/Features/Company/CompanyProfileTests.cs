using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sidig.Domain.Common;
using Sidig.Domain.Tenancy;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Company;

namespace Sidig.Tests.Features.Company;

/// <summary>The company profile use cases through their handlers (as a circuit calls them) and over HTTP.</summary>
public abstract class CompanyProfileTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    private const string Admin = "admin@demo.test";

    private Task<T> AsAdmin<T>(Func<IServiceProvider, Task<T>> work, string tenant = "demo", string email = Admin) =>
        app.InTenant(tenant, async sp =>
        {
            await sp.ActAsAsync(email);
            return await work(sp);
        });

    private static async Task<CompanyProfile?> LoadProfile(IServiceProvider sp)
    {
        await using var db = await sp.GetRequiredService<IDbContextFactory<SidigDbContext>>().CreateDbContextAsync();
        return await db.CompanyProfiles.AsNoTracking().Include(c => c.BankAccounts).FirstOrDefaultAsync();
    }

    private static async Task<CompanyDetails> CurrentDetails(IServiceProvider sp)
    {
        var view = await sp.GetRequiredService<GetCompanyProfileHandler>().HandleAsync(new GetCompanyProfile());
        view.Succeeded.ShouldBeTrue();
        return view.Value!.Details;
    }

    [Fact]
    public async Task The_admin_reads_the_seeded_profile_and_regional_settings()
    {
        var view = await AsAdmin(sp => sp.GetRequiredService<GetCompanyProfileHandler>().HandleAsync(new GetCompanyProfile()));
        view.Value!.Exists.ShouldBeTrue();
        view.Value.Details.Npwp.ShouldBe("0013456789012000");
        view.Value.BankAccounts.Select(a => a.BankName).ShouldContain("Bank Mandiri");
        Tenant.TimeZones.ShouldContain(view.Value.Regional.TimeZoneId);
    }

    [Fact]
    public async Task A_valid_edit_is_saved_and_audited()
    {
        var saved = await AsAdmin(async sp =>
        {
            var details = await CurrentDetails(sp) with { Phone = "+62 21 555 0199", PpnRatePercent = 11m, PpnBaseNumerator = 1, PpnBaseDenominator = 1 };
            var result = await sp.GetRequiredService<UpdateCompanyProfileHandler>().HandleAsync(new UpdateCompanyProfile(details));
            result.Errors.ShouldBeEmpty();
            return await LoadProfile(sp);
        });
        saved!.Phone.ShouldBe("+62 21 555 0199");
        saved.Ppn.ShouldBe(new PpnSettings(11m, 1, 1));
    }

    [Fact]
    public async Task An_invalid_npwp_changes_nothing_in_the_database()
    {
        var (before, result, after, audits) = await AsAdmin(async sp =>
        {
            var before = await LoadProfile(sp);
            await using var db = await sp.GetRequiredService<IDbContextFactory<SidigDbContext>>().CreateDbContextAsync();
            var auditsBefore = await db.AuditEntries.CountAsync();
            var details = await CurrentDetails(sp) with { LegalName = "PT Nama Baru", Npwp = "0013.4567.89AB.2000", Email = "baru@demo.test" };
            var result = await sp.GetRequiredService<UpdateCompanyProfileHandler>().HandleAsync(new UpdateCompanyProfile(details));
            return (before, result, await LoadProfile(sp), await db.AuditEntries.CountAsync() - auditsBefore);
        });
        result.Errors.ShouldContain(new Error("Npwp.Invalid", "Npwp"));
        after!.LegalName.ShouldBe(before!.LegalName);
        after.Npwp.ShouldBe(before.Npwp);
        after.Email.ShouldBe(before.Email);
        audits.ShouldBe(0);
    }

    [Fact]
    public async Task A_regency_of_another_province_is_refused_with_its_field()
    {
        var result = await AsAdmin(async sp =>
        {
            var details = await CurrentDetails(sp) with { ProvinceCode = "31", RegencyCode = "32.73" };
            return await sp.GetRequiredService<UpdateCompanyProfileHandler>().HandleAsync(new UpdateCompanyProfile(details));
        });
        result.Errors.ShouldBe([new Error("Address.RegencyNotInProvince", "RegencyCode")]);
    }

    [Fact]
    public async Task The_first_save_creates_the_profile_of_a_new_tenant()
    {
        var slug = "fresh" + Guid.NewGuid().ToString("N")[..6];
        await app.InTenant(null, async sp =>
        {
            var db = sp.GetRequiredService<SidigDbContext>();
            db.Tenants.Add(Tenant.Create(slug, "Fresh", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        });
        var saved = await app.InTenant(slug, async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Sidig.Infrastructure.Identity.AppUser>>();
            var admin = new Sidig.Infrastructure.Identity.AppUser { UserName = $"admin@{slug}.test", Email = $"admin@{slug}.test", DisplayName = "Admin" };
            (await users.CreateAsync(admin, "Fresh-Admin-2026")).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(admin, Sidig.Domain.Access.Roles.PrincipalAdmin)).Succeeded.ShouldBeTrue();
            await sp.ActAsAsync(admin.Email);

            (await LoadProfile(sp)).ShouldBeNull();
            var details = GetCompanyProfileHandler.Empty with { LegalName = "PT Fresh Indonesia", Npwp = "01.234.567.8-901.000" };
            var result = await sp.GetRequiredService<UpdateCompanyProfileHandler>().HandleAsync(new UpdateCompanyProfile(details));
            result.Errors.ShouldBeEmpty();
            return await LoadProfile(sp);
        });
        saved!.LegalName.ShouldBe("PT Fresh Indonesia");
        saved.Npwp.ShouldBe("0012345678901000");
        saved.Ppn.ShouldBe(PpnSettings.Default);
    }

    [Fact]
    public async Task A_fake_image_is_refused_and_the_old_logo_kept()
    {
        var (result, logo) = await AsAdmin(async sp =>
        {
            (await sp.GetRequiredService<SetCompanyLogoHandler>().HandleAsync(new SetCompanyLogo(TestImages.Png))).Succeeded.ShouldBeTrue();
            var result = await sp.GetRequiredService<SetCompanyLogoHandler>().HandleAsync(new SetCompanyLogo(TestImages.Zip));
            return (result, (await LoadProfile(sp))!.Logo);
        });
        result.Errors.ShouldBe([new Error("Logo.NotAnImage")]);
        logo.ShouldBe(TestImages.Png);
    }

    [Fact]
    public async Task An_image_over_1_MB_is_refused_and_the_old_logo_kept()
    {
        var (result, logo) = await AsAdmin(async sp =>
        {
            (await sp.GetRequiredService<SetCompanyLogoHandler>().HandleAsync(new SetCompanyLogo(TestImages.Png))).Succeeded.ShouldBeTrue();
            // What the page reads from a browser stream of 3 MB: 1 MB + 1 byte, enough to be refused.
            var upload = await SetCompanyLogo.ReadLimitedAsync(new MemoryStream(TestImages.PngOfSize(3 * ImageContent.MaxLogoBytes)));
            var result = await sp.GetRequiredService<SetCompanyLogoHandler>().HandleAsync(new SetCompanyLogo(upload));
            return (result, (await LoadProfile(sp))!.Logo);
        });
        result.Errors.ShouldBe([new Error("Logo.TooLarge")]);
        logo.ShouldBe(TestImages.Png);
    }

    [Fact]
    public async Task The_logo_endpoint_serves_each_host_only_its_own_tenants_logo()
    {
        await AsAdmin(sp => sp.GetRequiredService<SetCompanyLogoHandler>().HandleAsync(new SetCompanyLogo(TestImages.Png)));
        using var other = app.Client("other");
        var withoutLogo = await other.Http.GetAsync("/company/logo");
        withoutLogo.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await AsAdmin(sp => sp.GetRequiredService<SetCompanyLogoHandler>().HandleAsync(new SetCompanyLogo(TestImages.OtherPng)),
            tenant: "other", email: "admin@other.test");
        (await other.Http.GetByteArrayAsync("/company/logo")).ShouldBe(TestImages.OtherPng);
        using var demo = app.Client("demo");
        (await demo.Http.GetByteArrayAsync("/company/logo")).ShouldBe(TestImages.Png);

        await AsAdmin(sp => sp.GetRequiredService<RemoveCompanyLogoHandler>().HandleAsync(new RemoveCompanyLogo()),
            tenant: "other", email: "admin@other.test");
        (await other.Http.GetAsync("/company/logo")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_logo_is_served_anonymously_with_its_type_nosniff_and_a_short_cache()
    {
        await AsAdmin(sp => sp.GetRequiredService<SetCompanyLogoHandler>().HandleAsync(new SetCompanyLogo(TestImages.WebP)));
        using var anonymous = app.Client("demo");
        var response = await anonymous.Http.GetAsync("/company/logo");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("image/webp");
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.CacheControl!.MaxAge.ShouldBe(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task The_platform_host_has_no_company_logo()
    {
        using var platform = app.Client(null);
        (await platform.Http.GetAsync("/company/logo")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bank_accounts_are_added_and_removed()
    {
        var (added, afterAdd, afterRemove) = await AsAdmin(async sp =>
        {
            var added = await sp.GetRequiredService<AddBankAccountHandler>().HandleAsync(new AddBankAccount("Bank Rakyat Indonesia", "0123-01-000456-30-1", "PT Demo"));
            added.Errors.ShouldBeEmpty();
            var afterAdd = (await LoadProfile(sp))!.BankAccounts.Select(a => a.AccountNumber).ToList();
            (await sp.GetRequiredService<RemoveBankAccountHandler>().HandleAsync(new RemoveBankAccount(added.Value))).Errors.ShouldBeEmpty();
            return (added.Value, afterAdd, (await LoadProfile(sp))!.BankAccounts.Select(a => a.Id).ToList());
        });
        afterAdd.ShouldContain("012301000456301");
        afterRemove.ShouldNotContain(added);
    }

    [Fact]
    public async Task A_duplicate_bank_account_is_refused_on_the_account_number()
    {
        var result = await AsAdmin(sp => sp.GetRequiredService<AddBankAccountHandler>().HandleAsync(
            new AddBankAccount("Bank Central Asia", "527 012 3456", "Someone")));
        result.Errors.ShouldBe([new Error("Bank.Duplicate", "AccountNumber")]);
    }

    [Fact]
    public async Task A_regional_change_is_seen_by_the_tenant_store_at_once()
    {
        var info = await AsAdmin(async sp =>
        {
            var store = sp.GetRequiredService<TenantStore>();
            var before = await store.FindAsync("demo"); // now cached
            var zone = before!.TimeZoneId == "Asia/Makassar" ? "Asia/Jayapura" : "Asia/Makassar";
            var result = await sp.GetRequiredService<UpdateTenantRegionalHandler>().HandleAsync(new UpdateTenantRegional(zone, "en-US"));
            result.Errors.ShouldBeEmpty();
            return (zone, after: await store.FindAsync("demo"));
        });
        info.after!.TimeZoneId.ShouldBe(info.zone);
        info.after.Language.ShouldBe("en-US");
    }

    [Fact]
    public async Task A_time_zone_outside_indonesia_is_refused_with_its_field()
    {
        var result = await AsAdmin(sp => sp.GetRequiredService<UpdateTenantRegionalHandler>().HandleAsync(new UpdateTenantRegional("Europe/Paris", "id-ID")));
        result.Errors.ShouldBe([new Error("Tenant.TimeZoneInvalid", "TimeZoneId")]);
    }

    [Fact]
    public async Task The_regional_change_touches_only_the_current_tenants_row()
    {
        var (otherBefore, otherAfter) = await AsAdmin(async sp =>
        {
            var store = sp.GetRequiredService<TenantStore>();
            store.Invalidate("other");
            var before = await store.FindAsync("other");
            var zone = before!.TimeZoneId == "Asia/Jayapura" ? "Asia/Makassar" : "Asia/Jayapura";
            (await sp.GetRequiredService<UpdateTenantRegionalHandler>().HandleAsync(new UpdateTenantRegional(zone, "id-ID"))).Errors.ShouldBeEmpty();
            store.Invalidate("other");
            return (before, await store.FindAsync("other"));
        });
        otherAfter.ShouldBe(otherBefore);
    }

    [Fact]
    public async Task A_sales_user_is_denied_by_every_handler()
    {
        var results = await AsAdmin(async sp => new Result[]
        {
            await sp.GetRequiredService<GetCompanyProfileHandler>().HandleAsync(new GetCompanyProfile()),
            await sp.GetRequiredService<UpdateCompanyProfileHandler>().HandleAsync(new UpdateCompanyProfile(GetCompanyProfileHandler.Empty with { LegalName = "PT Sales" })),
            await sp.GetRequiredService<SetCompanyLogoHandler>().HandleAsync(new SetCompanyLogo(TestImages.Png)),
            await sp.GetRequiredService<RemoveCompanyLogoHandler>().HandleAsync(new RemoveCompanyLogo()),
            await sp.GetRequiredService<AddBankAccountHandler>().HandleAsync(new AddBankAccount("Bank Sales", "99999999", "Sales")),
            await sp.GetRequiredService<RemoveBankAccountHandler>().HandleAsync(new RemoveBankAccount(Guid.NewGuid())),
            await sp.GetRequiredService<UpdateTenantRegionalHandler>().HandleAsync(new UpdateTenantRegional("Asia/Jayapura", "en-US")),
        }, email: "sales@demo.test");
        results.ShouldAllBe(r => r.Errors.Count == 1 && r.Errors[0].Code == "Access.Denied");
    }

    [Fact]
    public async Task A_sales_user_changes_nothing()
    {
        var (before, after) = await AsAdmin(async sp =>
        {
            var before = await LoadProfile(sp);
            await sp.ActAsAsync("sales@demo.test");
            await sp.GetRequiredService<UpdateCompanyProfileHandler>().HandleAsync(new UpdateCompanyProfile(GetCompanyProfileHandler.Empty with { LegalName = "PT Sales" }));
            return (before, await LoadProfile(sp));
        });
        after!.LegalName.ShouldBe(before!.LegalName);
    }

    [Fact]
    public async Task A_sales_user_is_redirected_to_access_denied_for_the_page()
    {
        using var sales = await app.Client("demo").SignedInAs("sales@demo.test");
        var response = await sales.Http.GetAsync("/admin/company");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        new Uri(new Uri("http://demo.localhost"), response.Headers.Location!).AbsolutePath.ShouldBe("/account/access-denied");
    }

    [Fact]
    public async Task The_admin_opens_the_page_with_the_saved_legal_name()
    {
        using var admin = await app.Client("demo").SignedInAs(Admin);
        var html = await admin.Http.GetStringAsync("/admin/company");
        html.ShouldContain("data-testid=\"company-tabs\"");
        html.ShouldContain("PT Demo Elektronik Nusantara");
        html.ShouldContain("Wilayah: idn-area-data (Kemendagri), ODbL");
    }
}

public sealed class CompanyProfileTests_Sqlite(SqliteApp app) : CompanyProfileTests<SqliteApp>(app), IClassFixture<SqliteApp>;
public sealed class CompanyProfileTests_Postgres(PostgresApp app) : CompanyProfileTests<PostgresApp>(app), IClassFixture<PostgresApp>;
