using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sidig.Domain.Catalog;
using Sidig.Domain.Units;
using Sidig.Domain.Warranty;
using Sidig.Infrastructure.Reference;
using Sidig.Infrastructure.Persistence;
using Sidig.Web.Features.Units;

namespace Sidig.Tests.TestSupport;

/// <summary>Units with a warranty policy, and the public registration form posted as a phone's browser would.</summary>
public sealed partial class WarrantyBuilders(SidigAppFactory app, string tenant = "demo")
{
    private readonly Builders _make = new(app, tenant);

    /// <summary><paramref name="count"/> new units of a new serialised product under a new policy, made through the real batch handler.</summary>
    public async Task<List<Unit>> Units(int count = 1, bool receiptRequired = false, WarrantyStart start = WarrantyStart.Registration, int months = 12,
        int? maintenanceMonths = null)
    {
        var product = await _make.Product(serialised: true);
        var warehouse = await _make.Warehouse();
        await app.InTenant(tenant, async sp =>
        {
            await using var db = await sp.GetRequiredService<IDbContextFactory<SidigDbContext>>().CreateDbContextAsync();
            var policy = WarrantyPolicy.Create(Builders.Unique("Garansi"), months, start, 0, "Kerusakan pabrik.\nSuku cadang dan jasa.", "Factory defects.",
                receiptRequired, maintenanceMonths: maintenanceMonths);
            db.WarrantyPolicies.Add(policy);
            await db.SaveChangesAsync();
            await db.Products.Where(p => p.Id == product.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.WarrantyPolicyId, policy.Id));
        });
        var batch = await app.Handle<CreateUnitBatchHandler, Sidig.Domain.Common.Result<CreatedUnitBatch>>(tenant, "warehouse@demo.test".Replace("demo", tenant),
            h => h.HandleAsync(new CreateUnitBatch(product.Id, Builders.Unique("L"), new DateOnly(2026, 1, 10), count, "{sku}-{n:5}", warehouse.Id)));
        if (!batch.Succeeded) throw new InvalidOperationException(string.Join(", ", batch.Errors.Select(e => e.Code)));
        return await _make.Query(db => db.Units.Where(u => u.BatchId == batch.Value!.Id).OrderBy(u => u.Serial).ToListAsync());
    }

    /// <summary>
    /// A registration of <paramref name="unit"/> submitted on <paramref name="on"/> (the warranty start for policies that start on
    /// registration), straight through the domain: approved, pending (flagged) or rejected.
    /// </summary>
    public Task<WarrantyRegistration> Registration(Unit unit, DateOnly on, RegistrationStatus status = RegistrationStatus.Approved,
        string? phone = null, string? email = null, string name = "Budi Santoso") =>
        app.InTenant(tenant, async sp =>
        {
            await using var db = await sp.GetRequiredService<IDbContextFactory<SidigDbContext>>().CreateDbContextAsync();
            var tracked = await db.Units.SingleAsync(u => u.Id == unit.Id);
            var madeOn = await db.UnitBatches.Where(b => b.Id == tracked.BatchId).Select(b => b.ProducedOn).SingleAsync();
            var input = new RegistrationInput(name, phone ?? "0812-3456-7890", email, on, null, "Toko Elektronik Jaya", "32", "32.73", true);
            var at = new DateTimeOffset(on.ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero);
            var flags = status == RegistrationStatus.Approved ? RegistrationFlags.None : RegistrationFlags.DuplicateUnit;
            var (registration, registered) = WarrantyRegistration.Submit(tracked, madeOn, input, null, null, flags, Guid.NewGuid(), RegistrationSource.Customer,
                null, on, at, sp.GetRequiredService<IndonesianAreas>());
            if (status == RegistrationStatus.Rejected) registration.Reject("Nota tidak terbaca", "cs@demo.test", at);
            db.WarrantyRegistrations.Add(registration);
            if (registered is not null) db.UnitEvents.Add(registered);
            await db.SaveChangesAsync();
            return registration;
        });

    [GeneratedRegex("name=\"Input.SubmissionKey\" value=\"([^\"]+)\"")]
    private static partial Regex KeyPattern();

    public static Dictionary<string, string> ValidFields(string name = "Budi Santoso") => new()
    {
        ["Input.Name"] = name,
        ["Input.Phone"] = "0812-3456-7890",
        ["Input.Email"] = "budi@example.test",
        ["Input.PurchaseDate"] = "2026-11-20",
        ["Input.SellerName"] = "Toko Elektronik Jaya",
        ["Input.ProvinceCode"] = "32",
        ["Input.RegencyCode"] = "32.73",
        ["Input.Consent"] = "true",
    };

    /// <summary>Opens the form (antiforgery token and one-time key from the page), then posts it as multipart with an optional receipt.</summary>
    public static async Task<(HttpResponseMessage Response, string Html)> Post(SidigClient client, string code, IDictionary<string, string> fields,
        byte[]? receipt = null, string receiptName = "nota.jpg", string? submissionKey = null)
    {
        var url = $"{UnitEndpoints.ScanPath(code)}/register";
        var page = await client.Http.GetStringAsync(url);
        var form = Form(page, fields, receipt, receiptName, submissionKey);
        var response = await client.Http.PostAsync(url, form);
        return (response, await response.Content.ReadAsStringAsync());
    }

    public static string SubmissionKey(string page) => KeyPattern().Match(page).Groups[1].Value;

    public static MultipartFormDataContent Form(string page, IDictionary<string, string> fields, byte[]? receipt, string receiptName = "nota.jpg",
        string? submissionKey = null)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(SidigClient.Antiforgery(page)), "__RequestVerificationToken" },
            { new StringContent("register-warranty"), "_handler" },
            { new StringContent(submissionKey ?? SubmissionKey(page)), "Input.SubmissionKey" },
        };
        foreach (var (k, v) in fields) form.Add(new StringContent(v), k);
        if (receipt is not null)
        {
            var file = new ByteArrayContent(receipt);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "Receipt", receiptName);
        }
        return form;
    }
}
