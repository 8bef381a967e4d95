using Sidig.Domain.Catalog;
using Sidig.Domain.Common;
using Sidig.Domain.Units;
using Sidig.Domain.Warranty;
using Sidig.Infrastructure.Reference;
using Sidig.Tests.TestSupport;

namespace Sidig.Tests.Domain;

public sealed class WarrantyRegistrationRulesTests
{
    private static readonly IndonesianAreas Areas = new();
    private static readonly DateOnly Today = new(2026, 12, 2);
    private static readonly DateOnly Made = new(2026, 1, 5);
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 3, 0, 0, TimeSpan.Zero);

    private static RegistrationInput Valid => new("Budi Santoso", "0812 3456 7890", null, new DateOnly(2026, 11, 20), null, "Toko Jaya", "32", "32.73", true);

    private static WarrantyPolicy Policy(bool receipt = false, WarrantyStart start = WarrantyStart.Registration) =>
        WarrantyPolicy.Create("Garansi", 12, start, 0, "Kerusakan pabrik", "Factory defects", receipt);

    private static Unit NewUnit()
    {
        var (_, units, _) = UnitBatch.Create(Guid.NewGuid(), "SKU", "L1", new DateOnly(2026, 1, 5), 1, "{sku}-{n:4}", Guid.NewGuid(), 1, Today,
            new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero), "wh");
        return units.Single();
    }

    [Theory]
    [InlineData("0812-3456-7890", "+6281234567890")]
    [InlineData("+62 812 3456 7890", "+6281234567890")]
    [InlineData("62 812 3456 7890", "+6281234567890")]
    [InlineData("(0857) 1234.5678", "+6285712345678")]
    [InlineData("0812345678", "+62812345678")]
    public void Indonesian_mobile_numbers_as_people_type_them_become_one_form(string typed, string normalised) =>
        ContactRules.IndonesianMobile(typed).Value.ShouldBe(normalised);

    [Theory]
    [InlineData("021 555 1234")] // a Jakarta landline
    [InlineData("+1 415 555 0100")]
    [InlineData("0812")]
    [InlineData("08123456789012345")]
    [InlineData("0812-ABCD-7890")]
    [InlineData("080 1234 5678")]
    [InlineData("62+812345678")]
    public void Numbers_that_are_not_indonesian_mobiles_are_refused(string typed) =>
        ContactRules.IndonesianMobile(typed).Error.ShouldBe("Validation.MobileInvalid");

    [Fact]
    public void An_empty_form_names_every_missing_field_at_once()
    {
        var errors = WarrantyRegistration.Check(new RegistrationInput(null, null, null, null, null, null, null, null, false), null, Policy(receipt: true),
            new DateOnly(2026, 1, 5), Today, Areas);

        errors.Select(e => e.Field).ShouldBe(["Name", "Phone", "PurchaseDate", "SellerName", "ProvinceCode", "Receipt", "Consent"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Budi\u0000Santoso")]
    [InlineData("Budi <b>")]
    public void Names_with_markup_or_control_characters_are_refused(string name) =>
        WarrantyRegistration.Check(Valid with { Name = name }, null, Policy(), new DateOnly(2026, 1, 5), Today, Areas)
            .Single().ShouldBe(new Error("Validation.PlainText", "Name"));

    [Fact]
    public void A_purchase_in_the_future_or_before_the_unit_was_made_is_refused()
    {
        WarrantyRegistration.Check(Valid with { PurchaseDate = Today.AddDays(1) }, null, Policy(), new DateOnly(2026, 1, 5), Today, Areas)
            .Single().Code.ShouldBe("Registration.PurchaseDateFuture");
        WarrantyRegistration.Check(Valid with { PurchaseDate = new DateOnly(2026, 1, 4) }, null, Policy(), new DateOnly(2026, 1, 5), Today, Areas)
            .Single().Code.ShouldBe("Registration.PurchaseBeforeMade");
    }

    [Theory]
    [InlineData(0, 640, 480, "Registration.ReceiptRequired")]
    [InlineData(ReceiptPhoto.MaxBytes + 1, 640, 480, "Registration.ReceiptTooLarge")]
    [InlineData(1000, null, null, "Registration.ReceiptUnreadable")]
    [InlineData(1000, 9000, 400, "Registration.ReceiptDimensions")]
    [InlineData(1000, 150, 800, "Registration.ReceiptTooSmall")]
    [InlineData(1000, 640, 480, null)]
    public void A_receipt_photo_is_judged_by_its_bytes_size_and_pixels(int bytes, int? width, int? height, string? problem) =>
        ReceiptPhoto.Check(new ReceiptPhoto(bytes == 0 ? [] : TestImages.PngOfSize(bytes), width, height)).ShouldBe(problem);

    [Fact]
    public void A_file_that_is_not_an_image_is_refused_whatever_its_name() =>
        ReceiptPhoto.Check(new ReceiptPhoto(TestImages.Zip, 640, 480)).ShouldBe("Registration.ReceiptType");

    [Fact]
    public void A_clean_registration_without_a_receipt_rule_registers_the_unit_the_same_day()
    {
        var unit = NewUnit();
        var customer = Guid.NewGuid();

        var (registration, registered) = WarrantyRegistration.Submit(unit, Made, Valid, null, Policy(), RegistrationFlags.None, Guid.NewGuid(),
            RegistrationSource.Customer, customer, Today, Now, Areas);

        registration.Status.ShouldBe(RegistrationStatus.Approved);
        registration.Phone.ShouldBe("+6281234567890");
        WarrantyRegistration.IsWellFormedToken(registration.Token).ShouldBeTrue();
        registered!.Kind.ShouldBe(UnitEventKind.Registered);
        unit.RegisteredOn.ShouldBe(Today);
        unit.CustomerId.ShouldBe(customer);
        unit.Warranty(Policy(), Today).ShouldBe(new WarrantyView(WarrantyState.Active, Today, new DateOnly(2027, 12, 1), null));
    }

    [Theory]
    [InlineData(true, RegistrationFlags.None)]
    [InlineData(false, RegistrationFlags.DuplicateUnit)]
    [InlineData(false, RegistrationFlags.OutsideTerritory)]
    public void A_registration_that_needs_its_receipt_checked_or_is_flagged_waits_and_leaves_the_unit_unregistered(bool receiptRule, RegistrationFlags flags)
    {
        var unit = NewUnit();
        var receipt = new ReceiptPhoto(TestImages.PngOfSize(2000), 640, 480);

        var (registration, registered) = WarrantyRegistration.Submit(unit, Made, Valid, receipt, Policy(receiptRule), flags, Guid.NewGuid(),
            RegistrationSource.Customer, Guid.NewGuid(), Today, Now, Areas);

        registration.Status.ShouldBe(RegistrationStatus.Pending);
        registration.CustomerId.ShouldBeNull();
        registered.ShouldBeNull();
        unit.RegisteredOn.ShouldBeNull();
    }

    [Fact]
    public void Approval_registers_from_the_day_of_submission_and_a_decided_registration_cannot_be_decided_again()
    {
        var unit = NewUnit();
        var (registration, _) = WarrantyRegistration.Submit(unit, Made, Valid, new ReceiptPhoto(TestImages.PngOfSize(2000), 640, 480), Policy(receipt: true),
            RegistrationFlags.None, Guid.NewGuid(), RegistrationSource.Customer, null, Today, Now, Areas);

        registration.Approve(unit, Guid.NewGuid(), "cs", Now.AddDays(3));

        unit.RegisteredOn.ShouldBe(Today);
        Should.Throw<DomainException>(() => registration.Reject("late", "cs", Now.AddDays(4))).Code.ShouldBe("Registration.NotPending");
    }

    [Fact]
    public void A_rejection_needs_a_reason()
    {
        var unit = NewUnit();
        var (registration, _) = WarrantyRegistration.Submit(unit, Made, Valid, null, Policy(), RegistrationFlags.DuplicateUnit, Guid.NewGuid(),
            RegistrationSource.Customer, null, Today, Now, Areas);

        Should.Throw<DomainException>(() => registration.Reject(" ", "cs", Now)).Code.ShouldBe("Registration.ReasonRequired");
        registration.Status.ShouldBe(RegistrationStatus.Pending);
    }

    [Fact]
    public void A_second_owners_approved_registration_changes_the_customer_not_the_warranty_start()
    {
        var unit = NewUnit();
        WarrantyRegistration.Submit(unit, Made, Valid, null, Policy(), RegistrationFlags.None, Guid.NewGuid(), RegistrationSource.Customer, Guid.NewGuid(), Today, Now, Areas);
        var (second, _) = WarrantyRegistration.Submit(unit, Made, Valid with { Name = "Siti" }, null, Policy(), RegistrationFlags.DuplicateUnit, Guid.NewGuid(),
            RegistrationSource.Customer, null, Today.AddDays(30), Now.AddDays(30), Areas);
        var newOwner = Guid.NewGuid();

        second.Approve(unit, newOwner, "cs", Now.AddDays(31));

        unit.RegisteredOn.ShouldBe(Today);
        unit.CustomerId.ShouldBe(newOwner);
    }
}
