using System.Diagnostics;
using System.Globalization;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using OfficerTraining.Certificates;
using OfficerTraining.Infrastructure;
using OfficerTraining.Officers;

namespace OfficerTraining.Web.Features.Certificates.Verification;

public static class VerificationEndpoints
{
    /// <summary><c>/verify/{token}</c>, the address on every card's QR code, and the holder's photo. The page is a
    /// <see cref="VerificationDocument"/> rendered without the router; the page is kept in the
    /// <see cref="VerificationCache"/> and served again with the moment of this request. <c>/verify</c> with its
    /// number form stays a routed page (<see cref="VerifyPage"/>).</summary>
    public static void MapVerificationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/verify/{token}", Verify).AllowAnonymous();
        app.MapVerificationPhotoEndpoint();
    }

    static async Task Verify(string token, HttpContext http, VerificationCache cache, CertificateRegister register, IDocumentStore store,
        TimeProvider clock, ILogger<VerificationDocument> logger)
    {
        // A status shown must be the status now: no browser or proxy may keep this page.
        http.Response.Headers.CacheControl = "no-store";
        var ct = http.RequestAborted;
        var checkedAt = ChinaTime.Now(clock);
        var today = ChinaTime.DateOf(checkedAt);
        var stamp = VerificationResult.Stamp(checkedAt);
        var culture = CultureInfo.CurrentUICulture.Name;
        Certificate? certificate;
        string html;
        if (cache.PageFor(token, culture, today) is { } page)
            (certificate, html) = (page.Certificate, page.Html.Replace(page.Stamp, stamp, StringComparison.Ordinal));
        else
        {
            var generation = cache.Generation;
            (certificate, var hasPhoto) = await cache.Get(token, async (t, c) => await WithPhoto(store, await register.ByToken(t, c), c), ct);
            html = await Render(http, new Dictionary<string, object?>
            {
                [nameof(VerificationDocument.Certificate)] = certificate,
                [nameof(VerificationDocument.HasPhoto)] = hasPhoto,
                [nameof(VerificationDocument.CheckedAt)] = checkedAt,
            });
            cache.Keep(token, culture, new(certificate, html, stamp, today, generation, Stopwatch.GetTimestamp()));
        }
        logger.LogInformation("Certificate verification by {Lookup} {Key}: {Outcome}", "token", VerificationUrl.Abbreviate(token),
            certificate?.StatusOn(today).ToString() ?? "NotFound");
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(html, ct);
    }

    /// <summary>Renders the document through the app's own static rendering (culture, localizer, navigation as for
    /// any page) into a string.</summary>
    static async Task<string> Render(HttpContext http, IReadOnlyDictionary<string, object?> parameters)
    {
        var body = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await new RazorComponentResult<VerificationDocument>(parameters).ExecuteAsync(http);
        }
        finally
        {
            http.Response.Body = body;
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The certificate and whether its holder has a photo (the page shows it from /verify/{token}/photo).</summary>
    public static async Task<(Certificate?, bool)> WithPhoto(IDocumentStore store, Certificate? found, CancellationToken ct)
    {
        if (found is null) return (null, false);
        await using var session = store.QuerySession();
        return (found, (await session.LoadAsync<Officer>(found.Holder.OfficerId, ct))?.PhotoSha256 is not null);
    }
}
