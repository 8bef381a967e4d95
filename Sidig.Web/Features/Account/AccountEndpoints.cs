using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Sidig.Infrastructure.Identity;
using Sidig.Web.Hosting;
using Sidig.Web.Tenancy;

namespace Sidig.Web.Features.Account;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // POST only, with antiforgery, so a link or image on another site cannot sign a user out.
        app.MapPost("/account/logout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        });

        // Language switch: remembers the choice in a cookie and, for a signed-in user, on their account.
        app.MapGet("/culture", async (string c, string? back, HttpContext http, UserManager<AppUser> users) =>
        {
            if (!WebSetup.Cultures.Any(x => x.Name == c)) return Results.BadRequest();
            CultureCookie.Write(http, c);
            if (http.User.Identity?.IsAuthenticated == true && await users.GetUserAsync(http.User) is { } user && user.Language != c)
            {
                user.Language = c;
                await users.UpdateAsync(user);
            }
            return Results.LocalRedirect(LoginPageSafe(back));
        });
    }

    private static string LoginPageSafe(string? back) =>
        !string.IsNullOrEmpty(back) && back.StartsWith('/') && !back.StartsWith("//") && !back.StartsWith("/\\") ? back : "/";
}

public static class CultureCookie
{
    public static void Write(HttpContext http, string culture) =>
        http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
}
