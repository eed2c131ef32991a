using System.Globalization;
using System.Buffers;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using OfficerTraining.Certificates;
using OfficerTraining.Infrastructure;
using OfficerTraining.Officers;
using OfficerTraining.Web.Hosting;

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
        // The document has no script at all, so none may run (stricter than the app's pages, and no nonce to make).
        http.Response.Headers.ContentSecurityPolicy = SecurityHeaders.NoScriptPolicy;
        var ct = http.RequestAborted;
        var checkedAt = ChinaTime.Now(clock);
        var today = ChinaTime.DateOf(checkedAt);
        var culture = CultureInfo.CurrentUICulture.Name;
        if (cache.PageFor(token, culture, today) is not { } page)
        {
            var generation = cache.Generation;
            var (certificate, hasPhoto) = await cache.Get(token, async (t, c) => await WithPhoto(store, await register.ByToken(t, c), c), ct);
            var html = await Render(http, new Dictionary<string, object?>
            {
                [nameof(VerificationDocument.Certificate)] = certificate,
                [nameof(VerificationDocument.HasPhoto)] = hasPhoto,
                [nameof(VerificationDocument.CheckedAt)] = checkedAt,
            });
            page = VerificationCache.Page.Of(certificate, html, VerificationResult.Stamp(checkedAt), today, generation);
            cache.Keep(token, culture, page);
        }
        VerificationLog.LookedUp(logger, "token", VerificationUrl.Abbreviate(token), page.Certificate?.StatusOn(today).ToString() ?? "NotFound");
        http.Response.ContentType = "text/html; charset=utf-8";
        Write(http.Response, page, checkedAt);
        await http.Response.BodyWriter.FlushAsync(ct);
    }

    /// <summary>The page with this request's "checked at" moment where it was rendered with another, straight into the
    /// response's buffer, with its length (no chunked encoding).</summary>
    static void Write(HttpResponse response, VerificationCache.Page page, DateTimeOffset checkedAt)
    {
        Span<byte> stamp = stackalloc byte[32];
        if (!checkedAt.TryFormat(stamp, out var length, VerificationResult.StampFormat, CultureInfo.InvariantCulture))
            throw new InvalidOperationException("The checked-at moment does not fit");
        response.ContentLength = page.BeforeStamp.Length + length + page.AfterStamp.Length;
        var body = response.BodyWriter;
        body.Write(page.BeforeStamp);
        body.Write(stamp[..length]);
        body.Write(page.AfterStamp);
    }

    /// <summary>Renders the document through the app's own static rendering (culture, localizer, navigation as for
    /// any page) into UTF-8.</summary>
    static async Task<byte[]> Render(HttpContext http, IReadOnlyDictionary<string, object?> parameters)
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
        return buffer.ToArray();
    }

    /// <summary>The certificate and whether its holder has a photo (the page shows it from /verify/{token}/photo).</summary>
    public static async Task<(Certificate?, bool)> WithPhoto(IDocumentStore store, Certificate? found, CancellationToken ct)
    {
        if (found is null) return (null, false);
        await using var session = store.QuerySession();
        return (found, (await session.LoadAsync<Officer>(found.Holder.OfficerId, ct))?.PhotoSha256 is not null);
    }
}
