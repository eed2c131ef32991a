using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Net.Http.Headers;
using OfficerTraining.Accounts;
using OfficerTraining.Officers.Photos;

namespace OfficerTraining.Web.Features.Officers;

public static class OfficerPhotoEndpoints
{
    /// <summary>The officer's photo as stored (already re-encoded), for staff and for the officer themself. The ETag is
    /// the picture's hash, so a browser holding it gets 304 until the photo changes.</summary>
    public static void MapOfficerPhotoEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/officers/{id:guid}/photo", async (Guid id, HttpContext http, OfficerPhotos photos, CancellationToken ct) =>
        {
            // An image request wants a status, not the HTML "not found" page the app shows elsewhere.
            if (http.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
            if (!OfficerPhotos.MayView(http.User.ToActor(), id)) return Results.StatusCode(StatusCodes.Status403Forbidden);
            var photo = await photos.Get(id, ct);
            if (photo is null) return Results.NotFound();
            http.Response.Headers.CacheControl = "private, max-age=300";
            return Results.File(photo.Jpeg, "image/jpeg", lastModified: photo.UploadedAt,
                entityTag: new EntityTagHeaderValue($"\"{photo.Sha256}\""));
        }).RequireAuthorization();
    }
}
