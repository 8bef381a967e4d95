using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Sidig.Infrastructure.Scans;
using Sidig.Web.Features.Units;

namespace Sidig.Tests.TestSupport;

/// <summary>The public scan page opened from a chosen client address, and a wait for the background scan writer.</summary>
public static class ScanRequests
{
    /// <summary>GET /u/{code} on a tenant's host as if the phone had <paramref name="clientAddress"/>; returns the page.</summary>
    public static async Task<string> Scan(this SidigAppFactory app, string code, string clientAddress, string tenant = "demo")
    {
        var context = await app.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Scheme = "http";
            c.Request.Host = new HostString($"{tenant}.localhost");
            c.Request.Path = UnitEndpoints.ScanPath(code);
            c.Connection.RemoteIpAddress = IPAddress.Parse(clientAddress);
        });
        context.Response.StatusCode.ShouldBe(StatusCodes.Status200OK);
        return await new StreamReader(context.Response.Body).ReadToEndAsync();
    }

    /// <summary>Waits until the app's scan writer has taken every queued scan (written or given up).</summary>
    public static async Task ScansWritten(this SidigAppFactory app)
    {
        var log = app.Services.GetRequiredService<ScanLog>();
        for (var i = 0; i < 300 && log.Pending > 0; i++) await Task.Delay(50);
        log.Pending.ShouldBe(0);
    }
}
