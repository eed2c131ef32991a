using Microsoft.AspNetCore.Diagnostics;
using OfficerTraining.Certificates;
using OfficerTraining.Officers.Photos;

namespace OfficerTraining.Web.Features.Certificates.Verification;

public static class VerificationPhotoEndpoint
{
    /// <summary>The holder's photo for the public page, found through the certificate's token and never by officer id:
    /// it answers only while the token belongs to a certificate, and no cache keeps it.</summary>
    public static void MapVerificationPhotoEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet("/verify/{token}/photo", async (string token, HttpContext http, CertificateRegister register, OfficerPhotos photos,
            CancellationToken ct) =>
        {
            // An image request wants a status, not the HTML "not found" page the app shows elsewhere.
            if (http.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
            http.Response.Headers.CacheControl = "no-store";
            var certificate = await register.ByToken(token, ct);
            if (certificate is null) return Results.NotFound();
            var photo = await photos.Get(certificate.Holder.OfficerId, ct);
            return photo is null ? Results.NotFound() : Results.File(photo.Jpeg, "image/jpeg");
        }).AllowAnonymous();
    }
}
