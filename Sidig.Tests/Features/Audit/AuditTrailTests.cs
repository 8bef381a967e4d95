using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Sidig.Domain.Audit;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Identity;
using Sidig.Infrastructure.Persistence;
using Sidig.Tests.TestSupport;
using Sidig.Web.Components.Shared;
using Sidig.Web.Features.Audit;

namespace Sidig.Tests.Features.Audit;

public abstract class AuditTrailTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    private const string DemoAdmin = "admin@demo.test";

    private Task<Result<AuditEntryPage>> ListAsync(ListAuditEntries query, string tenant = "demo", string actor = DemoAdmin) =>
        app.Handle<ListAuditEntriesHandler, Result<AuditEntryPage>>(tenant, actor, h => h.HandleAsync(query));

    private async Task<AuditEntryPage> ListOkAsync(ListAuditEntries query, string tenant = "demo", string actor = DemoAdmin)
    {
        var result = await ListAsync(query, tenant, actor);
        result.Errors.ShouldBeEmpty();
        return result.Value!;
    }

    /// <summary>Renames a user, acting as <paramref name="actor"/>; returns the renamed user's id.</summary>
    private Task<Guid> RenameAsync(string tenant, string actor, string email, string newName) =>
        app.AsUser(tenant, actor, async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            user.DisplayName = newName;
            (await users.UpdateAsync(user)).Succeeded.ShouldBeTrue();
            return user.Id;
        });

    [Fact]
    public async Task The_audit_trail_lists_the_tenants_own_entries_and_never_another_tenants()
    {
        var otherUserId = await RenameAsync("other", "admin@other.test", "cs@other.test", "CS Other Renamed");

        var demo = await ListOkAsync(new ListAuditEntries(PageSize: 100));
        demo.TotalCount.ShouldBeGreaterThanOrEqualTo(11); // company profile, 2 bank accounts, 8 users
        (await ListOkAsync(new ListAuditEntries(EntityType: "CompanyProfile"))).TotalCount.ShouldBeGreaterThan(0); // the demo's many orders fill the first page
        demo.Items.ShouldNotContain(a => a.EntityId == otherUserId.ToString());
        (await ListOkAsync(new ListAuditEntries(EntityId: otherUserId.ToString()))).TotalCount.ShouldBe(0);

        var other = await ListOkAsync(new ListAuditEntries(EntityId: otherUserId.ToString(), Action: AuditAction.Updated), "other", "admin@other.test");
        var entry = other.Items.ShouldHaveSingleItem();
        entry.UserName.ShouldBe("admin@other.test");
        entry.Changes.ShouldContain(new AuditChange("DisplayName", "Customer Service Other Appliances", "CS Other Renamed"));
    }

    [Fact]
    public async Task Filtering_by_action_returns_only_that_action()
    {
        var technicianId = await RenameAsync("demo", DemoAdmin, "technician@demo.test", "Teknisi Lapangan");

        var updated = await ListOkAsync(new ListAuditEntries(Action: AuditAction.Updated, PageSize: 100));
        updated.Items.ShouldNotBeEmpty();
        updated.Items.ShouldAllBe(a => a.Action == AuditAction.Updated);
        updated.Items.ShouldContain(a => a.EntityId == technicianId.ToString());

        var created = await ListOkAsync(new ListAuditEntries(Action: AuditAction.Created, PageSize: 100));
        created.TotalCount.ShouldBeGreaterThanOrEqualTo(11);
        created.Items.ShouldAllBe(a => a.Action == AuditAction.Created);
        created.Items.ShouldNotContain(a => a.EntityId == technicianId.ToString() && a.Action != AuditAction.Created);
    }

    [Fact]
    public async Task Filtering_by_entity_type_returns_only_that_type()
    {
        var banks = await ListOkAsync(new ListAuditEntries(EntityType: "BankAccount"));

        banks.TotalCount.ShouldBe(2); // the two seeded accounts of demo (other's two are not counted)
        banks.Items.ShouldAllBe(a => a.EntityType == "BankAccount" && a.Action == AuditAction.Created);
        banks.Items.SelectMany(a => a.Changes).ShouldContain(c => c.Property == "BankName" && c.Old == null && c.New == "Bank Mandiri");
    }

    [Fact]
    public async Task Filtering_by_date_range_counts_whole_days_in_the_tenant_time_zone()
    {
        var type = "Probe" + Guid.NewGuid().ToString("N")[..6];
        // 23:30 WIB on 10 March and 00:30 WIB on 11 March 2026 (UTC+7).
        var lateOn10th = new DateTimeOffset(2026, 3, 10, 16, 30, 0, TimeSpan.Zero);
        var earlyOn11th = new DateTimeOffset(2026, 3, 10, 17, 30, 0, TimeSpan.Zero);
        await app.InTenant("demo", async sp =>
        {
            var db = sp.GetRequiredService<SidigDbContext>();
            db.AuditEntries.AddRange(
                new AuditEntry { At = lateOn10th, EntityType = type, EntityId = "late-10", Action = AuditAction.Updated, Changes = "{}" },
                new AuditEntry { At = earlyOn11th, EntityType = type, EntityId = "early-11", Action = AuditAction.Updated, Changes = "{}" });
            await db.SaveChangesAsync();
        });
        var tenth = new DateOnly(2026, 3, 10);
        var eleventh = new DateOnly(2026, 3, 11);

        (await ListOkAsync(new ListAuditEntries(EntityType: type, From: tenth, To: tenth))).Items.Select(a => a.EntityId).ShouldBe(["late-10"]);
        (await ListOkAsync(new ListAuditEntries(EntityType: type, From: eleventh, To: eleventh))).Items.Select(a => a.EntityId).ShouldBe(["early-11"]);
        (await ListOkAsync(new ListAuditEntries(EntityType: type, From: eleventh))).Items.Select(a => a.EntityId).ShouldBe(["early-11"]);
        (await ListOkAsync(new ListAuditEntries(EntityType: type, To: tenth))).Items.Select(a => a.EntityId).ShouldBe(["late-10"]);
        (await ListOkAsync(new ListAuditEntries(EntityType: type, From: tenth, To: eleventh))).Items.Select(a => a.EntityId).ShouldBe(["early-11", "late-10"]);
        (await ListOkAsync(new ListAuditEntries(EntityType: type, From: new DateOnly(2026, 3, 12)))).TotalCount.ShouldBe(0);
        (await ListAsync(new ListAuditEntries(From: eleventh, To: tenth))).Errors.ShouldHaveSingleItem().Code.ShouldBe("Audit.RangeInvalid");

        CultureInfo.CurrentCulture = new CultureInfo("en-US");
        DisplayTime.DateTime(earlyOn11th, "Asia/Jakarta").ShouldBe("11 Mar 2026 00:30");
    }

    [Fact]
    public async Task Filtering_by_user_and_by_part_of_the_entity_id_finds_the_change()
    {
        var salesId = await RenameAsync("demo", "sales@demo.test", "sales@demo.test", "Sales Sendiri");

        var bySales = await ListOkAsync(new ListAuditEntries(UserId: salesId));
        bySales.Items.ShouldNotBeEmpty();
        bySales.Items.ShouldAllBe(a => a.UserId == salesId);
        bySales.Items.ShouldContain(a => a.EntityId == salesId.ToString() && a.Action == AuditAction.Updated);

        var part = salesId.ToString()[^12..].ToUpperInvariant();
        var byId = await ListOkAsync(new ListAuditEntries(EntityId: part));
        byId.Items.ShouldNotBeEmpty();
        byId.Items.ShouldAllBe(a => a.EntityId.Contains(part, StringComparison.OrdinalIgnoreCase));

        var options = (await app.Handle<GetAuditFilterOptionsHandler, Result<AuditFilterOptions>>("demo", DemoAdmin,
            h => h.HandleAsync(new GetAuditFilterOptions()))).Value!;
        options.Users.ShouldContain(new AuditUserOption(salesId, "sales@demo.test"));
        options.EntityTypes.ShouldContain("BankAccount");
        options.EntityTypes.ShouldContain("AppUser");
    }

    [Fact]
    public async Task Only_admins_may_read_the_audit_trail()
    {
        (await ListAsync(new ListAuditEntries(), actor: "sales@demo.test")).Errors.ShouldHaveSingleItem().Code.ShouldBe("Access.Denied");
        (await app.Handle<GetAuditFilterOptionsHandler, Result<AuditFilterOptions>>("demo", "cs@demo.test",
            h => h.HandleAsync(new GetAuditFilterOptions()))).Errors.ShouldHaveSingleItem().Code.ShouldBe("Access.Denied");

        using var sales = await app.Client("demo").SignedInAs("sales@demo.test");
        var refused = await sales.Http.GetAsync("/admin/audit");
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Headers.Location!.ToString().ShouldContain("/account/access-denied");

        using var admin = await app.Client("demo").SignedInAs(DemoAdmin);
        (await admin.Http.GetStringAsync("/admin/audit")).ShouldContain("data-testid=\"audit-grid\"");
    }
}

public sealed class AuditTrailTests_Sqlite(SqliteApp app) : AuditTrailTests<SqliteApp>(app), IClassFixture<SqliteApp>;
public sealed class AuditTrailTests_Postgres(PostgresApp app) : AuditTrailTests<PostgresApp>(app), IClassFixture<PostgresApp>;

public sealed class AuditChangesTests
{
    [Fact]
    public void Changes_json_is_read_into_old_and_new_values()
    {
        var changes = AuditItems.ParseChanges("""{"DisplayName":{"old":"A","new":"B"},"IsActive":{"old":true,"new":false},"Email":{"new":null},"Phone":{"old":"1"}}""");

        changes.ShouldBe([
            new AuditChange("DisplayName", "A", "B"),
            new AuditChange("IsActive", "true", "false"),
            new AuditChange("Email", null, null),
            new AuditChange("Phone", "1", null),
        ]);
    }

    [Fact]
    public void Malformed_changes_json_gives_no_changes_instead_of_an_error() =>
        AuditItems.ParseChanges("not json").ShouldBeEmpty();
}
