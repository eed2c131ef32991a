using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using OfficerTraining.Accounts;
using OfficerTraining.Web.Hosting;

namespace OfficerTraining.Web.Features.Account;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async (SignInManager<OfficerTraining.Accounts.Account> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("~/account/login");
        });

        // The language switch: remembers the choice in a cookie for a year and goes back to the page.
        app.MapGet("/culture/set", (string culture, string? redirectUri, HttpContext http) =>
        {
            if (UserInterface.Cultures.Any(c => c.Name == culture))
                http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            return TypedResults.LocalRedirect(IsLocal(redirectUri) ? redirectUri! : "~/");
        }).AllowAnonymous();
    }

    /// <summary>Only paths on this site, so a crafted link cannot send a user elsewhere after sign-in.</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
