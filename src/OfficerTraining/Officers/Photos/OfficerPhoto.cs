namespace OfficerTraining.Officers.Photos;

/// <summary>The officer's photo was set or replaced. The picture itself is in <see cref="OfficerPhoto"/>, never in
/// an event: events are kept for ever and a photo is personal data that must be removable.</summary>
public sealed record OfficerPhotoChanged(
    Guid OfficerId, string Sha256, int Width, int Height, string OriginalFileName, string Reason);

public sealed record OfficerPhotoRemoved(Guid OfficerId, string Reason);

/// <summary>The officer's current photo, re-encoded as JPEG (<see cref="PhotoProcessor"/>). Id is the officer's id.</summary>
public sealed record OfficerPhoto(Guid Id, byte[] Jpeg, int Width, int Height, string Sha256, DateTimeOffset UploadedAt);
