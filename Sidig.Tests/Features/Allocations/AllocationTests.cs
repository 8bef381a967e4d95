using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Allocations;

namespace Sidig.Tests.Features.Allocations;

public abstract class AllocationTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    private const string Sales = "sales@demo.test";
    private readonly Builders _make = new(app);

    private static readonly DateOnly Q1Start = new(2031, 1, 1), Q1End = new(2031, 3, 31);

    private Task<Result<Guid>> Save(string email, SaveAllocation command) =>
        app.Handle<SaveAllocationHandler, Result<Guid>>("demo", email, h => h.HandleAsync(command));

    private Task<Result<AllocationList>> List(string email, string tenant = "demo") =>
        app.Handle<ListAllocationsHandler, Result<AllocationList>>(tenant, email, h => h.HandleAsync(new ListAllocations(All: true)));

    private async Task<(Guid Partner, Guid Product)> PartnerAndProduct() => ((await _make.Partner()).Id, (await _make.Product()).Id);

    [Fact]
    public async Task Overlapping_periods_for_one_partner_and_product_are_refused()
    {
        var (partner, product) = await PartnerAndProduct();
        (await Save(Sales, new SaveAllocation(null, partner, product, Q1Start, Q1End, 100))).Errors.ShouldBeEmpty();

        var clash = (await Save(Sales, new SaveAllocation(null, partner, product, Q1End, new DateOnly(2031, 4, 30), 50))).Errors.Single();
        (clash.Code, clash.Field).ShouldBe(("Allocation.Overlaps", "PeriodStart"));
        (await Save(Sales, new SaveAllocation(null, partner, product, new DateOnly(2031, 4, 1), new DateOnly(2031, 6, 30), 50))).Errors.ShouldBeEmpty();
        var otherProduct = (await _make.Product()).Id;
        (await Save(Sales, new SaveAllocation(null, partner, otherProduct, Q1Start, Q1End, 10))).Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_allocation_is_edited_without_clashing_with_itself_and_deleted()
    {
        var (partner, product) = await PartnerAndProduct();
        var id = (await Save(Sales, new SaveAllocation(null, partner, product, Q1Start, Q1End, 100))).Value;
        (await Save(Sales, new SaveAllocation(id, partner, product, Q1Start, new DateOnly(2031, 4, 15), 120))).Errors.ShouldBeEmpty();
        var item = (await List(Sales)).Value!.Items.Single(i => i.Id == id);
        (item.PeriodEnd, item.Quantity, item.Used, item.Remaining).ShouldBe((new DateOnly(2031, 4, 15), 120m, 0m, 120m));

        (await app.Handle<DeleteAllocationHandler, Result>("demo", Sales, h => h.HandleAsync(new DeleteAllocation(id)))).Errors.ShouldBeEmpty();
        (await List(Sales)).Value!.Items.ShouldNotContain(i => i.Id == id);
    }

    [Fact]
    public async Task The_check_for_orders_tells_what_remains_on_a_day()
    {
        var (partner, product) = await PartnerAndProduct();
        var id = (await Save(Sales, new SaveAllocation(null, partner, product, Q1Start, Q1End, 40))).Value;
        await _make.Query(async db =>
        {
            var allocation = await db.Allocations.SingleAsync(a => a.Id == id);
            allocation.Consume(15);
            return await db.SaveChangesAsync();
        });

        var check = await app.InTenant("demo", async sp =>
        {
            await using var db = await sp.GetRequiredService<IDbContextFactory<SidigDbContext>>().CreateDbContextAsync();
            var service = sp.GetRequiredService<AllocationCheck>();
            return (Inside: await service.RemainingAsync(db, partner, product, new DateOnly(2031, 2, 14)),
                After: await service.RemainingAsync(db, partner, product, new DateOnly(2031, 4, 1)));
        });
        check.Inside.ShouldBe((25m, (Guid?)id));
        check.After.ShouldBeNull();
    }

    [Fact]
    public async Task Partner_users_read_only_their_own_allocations_and_cannot_change_them()
    {
        var (a, product) = await PartnerAndProduct();
        var b = (await _make.Partner()).Id;
        var own = (await Save(Sales, new SaveAllocation(null, a, product, Q1Start, Q1End, 10))).Value;
        var theirs = (await Save(Sales, new SaveAllocation(null, b, product, Q1Start, Q1End, 10))).Value;
        var userA = await PartnerUsers.CreateAsync(app, a);

        var seen = (await List(userA)).Value!.Items.Select(i => i.Id).ToList();
        seen.ShouldBe([own]);
        seen.ShouldNotContain(theirs);
        (await Save(userA, new SaveAllocation(own, a, product, Q1Start, Q1End, 1000))).Errors.Single().Code.ShouldBe("Access.Denied");
        var seenByOtherTenant = (await List("admin@other.test", "other")).Value!.Items.Select(i => i.Id).ToList();
        seenByOtherTenant.ShouldNotContain(own);
        seenByOtherTenant.ShouldNotContain(theirs);
        (await List("finance@demo.test")).Errors.Single().Code.ShouldBe("Access.Denied");
    }

    [Fact]
    public async Task Input_problems_come_back_with_their_fields()
    {
        var (partner, product) = await PartnerAndProduct();
        var errors = (await Save(Sales, new SaveAllocation(null, partner, product, Q1End, Q1Start, 0))).Errors;
        errors.Select(e => (e.Code, e.Field)).ShouldBe([("Allocation.QuantityInvalid", "Quantity"), ("Allocation.PeriodInvalid", "PeriodEnd")], ignoreOrder: true);
    }
}

public sealed class AllocationTests_Sqlite(SqliteApp app) : AllocationTests<SqliteApp>(app), IClassFixture<SqliteApp>;
public sealed class AllocationTests_Postgres(PostgresApp app) : AllocationTests<PostgresApp>(app), IClassFixture<PostgresApp>;
