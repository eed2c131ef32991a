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

    /// <summary>Scripts: our files only, plus, on a page, the import map Blazor writes inline, which carries that
    /// response's nonce (<see cref="Nonce"/>); an injected inline script or event handler is refused. Styles: MudBlazor
    /// and Blazor set style attributes and write &lt;style&gt; elements, so inline styles are allowed (a nonce would switch
    /// 'unsafe-inline' off). The circuit's WebSocket is same-origin ('self' covers ws/wss there). Images: our files and
    /// data: URIs (the favicon; QR codes are inline SVG). Lesson videos may be linked from another HTTPS site.</summary>
    static string Policy(string scripts) =>
        "default-src 'self'; " +
        $"script-src {scripts}; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "media-src 'self' https:; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";

    /// <summary>A response that writes no inline script (a static file, an image, the API, a 429): our files only.</summary>
    static readonly string OwnScriptsPolicy = Policy("'self'");

    /// <summary>For a document with no script at all (the public verification page): none may run. A response that sets
    /// it keeps it.</summary>
    public static readonly string NoScriptPolicy = Policy("'none'");

    /// <summary>This response's script nonce, for the one inline script we write (App.razor's import map). Made when first
    /// asked for, so only the responses that carry that script allow one, and only they pay for the random bytes.</summary>
    public static string Nonce(HttpContext http)
    {
        if (http.Items[NonceKey] is string nonce) return nonce;
        nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        http.Items[NonceKey] = nonce;
        return nonce;
    }

    public static void UseSecurityHeaders(this WebApplication app) => app.Use((http, next) =>
    {
        // On starting, not now: the exception handler clears the headers of a failed response before its error page, and
        // a page asks for its nonce while it renders.
        http.Response.OnStarting(SetHeaders, http);
        return next(http);
    });

    static Task SetHeaders(object state)
    {
        var http = (HttpContext)state;
        var headers = http.Response.Headers;
        // Replaces what else set one (Blazor's interactive pages send frame-ancestors 'self'; ours says 'none'), but for
        // the stricter policy of a document without scripts.
        if (headers.ContentSecurityPolicy != NoScriptPolicy)
            headers.ContentSecurityPolicy = http.Items.TryGetValue(NonceKey, out var nonce) ? Policy($"'self' 'nonce-{nonce}'") : OwnScriptsPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin"; // /verify/{token} links must not leak to linked sites
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
        return Task.CompletedTask;
    }
}
