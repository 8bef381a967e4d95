using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Tests.TestSupport;

/// <summary>
/// The real app with its e-mail going to a real SMTP listener on loopback (no TLS, no login) and a fake clock
/// (<see cref="Clock"/>, 20 Nov 2026 01:00 UTC = 08:00 WIB at the start) that tests move forward.
/// </summary>
public abstract class SmtpApp : SidigAppFactory
{
    public static readonly DateTimeOffset Start = new(2026, 11, 20, 1, 0, 0, TimeSpan.Zero);

    public SmtpListener Smtp { get; } = new();
    public FakeTimeProvider Clock { get; } = new(Start);

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Sidig:Smtp:Host"] = "127.0.0.1",
        ["Sidig:Smtp:Port"] = Smtp.Port.ToString(),
        ["Sidig:Smtp:UseTls"] = "None",
        ["Sidig:Smtp:FromAddress"] = "tagihan@sidig.test",
        ["Sidig:Smtp:FromName"] = "Sidig Uji",
        ["Sidig:Smtp:TimeoutSeconds"] = "10",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Smtp.Dispose();
    }
}

public sealed class SmtpSqliteApp : SmtpApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SmtpPostgresApp : SmtpApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

/// <summary>The embedded default: no SMTP host, so e-mail goes to a pickup folder (a temporary one here).</summary>
public sealed class PickupSqliteApp : SidigAppFactory
{
    public string PickupDirectory { get; } = Path.Combine(Path.GetTempPath(), $"sidig-pickup-{Guid.NewGuid():N}");

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Sidig:Smtp:PickupDirectory"] = PickupDirectory };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(PickupDirectory)) Directory.Delete(PickupDirectory, recursive: true);
    }
}

/// <summary>
/// The real app with WhatsApp/SMS going to a real HTTP gateway stand-in on loopback (<see cref="Gateway"/>) and a fake
/// clock, so a test can move past the retry backoff.
/// </summary>
public abstract class PhoneGatewayApp : SidigAppFactory
{
    public const string Token = "gateway-token-uji";

    public PhoneGatewayListener Gateway { get; } = new();
    public FakeTimeProvider Clock { get; } = new(SmtpApp.Start);

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Sidig:PhoneMessages:Transport"] = "HttpGateway",
        ["Sidig:PhoneMessages:Url"] = Gateway.Url,
        ["Sidig:PhoneMessages:Token"] = Token,
        ["Sidig:PhoneMessages:TimeoutSeconds"] = "10",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Gateway.DisposeAsync();
    }
}

public sealed class PhoneGatewaySqliteApp : PhoneGatewayApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PhoneGatewayPostgresApp : PhoneGatewayApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
