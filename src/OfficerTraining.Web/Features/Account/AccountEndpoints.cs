using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using OfficerTraining.Accounts;
using OfficerTraining.Web.Hosting;

namespace OfficerTraining.Web.Features.Account;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // No form field is bound, so the framework would not check the token by itself: a page elsewhere could sign
        // a user out. Checked here.
        app.MapPost("/account/logout", async (SignInManager<OfficerTraining.Accounts.Account> signIn, IAntiforgery antiforgery, HttpContext http) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
            await signIn.SignOutAsync();
            return Results.LocalRedirect("~/account/login");
        });

        // The language switch: remembers the choice in a cookie for a year and goes back to the page.
        app.MapGet("/culture/set", (string culture, string? redirectUri, HttpContext http, IConfiguration configuration, IHostEnvironment environment) =>
        {
            if (UserInterface.Cultures.Any(c => c.Name == culture))
                http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions
                    {
                        Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true,
                        Secure = http.Request.IsHttps || SignIn.SecureCookies(configuration, environment),
                    });
            return TypedResults.LocalRedirect(IsLocal(redirectUri) ? redirectUri! : "~/");
        }).AllowAnonymous();
    }

    /// <summary>Only paths on this site, so a crafted link cannot send a user elsewhere after sign-in.</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
