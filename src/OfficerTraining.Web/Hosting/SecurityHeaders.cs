using System.Security.Cryptography;

namespace OfficerTraining.Web.Hosting;

/// <summary>
/// The browser-side defences sent with every response (pages, static files, errors, 429s): a Content-Security-Policy
/// that Blazor Server and MudBlazor run under, no sniffing, no framing, a same-origin referrer and no powerful
/// features. HSTS is <c>UseHsts</c> in UserInterface (outside Development, over HTTPS only).
/// </summary>
public static class SecurityHeaders
{
    const string NonceKey = "ot.csp-nonce";

    /// <summary>Scripts: our files only, plus the import map Blazor writes inline, which carries this request's nonce;
    /// an injected inline script or event handler is refused. Styles: MudBlazor and Blazor set style attributes and
    /// write &lt;style&gt; elements, so inline styles are allowed (a nonce would switch 'unsafe-inline' off). The circuit's
    /// WebSocket is same-origin ('self' covers ws/wss there). Images: our files and data: URIs (the favicon; QR codes
    /// are inline SVG). Lesson videos may be linked from another HTTPS site.</summary>
    public static string Policy(string nonce) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "media-src 'self' https:; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";

    /// <summary>This request's script nonce, for the one inline script we write (App.razor's import map).</summary>
    public static string Nonce(HttpContext http) => http.Items[NonceKey] as string ?? "";

    public static void UseSecurityHeaders(this WebApplication app) => app.Use((http, next) =>
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        http.Items[NonceKey] = nonce;
        // On starting, not now: the exception handler clears the headers of a failed response before its error page.
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = Policy(nonce);
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin"; // /verify/{token} links must not leak to linked sites
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
            return Task.CompletedTask;
        });
        return next(http);
    });
}
