using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Sidig.Infrastructure.Persistence;
using Sidig.Web.Features.Account;

namespace Sidig.Tests.TestSupport;

/// <summary>Stands in for e-mail delivery: keeps every invitation and reset link the app sends, for the test to follow.
/// (The outbox path itself is covered by <c>AccountEmailTests</c>.)</summary>
public sealed class CapturedAccountLinks : IAccountLinkSender
{
    private readonly ConcurrentQueue<AccountLink> _links = new();

    public Task SendAsync(AccountLink link, SidigDbContext db, CancellationToken ct = default)
    {
        _links.Enqueue(link);
        return Task.CompletedTask;
    }

    public IReadOnlyList<AccountLink> To(string email) =>
        _links.Where(l => string.Equals(l.Email, email, StringComparison.OrdinalIgnoreCase)).ToList();
}

/// <summary>The real app whose account links (invitations, password resets) are captured instead of logged.</summary>
public abstract class LinkCapturingApp : SidigAppFactory
{
    public CapturedAccountLinks Links { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<IAccountLinkSender>(Links));
    }
}

public sealed class LinkCapturingSqliteApp : LinkCapturingApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class LinkCapturingPostgresApp : LinkCapturingApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

public static class AccountForms
{
    /// <summary>Switches the client's UI language (cookie), so assertions can use the English texts.</summary>
    public static async Task<SidigClient> InEnglish(this SidigClient client)
    {
        var response = await client.Http.GetAsync("/culture?c=en-US&back=/account/login");
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException("Language switch failed");
        return client;
    }

    /// <summary>Path and query of an absolute account link, for a client bound to the link's host.</summary>
    public static string Local(string link) => new Uri(link).PathAndQuery;

    /// <summary>Posts the set-password form of an invitation or reset link, as the browser does.</summary>
    public static Task<HttpResponseMessage> SetPasswordAsync(this SidigClient client, string link, string password, string? confirm = null) =>
        client.PostFormAsync(Local(link), "set-password", new Dictionary<string, string>
        {
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = confirm ?? password,
        });

    public static async Task<string> PageTextAsync(this SidigClient client, string url) => await (await client.Http.GetAsync(url)).TextAsync();

    /// <summary>
    /// Posts the set-password form of a link whose page no longer shows it (used or broken link), as a browser tab
    /// opened earlier would; the antiforgery token comes from another page of the same client.
    /// </summary>
    public static async Task<HttpResponseMessage> ResubmitSetPasswordAsync(this SidigClient client, string link, string password)
    {
        var antiforgery = SidigClient.Antiforgery(await client.Http.GetStringAsync("/account/forgot-password"));
        return await client.Http.PostAsync(Local(link), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = antiforgery,
            ["_handler"] = "set-password",
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        }));
    }

    /// <summary>The page's text with HTML entities decoded (Razor encodes e.g. dashes).</summary>
    public static async Task<string> TextAsync(this HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
}
