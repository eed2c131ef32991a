using System.Security.Cryptography;
using Marten;
using OfficerTraining.Infrastructure;
using OfficerTraining.IntegrationTests.Harness;
using OfficerTraining.Officers;
using OfficerTraining.Officers.Photos;
using SkiaSharp;

namespace OfficerTraining.IntegrationTests.Officers;

/// <summary>A real picture made with SkiaSharp, one colour all over.</summary>
public static class TestPhoto
{
    public static byte[] Png(SKColor colour, int width = 600, int height = 900)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(colour);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}

public class when_an_officer_photo_is_changed(StoreFixture f) : IClassFixture<StoreFixture>
{
    static readonly Actor CertOfficer = new("zhaoli", [Roles.CertificateOfficer]);

    async Task<Guid> AnOfficer(string suffix)
    {
        var (_, department) = await Arrange.CityWithDepartment(f, suffix);
        var register = Arrange.Officer(department);
        await f.Get<OfficerCommands>().Handle(register, Arrange.Admin);
        return register.OfficerId;
    }

    [Fact]
    public async Task the_re_encoded_photo_is_stored_and_the_event_says_who_and_why()
    {
        var officerId = await AnOfficer("F1");
        await f.Get<OfficerPhotos>().Upload(officerId, TestPhoto.Png(SKColors.SteelBlue), "张伟.png", "办理执法证", CertOfficer);

        await using var session = f.Store.QuerySession();
        var photo = (await f.Get<OfficerPhotos>().Get(officerId))!;
        photo.Jpeg.Should().StartWith(new byte[] { 0xFF, 0xD8, 0xFF }, "it is stored as JPEG, not as the PNG that was sent");
        (photo.Width, photo.Height).Should().Be((533, 800));
        photo.Sha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(photo.Jpeg)));
        (await session.LoadAsync<Officer>(officerId))!.PhotoSha256.Should().Be(photo.Sha256);

        var last = (await session.Events.FetchStreamAsync(officerId)).Last();
        last.UserName.Should().Be("zhaoli");
        last.Data.Should().BeEquivalentTo(new OfficerPhotoChanged(officerId, photo.Sha256, 533, 800, "张伟.png", "办理执法证"));
        var raw = await session.AdvancedSql.QueryAsync<string>(
            $"select data::text from {f.Schema}.mt_events where stream_id = ? and type = 'officer_photo_changed'",
            CancellationToken.None, officerId);
        raw.Should().ContainSingle().Which.Length.Should().BeLessThan(1000, "the picture's bytes never go into an event");
    }

    [Fact]
    public async Task an_officer_or_a_trainer_is_refused_and_nothing_is_written()
    {
        var officerId = await AnOfficer("F2");
        var photos = f.Get<OfficerPhotos>();
        foreach (var actor in new[] { new Actor("zhangwei", [Roles.Officer], officerId), new Actor("trainer", [Roles.Trainer]) })
        {
            var upload = () => photos.Upload(officerId, TestPhoto.Png(SKColors.Gray), "me.png", "自己上传", actor);
            (await upload.Should().ThrowAsync<DomainException>()).Which.Key.Should().Be("NotAllowed");
        }

        (await photos.Get(officerId)).Should().BeNull();
        await using var session = f.Store.QuerySession();
        (await session.Events.FetchStreamStateAsync(officerId))!.Version.Should().Be(1);
    }

    [Fact]
    public async Task an_administrator_may_upload_but_a_reason_is_required_and_the_officer_must_exist()
    {
        var officerId = await AnOfficer("F3");
        var photos = f.Get<OfficerPhotos>();
        var withoutReason = () => photos.Upload(officerId, TestPhoto.Png(SKColors.Gray), "a.png", " ", Arrange.Admin);
        (await withoutReason.Should().ThrowAsync<DomainException>()).Which.Key.Should().Be("Field.Required");
        var unknown = () => photos.Upload(Guid.CreateVersion7(), TestPhoto.Png(SKColors.Gray), "a.png", "补录", Arrange.Admin);
        (await unknown.Should().ThrowAsync<DomainException>()).Which.Key.Should().Be("Stream.NotFound");

        await photos.Upload(officerId, TestPhoto.Png(SKColors.Gray), "a.png", "补录", Arrange.Admin);
        (await photos.Get(officerId)).Should().NotBeNull();
    }

    [Fact]
    public async Task replacing_the_photo_changes_its_hash_and_the_same_photo_again_changes_nothing()
    {
        var officerId = await AnOfficer("F4");
        var photos = f.Get<OfficerPhotos>();
        var first = await photos.Upload(officerId, TestPhoto.Png(SKColors.Gray), "old.png", "首次采集", CertOfficer);
        var second = await photos.Upload(officerId, TestPhoto.Png(SKColors.Orange), "new.png", "换发新证", CertOfficer);
        await photos.Upload(officerId, TestPhoto.Png(SKColors.Orange), "new-again.png", "重复上传", CertOfficer);

        second.Sha256.Should().NotBe(first.Sha256);
        (await photos.Get(officerId))!.Sha256.Should().Be(second.Sha256);
        await using var session = f.Store.QuerySession();
        (await session.LoadAsync<Officer>(officerId))!.PhotoSha256.Should().Be(second.Sha256);
        (await session.Events.FetchStreamAsync(officerId)).Select(e => e.Data).OfType<OfficerPhotoChanged>()
            .Select(e => e.Reason).Should().Equal("首次采集", "换发新证");
    }

    [Fact]
    public async Task removing_the_photo_deletes_it_and_records_why()
    {
        var officerId = await AnOfficer("F5");
        var photos = f.Get<OfficerPhotos>();
        await photos.Upload(officerId, TestPhoto.Png(SKColors.Gray), "a.png", "首次采集", CertOfficer);
        await photos.Remove(officerId, "照片有误", CertOfficer);

        (await photos.Get(officerId)).Should().BeNull();
        await using var session = f.Store.QuerySession();
        (await session.LoadAsync<Officer>(officerId))!.PhotoSha256.Should().BeNull();
        var last = (await session.Events.FetchStreamAsync(officerId)).Last();
        last.Data.Should().Be(new OfficerPhotoRemoved(officerId, "照片有误"));
        last.UserName.Should().Be("zhaoli");

        var again = () => photos.Remove(officerId, "再删一次", CertOfficer);
        (await again.Should().ThrowAsync<DomainException>()).Which.Key.Should().Be("Photo.NoneToRemove");
    }

    [Fact]
    public async Task a_refused_file_writes_nothing()
    {
        var officerId = await AnOfficer("F6");
        var upload = () => f.Get<OfficerPhotos>().Upload(officerId, "not a photo"u8.ToArray(), "x.jpg", "采集", CertOfficer);
        (await upload.Should().ThrowAsync<DomainException>()).Which.Key.Should().Be("Photo.NotAnImage");
        await using var session = f.Store.QuerySession();
        (await session.Events.FetchStreamStateAsync(officerId))!.Version.Should().Be(1);
    }
}
