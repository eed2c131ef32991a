using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using OfficerTraining.Accounts;
using OfficerTraining.Web.Features.Account;

namespace OfficerTraining.Web.Hosting;

public static class SignIn
{
    /// <summary>ASP.NET Core Identity (hasher, lockout, security stamps) over the Marten account store, with cookies.
    /// Pages declare their roles with [Authorize]; command handlers check the actor again.</summary>
    public static void AddSignIn(this WebApplicationBuilder builder)
    {
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<AuthenticationStateProvider, RevalidatingAccountStateProvider>();
        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        var secure = SecureCookies(builder.Configuration, builder.Environment) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "ot.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = secure;
            o.LoginPath = "/account/login";
            o.AccessDeniedPath = "/account/access-denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
        });
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = secure;
        });
        builder.AddDataProtectionKeys();
        builder.Services.AddSingleton<SignInRateLimit>();
        builder.Services.AddAccounts().AddSignInManager();
        // Identity:PasswordHashIterations: PBKDF2 rounds for new hashes (Identity's default, 100,000, unless set). Only the
        // circuits benchmark lowers it, for its throwaway accounts, so that signing in 10,000 officers takes seconds.
        if (builder.Configuration.GetValue<int?>("Identity:PasswordHashIterations") is { } iterations)
            builder.Services.Configure<PasswordHasherOptions>(o => o.IterationCount = iterations);
        builder.Services.AddAuthorization();
    }

    /// <summary><c>Security:SecureCookies</c>: mark the sign-in, antiforgery and language cookies Secure even on a plain
    /// HTTP request (TLS ended at a proxy that is not configured in ForwardedHeaders). On by default outside
    /// Development; off, they are Secure only when the request came over HTTPS (the tests and `dotnet run` use HTTP).</summary>
    public static bool SecureCookies(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue("Security:SecureCookies", !environment.IsDevelopment());
}
