using System.Net;
using System.Text.RegularExpressions;

namespace Sidig.Tests.TestSupport;

/// <summary>An HttpClient bound to one host that can sign in through the real sign-in form.</summary>
public sealed partial class SidigClient(HttpClient http, CookieContainer cookies, Uri baseAddress) : IDisposable
{
    public IEnumerable<Cookie> Cookies() => cookies.GetCookies(baseAddress);

    public const string DemoPassword = "Sidig-Demo-2026";
    public HttpClient Http { get; } = http;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public static string Antiforgery(string html) =>
        WebUtility.HtmlDecode(TokenPattern().Match(html) is { Success: true } m ? m.Groups[1].Value
            : throw new InvalidOperationException("No antiforgery token on the page"));

    /// <summary>Posts a static-rendered Blazor form (the page is fetched first for its antiforgery token).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, string formName, IDictionary<string, string> fields)
    {
        var page = await Http.GetStringAsync(url);
        var data = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = Antiforgery(page),
            ["_handler"] = formName,
        };
        return await Http.PostAsync(url, new FormUrlEncodedContent(data));
    }

    public Task<HttpResponseMessage> SignInAsync(string email, string password = DemoPassword) =>
        PostFormAsync("/account/login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    /// <summary>Signs in and fails the test when the form did not redirect (i.e. sign-in failed).</summary>
    public async Task<SidigClient> SignedInAs(string email, string password = DemoPassword)
    {
        var response = await SignInAsync(email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in of {email} failed: {(int)response.StatusCode}");
        return this;
    }

    public void Dispose() => Http.Dispose();
}
