using Sidig.Domain.Common;
using Sidig.Domain.Units;

namespace Sidig.Tests.Domain;

/// <summary>The moves of one unit: each one refuses a unit that is not where the movement says.</summary>
public class UnitMoveTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 3, 0, 0, TimeSpan.Zero);
    private static readonly Guid Central = Guid.NewGuid(), Jakarta = Guid.NewGuid(), Partner = Guid.NewGuid(), Customer = Guid.NewGuid();
    private static readonly UnitDocument Doc = new("DeliveryNote", Guid.NewGuid(), "SJ/2026/000001");

    private static List<Unit> Units(int n = 3, Guid? product = null) =>
        UnitBatch.Create(product ?? Guid.NewGuid(), "AC-05", "L1", Today, n, "{sku}-{n:4}", Central, 1, Today, Now, "test").Units;

    [Fact]
    public void Shipping_to_a_distributors_warehouse_moves_the_unit_and_its_owner_and_records_the_note_and_partner()
    {
        var unit = Units()[0];
        var e = unit.Ship(Central, Partner, Jakarta, Doc, Now, "wh");
        (unit.WarehouseId, unit.OwnerPartnerId, unit.Status).ShouldBe((Jakarta, Partner, UnitStatus.InStock));
        (e.Kind, e.DocumentNumber, e.PartnerId, e.WarehouseId, e.UnitId).ShouldBe((UnitEventKind.Shipped, Doc.Number, Partner, Jakarta, unit.Id));
    }

    [Fact]
    public void Shipping_to_a_partner_without_a_warehouse_leaves_it_with_the_partner_outside_the_stock()
    {
        var unit = Units()[0];
        unit.Ship(Central, Partner, null, Doc, Now, "wh");
        (unit.WarehouseId, unit.OwnerPartnerId).ShouldBe((null, Partner));
        unit.RefusalToLeave(Central).ShouldBe("Units.WrongWarehouse");
    }

    [Fact]
    public void Delivery_sets_the_delivered_date_for_the_partner_that_has_the_unit_only()
    {
        var unit = Units()[0];
        unit.Ship(Central, Partner, Jakarta, Doc, Now, "wh");
        var e = unit.MarkDelivered(Partner, Today, Doc, Now, "wh");
        unit.DeliveredOn.ShouldBe(Today);
        e.Kind.ShouldBe(UnitEventKind.Delivered);
        Should.Throw<DomainException>(() => Units()[0].MarkDelivered(Partner, Today, Doc, Now, "wh")).Code.ShouldBe("Units.NotThePartners");
    }

    [Fact]
    public void A_unit_leaves_only_the_warehouse_it_is_in()
    {
        var unit = Units()[0];
        Should.Throw<DomainException>(() => unit.Ship(Jakarta, Partner, null, Doc, Now, "wh")).Code.ShouldBe("Units.WrongWarehouse");
        Should.Throw<DomainException>(() => unit.Transfer(Jakarta, Central, null, Doc, Now, "wh")).Code.ShouldBe("Units.WrongWarehouse");
        Should.Throw<DomainException>(() => unit.SellOut(Jakarta, Customer, Today, Doc, Now, "wh")).Code.ShouldBe("Units.WrongWarehouse");
        Should.Throw<DomainException>(() => unit.Scrap(Jakarta, Doc, "rusak", Now, "wh")).Code.ShouldBe("Units.WrongWarehouse");
        (unit.WarehouseId, unit.Status).ShouldBe((Central, UnitStatus.InStock));
    }

    [Fact]
    public void A_transfer_moves_the_unit_and_gives_it_to_the_target_warehouses_owner()
    {
        var unit = Units()[0];
        var e = unit.Transfer(Central, Jakarta, Partner, Doc, Now, "wh");
        (unit.WarehouseId, unit.OwnerPartnerId, e.Kind).ShouldBe((Jakarta, Partner, UnitEventKind.Transferred));
        unit.Transfer(Jakarta, Central, null, Doc, Now, "wh");
        (unit.WarehouseId, unit.OwnerPartnerId).ShouldBe((Central, null));
        Should.Throw<DomainException>(() => unit.Transfer(Central, Central, null, Doc, Now, "wh")).Code.ShouldBe("Stock.SameWarehouse");
    }

    [Fact]
    public void A_sell_out_marks_the_unit_sold_to_the_customer_on_the_day_and_it_cannot_be_sold_again()
    {
        var unit = Units()[0];
        unit.Transfer(Central, Jakarta, Partner, Doc, Now, "wh");
        var e = unit.SellOut(Jakarta, Customer, Today, Doc, Now, "dist");
        (unit.Status, unit.SoldOn, unit.CustomerId, unit.WarehouseId, unit.OwnerPartnerId).ShouldBe((UnitStatus.Sold, Today, Customer, null, Partner));
        (e.Kind, e.CustomerId, e.PartnerId, e.WarehouseId).ShouldBe((UnitEventKind.SoldOut, Customer, Partner, Jakarta));
        Should.Throw<DomainException>(() => unit.SellOut(Jakarta, Customer, Today, Doc, Now, "dist")).Code.ShouldBe("Units.AlreadySold");
        Should.Throw<DomainException>(() => unit.Transfer(Jakarta, Central, null, Doc, Now, "wh")).Code.ShouldBe("Units.AlreadySold");
    }

    [Fact]
    public void A_partner_returns_a_unit_it_has_or_sold_and_it_is_in_stock_again_without_its_sale()
    {
        var unit = Units()[0];
        unit.Ship(Central, Partner, null, Doc, Now, "wh");
        unit.MarkDelivered(Partner, Today, Doc, Now, "wh");
        var e = unit.Return(Partner, Central, null, Doc, Now, "fin", "salah kirim");
        (unit.Status, unit.WarehouseId, unit.OwnerPartnerId, unit.DeliveredOn).ShouldBe((UnitStatus.InStock, Central, null, null));
        (e.Kind, e.PartnerId, e.Note).ShouldBe((UnitEventKind.Returned, Partner, "salah kirim"));

        var sold = Units()[0];
        sold.Transfer(Central, Jakarta, Partner, Doc, Now, "wh");
        sold.SellOut(Jakarta, Customer, Today, Doc, Now, "dist");
        sold.Return(Partner, Jakarta, Partner, Doc, Now, "fin");
        (sold.Status, sold.CustomerId, sold.SoldOn, sold.WarehouseId).ShouldBe((UnitStatus.InStock, null, null, Jakarta));
    }

    [Fact]
    public void Only_the_partner_that_has_a_unit_returns_it_and_a_scrapped_unit_cannot_come_back()
    {
        var unit = Units()[0];
        unit.RefusalToReturn(Partner).ShouldBe("Units.NotThePartners"); // still the principal's
        Should.Throw<DomainException>(() => unit.Return(Partner, Central, null, Doc, Now, "fin")).Code.ShouldBe("Units.NotThePartners");
        unit.Scrap(Central, Doc, "rusak", Now, "wh");
        unit.RefusalToReturn(Partner).ShouldBe("Units.NotReturnable");
    }

    [Fact]
    public void A_scrapped_unit_leaves_the_warehouse_and_cannot_move_again()
    {
        var unit = Units()[0];
        var e = unit.Scrap(Central, Doc, "jatuh", Now, "wh");
        (unit.Status, unit.WarehouseId, e.Kind, e.Note, e.WarehouseId).ShouldBe((UnitStatus.Scrapped, null, UnitEventKind.Scrapped, "jatuh", Central));
        unit.RefusalToLeave(Central).ShouldBe("Units.NotInStock");
    }
}

/// <summary>Serials as typed, pasted or scanned, against the line's quantity and the tenant's units.</summary>
public class SerialEntryTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);
    private static readonly Guid Product = Guid.NewGuid(), Central = Guid.NewGuid();

    private static List<Unit> Units(int n = 4, Guid? product = null, string sku = "AC-05") =>
        UnitBatch.Create(product ?? Product, sku, "L1", Today, n, "{sku}-{n:4}", Central, 1, Today, DateTimeOffset.UtcNow, "test").Units;

    [Fact]
    public void Serials_split_on_new_lines_commas_semicolons_spaces_and_tabs_and_are_trimmed() =>
        SerialEntry.Split(" A-1\r\nA-2,A-3 ;\tA-4  A-5\n\n").ShouldBe(["A-1", "A-2", "A-3", "A-4", "A-5"]);

    [Fact]
    public void Nothing_typed_is_no_serials() => SerialEntry.Split("  \n ").ShouldBeEmpty();

    [Theory]
    [InlineData("https://demo.sidig.id/u/abcdefghjkmn", "abcdefghjkmn")]
    [InlineData("http://demo.localhost/u/ABCDEFGHJKMN?src=qr", "abcdefghjkmn")]
    [InlineData("abcdefghjkmn", "abcdefghjkmn")]
    [InlineData("AC-05-0001", null)]
    public void A_scanned_label_url_or_a_bare_code_gives_the_public_code(string token, string? code) => SerialEntry.CodeOf(token).ShouldBe(code);

    [Fact]
    public void The_count_must_equal_the_quantity()
    {
        var error = SerialEntry.Check(["A", "B"], 3, "Lines[0].Serials").ShouldHaveSingleItem();
        (error.Code, error.Field, error.Args[0], error.Args[1]).ShouldBe(("Units.SerialCount", "Lines[0].Serials", 2, 3m));
    }

    [Fact]
    public void A_serialised_quantity_must_be_whole() =>
        SerialEntry.Check(["A"], 1.5m, "f").Select(e => e.Code).ShouldContain("Units.QuantityNotWhole");

    [Fact]
    public void A_serial_twice_in_any_case_is_refused_by_name()
    {
        var error = SerialEntry.Check(["AC-1", "ac-1", "AC-2"], 3, "f").ShouldHaveSingleItem();
        (error.Code, error.Args[0]).ShouldBe(("Units.SerialDuplicate", "AC-1"));
    }

    [Fact]
    public void A_negative_quantity_a_write_off_counts_its_serials_too() => SerialEntry.Check(["A", "B"], -2, "f").ShouldBeEmpty();

    [Fact]
    public void Serials_labels_and_codes_map_to_their_units_whatever_the_case()
    {
        var units = Units();
        var (found, errors) = SerialEntry.Resolve([units[0].Serial.ToLowerInvariant(), $"https://demo.sidig.id/u/{units[1].PublicCode}", units[2].PublicCode],
            Product, units, _ => null, "f");
        errors.ShouldBeEmpty();
        found.ShouldBe([units[0], units[1], units[2]]);
    }

    [Fact]
    public void Unknown_serials_serials_of_another_product_and_a_unit_named_twice_are_each_named()
    {
        var units = Units();
        var other = Units(1, Guid.NewGuid(), "RC-10")[0];
        var (_, errors) = SerialEntry.Resolve(["NOPE-1", "NOPE-2", other.Serial, units[0].Serial, units[0].PublicCode], Product, [.. units, other], _ => null, "f");
        errors.Select(e => (e.Code, e.Args[0])).ShouldBe([
            ("Units.SerialUnknown", "NOPE-1, NOPE-2"), ("Units.SerialOtherProduct", other.Serial), ("Units.SerialDuplicate", units[0].Serial)]);
        errors.ShouldAllBe(e => e.Field == "f");
    }

    [Fact]
    public void The_moves_refusal_names_the_units_it_refuses()
    {
        var units = Units();
        units[1].Scrap(Central, new UnitDocument("Adjustment", null, "ADJ/1"), "x", DateTimeOffset.UtcNow, "t");
        var (_, errors) = SerialEntry.Resolve([units[0].Serial, units[1].Serial], Product, units, u => u.RefusalToLeave(Central), "f");
        var error = errors.ShouldHaveSingleItem();
        (error.Code, error.Field, error.Args[0]).ShouldBe(("Units.NotInStock", "f", units[1].Serial));
    }
}
