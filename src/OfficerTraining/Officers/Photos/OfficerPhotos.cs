using Marten;
using OfficerTraining.Infrastructure;

namespace OfficerTraining.Officers.Photos;

/// <summary>Sets, replaces and removes officers' photos. Certificate officers and administrators change them; the
/// photo document and the event on the officer's stream are saved in one transaction.</summary>
public sealed class OfficerPhotos(IDocumentStore store, TimeProvider clock)
{
    public const int MaxFileNameLength = 200;

    static readonly string[] ChangeRoles = [Roles.CertificateOfficer, Roles.Administrator];
    static readonly string[] StaffRoles = [Roles.Administrator, Roles.CertificateOfficer, Roles.Supervisor, Roles.Trainer];

    /// <summary>Staff see every officer's photo; an officer sees their own.</summary>
    public static bool MayView(Actor actor, Guid officerId) =>
        StaffRoles.Any(actor.IsIn) || actor.OfficerId == officerId;

    public static bool MayChange(Actor actor) => ChangeRoles.Any(actor.IsIn);

    public async Task<OfficerPhoto> Upload(
        Guid officerId, byte[] content, string fileName, string reason, Actor actor, CancellationToken ct = default)
    {
        actor.Require(ChangeRoles);
        var why = Text.Required(reason, "Reason");
        var processed = PhotoProcessor.Process(content, fileName);
        var photo = new OfficerPhoto(officerId, processed.Jpeg, processed.Width, processed.Height, processed.Sha256,
            clock.GetUtcNow());
        var originalName = Path.GetFileName(fileName ?? "").Trim();
        if (originalName.Length > MaxFileNameLength) originalName = originalName[..MaxFileNameLength];

        await using var session = store.OpenSession(actor);
        await session.DecideAndSave<Officer>(officerId, null, officer =>
        {
            if (officer.PhotoSha256 == processed.Sha256) return [];
            session.Store(photo);
            return [new OfficerPhotoChanged(officerId, processed.Sha256, processed.Width, processed.Height, originalName, why)];
        }, ct);
        return photo;
    }

    public async Task Remove(Guid officerId, string reason, Actor actor, CancellationToken ct = default)
    {
        actor.Require(ChangeRoles);
        var why = Text.Required(reason, "Reason");
        await using var session = store.OpenSession(actor);
        await session.DecideAndSave<Officer>(officerId, null, officer =>
        {
            if (officer.PhotoSha256 is null) throw new DomainException("Photo.NoneToRemove", officer.Name);
            session.Delete<OfficerPhoto>(officerId);
            return [new OfficerPhotoRemoved(officerId, why)];
        }, ct);
    }

    public async Task<OfficerPhoto?> Get(Guid officerId, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<OfficerPhoto>(officerId, ct);
    }
}
