using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;
using OfficerTraining.Web.Components;
using OfficerTraining.Web.Features.Account;
using OfficerTraining.Web.Features.Certificates.Verification;
using OfficerTraining.Web.Features.Officers;

namespace OfficerTraining.Web.Hosting;

public static class UserInterface
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en-US")];

    public static void AddUserInterface(this WebApplicationBuilder builder)
    {
        // A hall's Wi-Fi blip drops hundreds of exam circuits at once: keep them all to resume (the default keeps 100 and
        // makes the rest reload). At ~270 KB of managed memory an exam circuit (the circuits benchmark), 5,000 kept cost
        // about 1.3 GB.
        builder.Services.AddRazorComponents().AddInteractiveServerComponents(o =>
        {
            o.DisconnectedCircuitMaxRetained = builder.Configuration.GetValue("Circuits:DisconnectedMaxRetained", 5_000);
            o.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(3);
        });
        // Chinese text as UTF-8, not as &#x...; entities: pages are readable in the source and a third the size.
        builder.Services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        builder.Services.AddMudServices();
        builder.Services.AddVerificationRateLimit();
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = o.SupportedUICultures = Cultures;
            // Only the user's own choice (a cookie) changes the language; the browser's Accept-Language does not.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
    }

    public static void UseUserInterface(this WebApplication app)
    {
        app.UseProxies();          // first: everything after sees the real client address and scheme
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseRateLimiter(); // only /verify is limited here: see VerificationRateLimit (sign-in: SignInRateLimit)
        app.UseStatusCodePagesWithReExecute("/not-found");
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
    }

    public static void MapEndpoints(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapHealthChecks("/healthz").AllowAnonymous();
        app.MapBenchmarkDiagnostics(); // only with Benchmarks:Diagnostics=true
        app.MapAccountEndpoints();
        app.MapOfficerPhotoEndpoints();
        app.MapVerificationEndpoints();  // /verify/{token} and its photo, outside the router
        app.MapBenchmarkEndpoints();   // only with Benchmarks:Endpoints=true
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}
