using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Sidig.Tests.TestSupport;

/// <summary>
/// A real HTTP server (Kestrel) on a free loopback port that stands in for a WhatsApp/SMS gateway: it records every
/// request it gets (Authorization header and JSON body) and answers with <see cref="StatusCode"/>.
/// </summary>
public sealed class PhoneGatewayListener : IAsyncDisposable
{
    public const string Path = "/v1/messages";

    private readonly WebApplication _app;

    public sealed record Received(string? Authorization, string? ContentType, JsonElement Body);

    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>What the gateway answers next; 202 Accepted unless a test says otherwise.</summary>
    public int StatusCode { get; set; } = StatusCodes.Status202Accepted;

    /// <summary>How long the gateway waits before answering (to run into the sender's timeout).</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    public string Url { get; }

    public PhoneGatewayListener()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost(Path, async (HttpRequest request) =>
        {
            using var body = await JsonDocument.ParseAsync(request.Body);
            Requests.Enqueue(new Received(request.Headers.Authorization, request.ContentType, body.RootElement.Clone()));
            if (Delay > TimeSpan.Zero) await Task.Delay(Delay);
            return StatusCode is >= 200 and < 300 ? Results.StatusCode(StatusCode) : Results.Text("gateway broken (test)", statusCode: StatusCode);
        });
        _app.StartAsync().GetAwaiter().GetResult();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Url = address.TrimEnd('/') + Path;
    }

    public IReadOnlyList<Received> To(string phone) =>
        Requests.Where(r => r.Body.TryGetProperty("to", out var to) && to.GetString() == phone).ToList();

    private int _disposed;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0) await _app.DisposeAsync();
    }
}
