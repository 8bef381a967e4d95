using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sidig.Domain.Notifications;
using Sidig.Infrastructure.Notifications;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;

namespace Sidig.Tests.TestSupport;

/// <summary>Queues outbox messages and runs the real sender and reminder jobs of a tenant, as Hangfire would.</summary>
public static class OutboxKit
{
    public static async Task<Guid> TenantId(this SidigAppFactory app, string tenant)
    {
        using var scope = app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<TenantStore>().FindAsync(tenant))!.Id;
    }

    /// <summary>The sender job of the tenant; <paramref name="transport"/> replaces the configured one (to simulate failures).</summary>
    public static async Task RunSenderAsync(this SidigAppFactory app, string tenant, IEmailTransport? transport = null, CancellationToken ct = default,
        IPhoneMessageTransport? phoneTransport = null)
    {
        var id = tenant == "" ? Sidig.Domain.Common.TenantIds.Platform : await app.TenantId(tenant);
        await using var scope = app.Services.CreateAsyncScope();
        object[] replaced = [.. new object?[] { transport, phoneTransport }.OfType<object>()];
        var job = replaced.Length == 0
            ? scope.ServiceProvider.GetRequiredService<OutboxSenderJob>()
            : ActivatorUtilities.CreateInstance<OutboxSenderJob>(scope.ServiceProvider, replaced);
        await job.RunAsync(id, ct);
    }

    public static async Task RunRemindersAsync(this SidigAppFactory app, string tenant)
    {
        var id = await app.TenantId(tenant);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PaymentReminderJob>().RunAsync(id, CancellationToken.None);
    }

    public static Task<bool> EnqueueAsync(this SidigAppFactory app, string tenant, OutboxMessage message) =>
        app.InTenant(tenant, async sp =>
        {
            var db = sp.GetRequiredService<SidigDbContext>();
            var outbox = sp.GetRequiredService<Outbox>();
            var added = await outbox.EnqueueAsync(db, message);
            await outbox.SaveChangesAsync(db);
            return added;
        });

    public static Task<OutboxMessage?> FindMessageAsync(this SidigAppFactory app, string tenant, Guid id) =>
        app.InTenant(tenant, sp => sp.GetRequiredService<SidigDbContext>().OutboxMessages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id));

    public static Task<List<OutboxMessage>> MessagesAsync(this SidigAppFactory app, string tenant, Func<IQueryable<OutboxMessage>, IQueryable<OutboxMessage>> filter) =>
        app.InTenant(tenant, sp => filter(sp.GetRequiredService<SidigDbContext>().OutboxMessages.AsNoTracking()).ToListAsync());

    public static OutboxMessage Mail(string to, string? subject = null, DateTimeOffset? now = null, string kind = "Test") =>
        OutboxMessage.Email(kind, "test:" + Guid.NewGuid().ToString("N"), to, subject ?? "Uji " + Guid.NewGuid().ToString("N")[..6],
            "Isi pesan uji.\nBaris kedua.", null, now ?? DateTimeOffset.UtcNow);

    /// <summary>A WhatsApp text (or SMS) to <paramref name="phone"/> with a fresh dedup key.</summary>
    public static OutboxMessage Text(string phone, string? body = null, DateTimeOffset? now = null, string channel = OutboxChannels.WhatsApp,
        string kind = "Test") =>
        OutboxMessage.TextMessage(kind, "test:" + Guid.NewGuid().ToString("N"), phone, body ?? "Garansi Anda aktif " + Guid.NewGuid().ToString("N")[..6],
            now ?? DateTimeOffset.UtcNow, channel);

    /// <summary>A distinct Indonesian mobile number per call, as people type it (0812…); stored as +62812….</summary>
    public static string Mobile() => "0812" + Random.Shared.Next(10_000_000, 99_999_999);

    public static string Address(string name = "penerima") => $"{name}.{Guid.NewGuid().ToString("N")[..8]}@mitra.test";
}

/// <summary>A transport that hands the message to <paramref name="inner"/> and then fails as if the process died right
/// after the server accepted it (the outcome is unknown to the sender).</summary>
public sealed class CrashAfterSendTransport(IEmailTransport inner) : IEmailTransport
{
    public async Task SendAsync(OutboxMessage message, CancellationToken ct = default)
    {
        await inner.SendAsync(message, ct);
        throw new IOException("connection reset after DATA (simulated crash)");
    }
}
