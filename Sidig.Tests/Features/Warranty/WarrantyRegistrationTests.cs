using System.Net;
using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Common;
using Sidig.Domain.Units;
using Sidig.Domain.Warranty;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Units;
using Sidig.Web.Features.Warranty;

namespace Sidig.Tests.Features.Warranty;

/// <summary>The public warranty registration form, end to end over HTTP (antiforgery, multipart, the real database), and the review queue.</summary>
public abstract class WarrantyRegistrationTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    private const string Service = "cs@demo.test";
    private readonly WarrantyBuilders _warranty = new(app);
    private readonly Builders _make = new(app);

    private Task<List<WarrantyRegistration>> RegistrationsOf(Guid unitId) =>
        _make.Query(db => db.WarrantyRegistrations.Where(r => r.UnitId == unitId).ToListAsync());

    private Task<Unit> Reload(Guid unitId) => _make.Query(db => db.Units.SingleAsync(u => u.Id == unitId));

    private Task<Result> Decide(Guid id, bool approve, string? reason = null, string email = Service) =>
        app.Handle<DecideRegistrationHandler, Result>("demo", email, h => h.HandleAsync(new DecideRegistration(id, approve, reason, "http://demo.localhost/")));

    [Fact]
    public async Task A_buyer_registers_on_the_public_form_and_the_warranty_starts_that_day()
    {
        var unit = (await _warranty.Units()).Single();
        using var phone = app.Client("demo");

        var (response, html) = await WarrantyBuilders.Post(phone, unit.PublicCode, WarrantyBuilders.ValidFields());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("data-testid=\"register-done\" data-status=\"Approved\"");
        var registration = (await RegistrationsOf(unit.Id)).Single();
        registration.Status.ShouldBe(RegistrationStatus.Approved);
        registration.Phone.ShouldBe("+6281234567890");
        registration.RegencyCode.ShouldBe("32.73");
        var registered = await Reload(unit.Id);
        registered.RegisteredOn.ShouldNotBeNull();
        registered.CustomerId.ShouldBe(registration.CustomerId);
        (await _make.Query(db => db.Customers.SingleAsync(c => c.Id == registration.CustomerId))).PhoneKey.ShouldBe("6281234567890");
        (await _make.Query(db => db.UnitEvents.CountAsync(e => e.UnitId == unit.Id && e.Kind == UnitEventKind.Registered))).ShouldBe(1);
        var scan = await phone.Http.GetStringAsync(UnitEndpoints.ScanPath(unit.PublicCode));
        scan.ShouldContain("data-state=\"Active\"");
        scan.ShouldNotContain("data-testid=\"scan-register\"");
    }

    [Fact]
    public async Task A_double_click_or_a_reload_of_the_same_form_makes_one_registration()
    {
        var unit = (await _warranty.Units()).Single();
        using var phone = app.Client("demo");
        var url = $"{UnitEndpoints.ScanPath(unit.PublicCode)}/register";
        var page = await phone.Http.GetStringAsync(url);

        // Two posts of the same form at once (a double click), then a third (a reload after the answer).
        var posts = await Task.WhenAll(
            phone.Http.PostAsync(url, WarrantyBuilders.Form(page, WarrantyBuilders.ValidFields(), null)),
            phone.Http.PostAsync(url, WarrantyBuilders.Form(page, WarrantyBuilders.ValidFields(), null)));
        var again = await phone.Http.PostAsync(url, WarrantyBuilders.Form(page, WarrantyBuilders.ValidFields(), null));

        foreach (var r in posts.Append(again))
            (await r.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"register-done\"");
        (await RegistrationsOf(unit.Id)).Count.ShouldBe(1);
        (await _make.Query(db => db.UnitEvents.CountAsync(e => e.UnitId == unit.Id && e.Kind == UnitEventKind.Registered))).ShouldBe(1);
    }

    public static TheoryData<string, string, string> HostileFields => new()
    {
        { "Input.Name", "<script>alert('x')</script>", "error-Name" },
        { "Input.Name", new string('A', 100_000), "error-Name" },
        { "Input.Phone", "12345", "error-Phone" },
        { "Input.Phone", "+1 415 555 0100", "error-Phone" },
        { "Input.Email", "budi@", "error-Email" },
        { "Input.PurchaseDate", "2099-01-01", "error-PurchaseDate" },
        { "Input.PurchaseDate", "2025-01-01", "error-PurchaseDate" }, // before the unit was made
        { "Input.SellerName", "<img src=x onerror=alert(1)>", "error-SellerName" },
        { "Input.RegencyCode", "31.71", "error-RegencyCode" }, // Jakarta Pusat is not in Jawa Barat
        { "Input.Consent", "false", "error-Consent" },
    };

    [Theory]
    [MemberData(nameof(HostileFields))]
    public async Task Bad_or_hostile_input_gets_a_clear_message_next_to_its_field_and_stores_nothing(string field, string value, string errorId)
    {
        var unit = (await _warranty.Units()).Single();
        using var phone = app.Client("demo");
        var fields = WarrantyBuilders.ValidFields();
        fields[field] = value;

        var (response, html) = await WarrantyBuilders.Post(phone, unit.PublicCode, fields);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain($"data-testid=\"{errorId}\"");
        html.ShouldContain("data-testid=\"register-errors\"");
        html.ShouldNotContain("<script>alert");
        html.ShouldNotContain("<img src=x");
        (await RegistrationsOf(unit.Id)).ShouldBeEmpty();
        (await Reload(unit.Id)).RegisteredOn.ShouldBeNull();
    }

    public static TheoryData<string, string> BadReceipts => new()
    {
        { "zip", "Registration.ReceiptType" },
        { "truncated", "Registration.ReceiptUnreadable" },
        { "tiny", "Registration.ReceiptTooSmall" },
        { "none", "Registration.ReceiptRequired" },
        { "big", "Registration.ReceiptTooLarge" },
    };

    [Theory]
    [MemberData(nameof(BadReceipts))]
    public async Task A_receipt_that_is_not_a_readable_photo_of_a_sensible_size_is_refused(string kind, string code)
    {
        var unit = (await _warranty.Units(receiptRequired: true)).Single();
        using var phone = app.Client("demo");
        byte[]? receipt = kind switch
        {
            "zip" => TestImages.Zip,
            "truncated" => TestImages.Jpeg, // a JPEG header and nothing else
            "tiny" => TestImages.Photo(50, 40),
            "big" => TestImages.PngOfSize(ReceiptPhoto.MaxBytes + 10),
            _ => null,
        };

        var (_, html) = await WarrantyBuilders.Post(phone, unit.PublicCode, WarrantyBuilders.ValidFields(), receipt);

        html.ShouldContain("data-testid=\"error-Receipt\"");
        WebUtility.HtmlDecode(html).ShouldContain(Localized(code));
        (await RegistrationsOf(unit.Id)).ShouldBeEmpty();
    }

    private static string Localized(string code) => new System.Resources.ResourceManager("Sidig.Web.Resources.SharedResource", typeof(Program).Assembly)
        .GetString(code, new System.Globalization.CultureInfo("id-ID"))!;

    [Fact]
    public async Task A_30_MB_upload_is_answered_with_a_friendly_page_and_stores_nothing()
    {
        var unit = (await _warranty.Units(receiptRequired: true)).Single();
        using var phone = app.Client("demo");

        var (response, html) = await WarrantyBuilders.Post(phone, unit.PublicCode, WarrantyBuilders.ValidFields(), TestImages.PngOfSize(30 * 1024 * 1024));

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        html.ShouldContain("data-testid=\"public-limit\"");
        html.ShouldNotContain("Exception");
        (await RegistrationsOf(unit.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_post_without_the_forms_antiforgery_token_is_refused_and_stores_nothing()
    {
        var unit = (await _warranty.Units()).Single();
        using var phone = app.Client("demo");
        var form = new MultipartFormDataContent { { new StringContent("register-warranty"), "_handler" }, { new StringContent(Guid.NewGuid().ToString()), "Input.SubmissionKey" } };
        foreach (var (k, v) in WarrantyBuilders.ValidFields()) form.Add(new StringContent(v), k);

        var response = await phone.Http.PostAsync($"{UnitEndpoints.ScanPath(unit.PublicCode)}/register", form);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await RegistrationsOf(unit.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task With_a_required_receipt_the_registration_waits_for_customer_service_who_approve_it()
    {
        var unit = (await _warranty.Units(receiptRequired: true)).Single();
        using var phone = app.Client("demo");

        var (_, html) = await WarrantyBuilders.Post(phone, unit.PublicCode, WarrantyBuilders.ValidFields(), TestImages.Photo());

        html.ShouldContain("data-status=\"Pending\"");
        (await Reload(unit.Id)).RegisteredOn.ShouldBeNull();
        (await phone.Http.GetStringAsync(UnitEndpoints.ScanPath(unit.PublicCode))).ShouldContain("data-testid=\"scan-registration-pending\"");
        var queue = await app.Handle<ListRegistrationsHandler, Result<RegistrationList>>("demo", Service, h => h.HandleAsync(new ListRegistrations(Search: unit.Serial)));
        var item = queue.Value!.Items.Single();
        item.HasReceipt.ShouldBeTrue();

        using var cs = await app.Client("demo").SignedInAs(Service);
        var photo = await cs.Http.GetAsync($"/warranty/registrations/{item.Id}/receipt");
        photo.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");
        (await Decide(item.Id, approve: true)).Errors.ShouldBeEmpty();

        var registration = (await RegistrationsOf(unit.Id)).Single();
        registration.Status.ShouldBe(RegistrationStatus.Approved);
        (await Reload(unit.Id)).RegisteredOn.ShouldBe(registration.RegisteredOn);
        (await _make.Query(db => db.OutboxMessages.CountAsync(m => m.Kind == DecideRegistrationHandler.EmailKind && m.To == "budi@example.test"
            && m.Body.Contains(registration.Token)))).ShouldBe(1);
        (await _make.Query(db => db.OutboxMessages.CountAsync(m => m.Kind == DecideRegistrationHandler.EmailKind && m.To == "+6281234567890"
            && m.Channel == "whatsapp" && m.Body.Contains(registration.Token)))).ShouldBe(1);
        (await Decide(item.Id, approve: false, "again")).Errors.Single().Code.ShouldBe("Registration.NotPending");
    }

    [Fact]
    public async Task A_second_registration_of_a_registered_unit_is_flagged_for_review_not_accepted()
    {
        var unit = (await _warranty.Units()).Single();
        using var first = app.Client("demo");
        await WarrantyBuilders.Post(first, unit.PublicCode, WarrantyBuilders.ValidFields());
        var firstDate = (await Reload(unit.Id)).RegisteredOn;
        using var second = app.Client("demo");
        var fields = WarrantyBuilders.ValidFields("Siti Rahma");
        fields["Input.Phone"] = "+62 813 1111 2222";

        // The scan page no longer offers registration; the form still takes it, as a case for review.
        var (_, html) = await WarrantyBuilders.Post(second, unit.PublicCode, fields);

        html.ShouldContain("data-status=\"Pending\"");
        var again = (await RegistrationsOf(unit.Id)).Single(r => r.Name == "Siti Rahma");
        again.Flags.ShouldBe(RegistrationFlags.DuplicateUnit);
        var flagged = await app.Handle<ListRegistrationsHandler, Result<RegistrationList>>("demo", Service,
            h => h.HandleAsync(new ListRegistrations(FlaggedOnly: true, Search: unit.Serial)));
        flagged.Value!.Items.Single().Id.ShouldBe(again.Id);
        var details = await app.Handle<GetRegistrationHandler, Result<RegistrationDetails>>("demo", Service, h => h.HandleAsync(again.Id));
        details.Value!.Others.Single().Name.ShouldBe("Budi Santoso");

        (await Decide(again.Id, approve: false, null)).Errors.Single().Code.ShouldBe("Registration.ReasonRequired");
        (await Decide(again.Id, approve: false, "Nota tidak sesuai")).Errors.ShouldBeEmpty();
        var rejected = (await RegistrationsOf(unit.Id)).Single(r => r.Id == again.Id);
        rejected.Status.ShouldBe(RegistrationStatus.Rejected);
        rejected.RejectReason.ShouldBe("Nota tidak sesuai");
        (await Reload(unit.Id)).RegisteredOn.ShouldBe(firstDate);
    }

    [Fact]
    public async Task A_buyer_outside_the_territory_of_the_partner_holding_the_unit_is_flagged()
    {
        var unit = (await _warranty.Units()).Single();
        var partner = await _make.Partner(province: "51"); // Bali only
        await _make.Query(db => db.Units.Where(u => u.Id == unit.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.OwnerPartnerId, partner.Id)));
        using var phone = app.Client("demo");

        await WarrantyBuilders.Post(phone, unit.PublicCode, WarrantyBuilders.ValidFields()); // bought in Bandung, Jawa Barat

        var registration = (await RegistrationsOf(unit.Id)).Single();
        registration.Flags.ShouldBe(RegistrationFlags.OutsideTerritory);
        registration.Status.ShouldBe(RegistrationStatus.Pending);
    }

    [Fact]
    public async Task The_warranty_card_is_a_pdf_in_bahasa_indonesia_with_the_period_and_the_units_qr_code()
    {
        var unit = (await _warranty.Units(months: 24)).Single();
        using var phone = app.Client("demo");
        var (_, html) = await WarrantyBuilders.Post(phone, unit.PublicCode, WarrantyBuilders.ValidFields());
        var registration = (await RegistrationsOf(unit.Id)).Single();
        html.ShouldContain($"/w/{registration.Token}/kartu-garansi.pdf");

        var response = await phone.Http.GetAsync($"/w/{registration.Token}/kartu-garansi.pdf");

        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var text = PdfFiles.PageTexts(pdf).Single();
        text.ShouldContain("KARTU GARANSI");
        text.ShouldContain(unit.Serial);
        text.ShouldContain("Budi Santoso");
        text.ShouldContain("24 bulan");
        text.ShouldContain("Kerusakan pabrik.");
        PdfFiles.DecodeQrCodes(PdfFiles.RenderPng(pdf)).ShouldBe([$"http://demo.localhost{UnitEndpoints.ScanPath(unit.PublicCode)}"]);
    }

    [Fact]
    public async Task Codes_cards_receipts_and_the_queue_stay_inside_their_tenant()
    {
        var unit = (await _warranty.Units(receiptRequired: true)).Single();
        using var demo = app.Client("demo");
        await WarrantyBuilders.Post(demo, unit.PublicCode, WarrantyBuilders.ValidFields(), TestImages.Photo());
        var registration = (await RegistrationsOf(unit.Id)).Single();
        (await Decide(registration.Id, approve: true)).Errors.ShouldBeEmpty();

        using var other = app.Client("other");
        var form = await other.Http.GetStringAsync($"{UnitEndpoints.ScanPath(unit.PublicCode)}/register");
        form.ShouldContain("data-testid=\"register-unknown\"");
        form.ShouldNotContain(unit.Serial);
        (await other.Http.GetAsync($"/w/{registration.Token}/kartu-garansi.pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var otherCs = await app.Client("other").SignedInAs("cs@other.test");
        (await otherCs.Http.GetAsync($"/warranty/registrations/{registration.Id}/receipt")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var otherQueue = await app.Handle<ListRegistrationsHandler, Result<RegistrationList>>("other", "cs@other.test",
            h => h.HandleAsync(new ListRegistrations(Status: null)));
        otherQueue.Value!.Items.ShouldNotContain(i => i.Id == registration.Id);
        (await app.Handle<DecideRegistrationHandler, Result>("other", "cs@other.test",
            h => h.HandleAsync(new DecideRegistration(registration.Id, false, "x", "http://other.localhost/")))).Errors.Single().Code.ShouldBe("Registration.NotFound");

        // Within the tenant, only customer service and admins review.
        using var sales = await app.Client("demo").SignedInAs("sales@demo.test");
        (await sales.Http.GetAsync($"/warranty/registrations/{registration.Id}/receipt")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await app.Handle<ListRegistrationsHandler, Result<RegistrationList>>("demo", "sales@demo.test", h => h.HandleAsync(new ListRegistrations())))
            .Errors.Single().Code.ShouldBe("Access.Denied");
    }
}

public sealed class WarrantyRegistrationTests_Sqlite(SqliteApp app) : WarrantyRegistrationTests<SqliteApp>(app), IClassFixture<SqliteApp>;
public sealed class WarrantyRegistrationTests_Postgres(PostgresApp app) : WarrantyRegistrationTests<PostgresApp>(app), IClassFixture<PostgresApp>;

/// <summary>The app with tight public-form limits: 3 posts per unit, 5 per address.</summary>
public sealed class LimitedPublicFormsApp : SidigAppFactory
{
    public override Sidig.Infrastructure.Persistence.DatabaseProvider Provider => Sidig.Infrastructure.Persistence.DatabaseProvider.Sqlite;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Sidig:PublicForms:PostsPerAddress"] = "5",
        ["Sidig:PublicForms:PostsPerTarget"] = "3",
    };
}

public sealed class PublicFormLimitTests(LimitedPublicFormsApp app) : IClassFixture<LimitedPublicFormsApp>
{
    [Fact]
    public async Task Posting_a_units_form_too_often_gets_a_friendly_429_page_and_stores_nothing_while_reading_stays_open()
    {
        var units = await new WarrantyBuilders(app).Units(2);
        using var phone = app.Client("demo");
        var bad = WarrantyBuilders.ValidFields();
        bad["Input.Consent"] = "false";

        for (var i = 0; i < 3; i++)
            (await WarrantyBuilders.Post(phone, units[0].PublicCode, bad)).Response.StatusCode.ShouldBe(HttpStatusCode.OK);

        var (limited, html) = await WarrantyBuilders.Post(phone, units[0].PublicCode, WarrantyBuilders.ValidFields());

        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter.ShouldNotBeNull();
        html.ShouldContain("data-testid=\"public-limit\"");
        html.ShouldContain("Terlalu banyak percobaan");
        (await new Builders(app).Query(db => db.WarrantyRegistrations.CountAsync(r => r.UnitId == units[0].Id))).ShouldBe(0);
        (await phone.Http.GetAsync(UnitEndpoints.ScanPath(units[0].PublicCode))).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The same address on another unit: two more posts are allowed (5 per address; the refused one took none), the next is not.
        (await WarrantyBuilders.Post(phone, units[1].PublicCode, bad)).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await WarrantyBuilders.Post(phone, units[1].PublicCode, WarrantyBuilders.ValidFields())).Html.ShouldContain("data-testid=\"register-done\"");
        (await WarrantyBuilders.Post(phone, units[1].PublicCode, WarrantyBuilders.ValidFields())).Response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }
}
