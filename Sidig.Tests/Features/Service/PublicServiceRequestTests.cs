using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Service;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Units;

namespace Sidig.Tests.Features.Service;

/// <summary>The public service request from a scan page and the customer's ticket page, over HTTP on the real database.</summary>
public abstract partial class PublicServiceRequestTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    private readonly WarrantyBuilders _warranty = new(app);
    private readonly Builders _make = new(app);

    [GeneratedRegex("data-testid=\"service-number\"[^>]*>([^<]+)<")]
    private static partial Regex NumberPattern();

    private static Dictionary<string, string> Fields(string description = "AC tidak dingin, keluar air dari unit indoor.") => new()
    {
        ["Input.Type"] = nameof(TicketType.Repair),
        ["Input.Description"] = description,
        ["Input.Name"] = "Ratna Purnamasari",
        ["Input.Phone"] = "0812-3456-7890",
        ["Input.Consent"] = "true",
    };

    private static async Task<(HttpResponseMessage Response, string Html)> Post(SidigClient client, string code, IDictionary<string, string> fields,
        params byte[][] photos)
    {
        var url = $"{UnitEndpoints.ScanPath(code)}/service";
        var page = await client.Http.GetStringAsync(url);
        var form = new MultipartFormDataContent
        {
            { new StringContent(SidigClient.Antiforgery(page)), "__RequestVerificationToken" },
            { new StringContent("request-service"), "_handler" },
            { new StringContent(WarrantyBuilders.SubmissionKey(page)), "Input.SubmissionKey" },
        };
        foreach (var (k, v) in fields) form.Add(new StringContent(v), k);
        foreach (var photo in photos) form.Add(new ByteArrayContent(photo), "Photos", "foto.jpg");
        var response = await client.Http.PostAsync(url, form);
        return (response, await response.Content.ReadAsStringAsync());
    }

    private static Task<HttpResponseMessage> PostTicketForm(SidigClient client, string number, string formName, string page, IDictionary<string, string> fields)
    {
        var data = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = SidigClient.Antiforgery(page), ["_handler"] = formName };
        return client.Http.PostAsync($"/t/{number}", new FormUrlEncodedContent(data));
    }

    [Fact]
    public async Task A_customer_asks_for_service_with_photos_gets_a_number_and_follows_it_with_their_phone()
    {
        var unit = (await _warranty.Units()).Single();
        using var phone = app.Client("demo");

        var (_, html) = await Post(phone, unit.PublicCode, Fields(), TestImages.Photo(), TestImages.Photo(300, 400));

        html.ShouldContain("data-testid=\"service-done\"");
        var number = NumberPattern().Match(html).Groups[1].Value;
        number.ShouldMatch(@"^TK-\d{4}-\d{6}$");
        var ticket = await _make.Query(db => db.Tickets.Include(t => t.Attachments).SingleAsync(t => t.Number == number));
        ticket.UnitId.ShouldBe(unit.Id);
        ticket.Status.ShouldBe(TicketStatus.New);
        ticket.Attachments.Count.ShouldBe(2);

        var page = await phone.Http.GetStringAsync($"/t/{number}");
        page.ShouldNotContain("ticket-status"); // nothing shown before the phone is confirmed
        var shown = await (await PostTicketForm(phone, number, "ticket-confirm", page, new Dictionary<string, string> { ["Confirm.Phone"] = "+62 812 3456 7890" }))
            .Content.ReadAsStringAsync();
        shown.ShouldContain("data-status=\"New\"");

        // Staff see the ticket on the unit's page with the rest of its chain.
        var details = await app.Handle<GetUnitHandler, Sidig.Domain.Common.Result<UnitDetails>>("demo", "cs@demo.test", h => h.HandleAsync(new GetUnit(unit.Id)));
        details.Value!.Tickets.Single().Number.ShouldBe(number);
        using var cs = await app.Client("demo").SignedInAs("cs@demo.test");
        (await cs.Http.GetStringAsync($"/units/{unit.Id}")).ShouldContain(number);
    }

    [Fact]
    public async Task A_wrong_phone_or_a_guessed_number_says_only_not_found()
    {
        var unit = (await _warranty.Units()).Single();
        using var phone = app.Client("demo");
        var number = NumberPattern().Match((await Post(phone, unit.PublicCode, Fields())).Html).Groups[1].Value;

        using var stranger = app.Client("demo");
        foreach (var (n, p) in new[] { (number, "0813 0000 1111"), ("TK-2026-999999", "0812 3456 7890") })
        {
            var page = await stranger.Http.GetStringAsync($"/t/{n}");
            var html = await (await PostTicketForm(stranger, n, "ticket-confirm", page, new Dictionary<string, string> { ["Confirm.Phone"] = p }))
                .Content.ReadAsStringAsync();
            html.ShouldContain("data-testid=\"error-Phone\"");
            html.ShouldNotContain("ticket-status");
            html.ShouldNotContain("Purnamasari");
        }
        // Another tenant's host does not know the number at all.
        using var other = app.Client("other");
        var otherPage = await other.Http.GetStringAsync($"/t/{number}");
        (await (await PostTicketForm(other, number, "ticket-confirm", otherPage, new Dictionary<string, string> { ["Confirm.Phone"] = "0812 3456 7890" }))
            .Content.ReadAsStringAsync()).ShouldNotContain("ticket-status");
    }

    [Fact]
    public async Task Bad_input_stores_nothing_and_a_double_submit_makes_one_ticket()
    {
        var unit = (await _warranty.Units()).Single();
        using var phone = app.Client("demo");

        (await Post(phone, unit.PublicCode, Fields("<script>alert(1)</script>"))).Html.ShouldContain("data-testid=\"error-Description\"");
        (await Post(phone, unit.PublicCode, Fields(), TestImages.Zip)).Html.ShouldContain("data-testid=\"error-Photos\"");
        (await Post(phone, unit.PublicCode, Fields(), TestImages.Photo(), TestImages.Photo(), TestImages.Photo(), TestImages.Photo()))
            .Html.ShouldContain("data-testid=\"error-Photos\"");
        (await _make.Query(db => db.Tickets.CountAsync(t => t.UnitId == unit.Id))).ShouldBe(0);

        var url = $"{UnitEndpoints.ScanPath(unit.PublicCode)}/service";
        var page = await phone.Http.GetStringAsync(url);
        MultipartFormDataContent Form()
        {
            var form = new MultipartFormDataContent
            {
                { new StringContent(SidigClient.Antiforgery(page)), "__RequestVerificationToken" },
                { new StringContent("request-service"), "_handler" },
                { new StringContent(WarrantyBuilders.SubmissionKey(page)), "Input.SubmissionKey" },
            };
            foreach (var (k, v) in Fields()) form.Add(new StringContent(v), k);
            return form;
        }
        await Task.WhenAll(phone.Http.PostAsync(url, Form()), phone.Http.PostAsync(url, Form()));
        (await _make.Query(db => db.Tickets.CountAsync(t => t.UnitId == unit.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task Once_resolved_the_customer_rates_the_service_once()
    {
        var unit = (await _warranty.Units()).Single();
        using var phone = app.Client("demo");
        var number = NumberPattern().Match((await Post(phone, unit.PublicCode, Fields())).Html).Groups[1].Value;
        await _make.Query(async db =>
        {
            var ticket = await db.Tickets.SingleAsync(t => t.Number == number);
            ticket.MoveTo(TicketStatus.Resolved, "Diperbaiki", DateTimeOffset.UtcNow, ServiceTesting.Calendar);
            return await db.SaveChangesAsync();
        });
        var page = await phone.Http.GetStringAsync($"/t/{number}");
        var shown = await (await PostTicketForm(phone, number, "ticket-confirm", page, new Dictionary<string, string> { ["Confirm.Phone"] = "0812 3456 7890" }))
            .Content.ReadAsStringAsync();
        shown.ShouldContain("data-testid=\"ticket-stars\"");

        var rated = await (await PostTicketForm(phone, number, "ticket-rate", page, new Dictionary<string, string>
        {
            ["Rating.Phone"] = "0812 3456 7890", ["Rating.Stars"] = "4", ["Rating.Comment"] = "Teknisi datang tepat waktu.",
        })).Content.ReadAsStringAsync();

        rated.ShouldContain("data-testid=\"ticket-rated\"");
        var stored = await _make.Query(db => db.Tickets.SingleAsync(t => t.Number == number));
        stored.Rating.ShouldBe(4);
        stored.RatingComment.ShouldBe("Teknisi datang tepat waktu.");
        var again = await (await PostTicketForm(phone, number, "ticket-rate", page, new Dictionary<string, string>
        {
            ["Rating.Phone"] = "0812 3456 7890", ["Rating.Stars"] = "1",
        })).Content.ReadAsStringAsync();
        again.ShouldContain("data-testid=\"ticket-rated\"");
        (await _make.Query(db => db.Tickets.SingleAsync(t => t.Number == number))).Rating.ShouldBe(4);
    }
}

public sealed class PublicServiceRequestTests_Sqlite(SqliteApp app) : PublicServiceRequestTests<SqliteApp>(app), IClassFixture<SqliteApp>;
public sealed class PublicServiceRequestTests_Postgres(PostgresApp app) : PublicServiceRequestTests<PostgresApp>(app), IClassFixture<PostgresApp>;
