using System.Security.Cryptography;
using System.Text;
using OfficerTraining.Infrastructure;
using OfficerTraining.Officers.Photos;
using SkiaSharp;

namespace OfficerTraining.Tests.Officers;

public class when_a_photo_is_accepted
{
    static ProcessedPhoto Accepted(byte[] content, string name)
    {
        var photo = PhotoProcessor.Process(content, name);
        using var codec = SKCodec.Create(SKData.CreateCopy(photo.Jpeg));
        codec.Should().NotBeNull();
        codec!.EncodedFormat.Should().Be(SKEncodedImageFormat.Jpeg);
        (codec.Info.Width, codec.Info.Height).Should().Be((photo.Width, photo.Height));
        Math.Max(photo.Width, photo.Height).Should().BeLessThanOrEqualTo(PhotoProcessor.MaxOutputSide);
        photo.Sha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(photo.Jpeg)));
        return photo;
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Png, "证件照.png")]
    [InlineData(SKEncodedImageFormat.Jpeg, "photo.jpg")]
    [InlineData(SKEncodedImageFormat.Webp, "photo.webp")]
    public void jpeg_png_and_webp_come_out_as_jpeg_of_the_same_size_when_small_enough(SKEncodedImageFormat format, string name)
    {
        var photo = Accepted(Pictures.Make(300, 400, format), name);
        (photo.Width, photo.Height).Should().Be((300, 400));
    }

    [Fact]
    public void a_large_photo_is_shrunk_to_800_pixels_on_its_longest_side_keeping_its_shape()
    {
        var photo = Accepted(Pictures.Make(1500, 2000, SKEncodedImageFormat.Jpeg), "big.jpg");
        (photo.Width, photo.Height).Should().Be((600, 800));
    }

    [Fact]
    public void a_landscape_photo_is_accepted_too()
    {
        var photo = Accepted(Pictures.Make(1600, 1200, SKEncodedImageFormat.Png), "wide.png");
        (photo.Width, photo.Height).Should().Be((800, 600));
    }

    [Fact]
    public void exif_orientation_is_applied_and_every_metadata_block_is_dropped()
    {
        // Stored sideways (400 × 300, red on the left), with orientation 6: "turn 90° clockwise to view".
        var sideways = Pictures.WithExif(Pictures.Make(400, 300, SKEncodedImageFormat.Jpeg), 6, "GPS 33.73N 113.19E SECRET-SERIAL");
        using (var original = SKCodec.Create(SKData.CreateCopy(sideways)))
            original!.EncodedOrigin.Should().Be(SKEncodedOrigin.RightTop, "the test image must carry its EXIF block");

        var photo = Accepted(sideways, "IMG_0001.JPG");

        (photo.Width, photo.Height).Should().Be((300, 400));
        Pictures.PixelAt(photo.Jpeg, 150, 60).Red.Should().BeGreaterThan(200, "the stored left side is the top once upright");
        Pictures.PixelAt(photo.Jpeg, 150, 340).Blue.Should().BeGreaterThan(200);
        var text = Encoding.Latin1.GetString(photo.Jpeg);
        text.Should().NotContain("Exif").And.NotContain("SECRET-SERIAL");
        using var codec = SKCodec.Create(SKData.CreateCopy(photo.Jpeg));
        codec!.EncodedOrigin.Should().Be(SKEncodedOrigin.TopLeft);
    }

    [Fact]
    public void a_transparent_png_gets_a_white_background()
    {
        var photo = Accepted(Pictures.Make(300, 400, SKEncodedImageFormat.Png, SKColors.Transparent), "cut-out.png");
        var pixel = Pictures.PixelAt(photo.Jpeg, 150, 200);
        new[] { pixel.Red, pixel.Green, pixel.Blue }.Should().OnlyContain(c => c > 245);
    }

    [Fact]
    public void the_same_picture_gives_the_same_hash_and_another_a_different_one()
    {
        var picture = Pictures.Make(300, 400, SKEncodedImageFormat.Png);
        PhotoProcessor.Process(picture, "a.png").Sha256.Should().Be(PhotoProcessor.Process(picture, "b.png").Sha256);
        PhotoProcessor.Process(Pictures.Make(300, 400, SKEncodedImageFormat.Png, SKColors.Green), "c.png").Sha256
            .Should().NotBe(PhotoProcessor.Process(picture, "a.png").Sha256);
    }
}

public class when_a_photo_is_refused
{
    static DomainException Refusal(byte[] content, string name, string key)
    {
        var refusal = FluentActions.Invoking(() => PhotoProcessor.Process(content, name))
            .Should().Throw<DomainException>().Which;
        refusal.Key.Should().Be(key);
        refusal.Message.Should().Contain(name, "the refusal names the file");
        return refusal;
    }

    [Fact]
    public void a_text_file_named_jpg_is_not_an_image() =>
        Refusal(Encoding.UTF8.GetBytes("这不是照片，只是一段文字。\n"), "photo.jpg", "Photo.NotAnImage");

    [Fact]
    public void an_empty_file_is_not_an_image() => Refusal([], "empty.png", "Photo.NotAnImage");

    [Fact]
    public void a_format_other_than_jpeg_png_or_webp_is_refused_by_name() =>
        Refusal(Pictures.Bmp(300, 400), "scan.jpg", "Photo.UnsupportedFormat").Message.Should().Contain("BMP");

    [Fact]
    public void a_file_over_5_mb_is_refused_before_it_is_decoded()
    {
        var big = new byte[6 * 1024 * 1024];
        Pictures.Make(300, 400, SKEncodedImageFormat.Jpeg).CopyTo(big, 0);
        Refusal(big, "huge.jpg", "Photo.TooLarge").Message.Should().Contain("5");
    }

    [Theory]
    [InlineData(100, 100)]
    [InlineData(230, 400)]
    [InlineData(300, 300)]
    public void a_photo_smaller_than_240_by_320_is_too_small(int width, int height) =>
        Refusal(Pictures.Make(width, height, SKEncodedImageFormat.Png), "tiny.png", "Photo.TooSmall")
            .Message.Should().Contain($"{width}×{height}");

    [Fact]
    public void a_truncated_jpeg_is_corrupt()
    {
        var jpeg = Pictures.Make(600, 800, SKEncodedImageFormat.Jpeg);
        Refusal(jpeg[..(jpeg.Length / 2)], "cut.jpg", "Photo.Corrupt");
    }

    [Fact]
    public void a_png_cut_inside_its_header_is_corrupt_not_foreign()
    {
        var png = Pictures.Make(300, 400, SKEncodedImageFormat.Png);
        Refusal(png[..12], "cut.png", "Photo.Corrupt");
    }

    [Fact]
    public void a_file_claiming_enormous_dimensions_is_refused_before_decoding()
    {
        // A 24-bit BMP would be refused for its format; a PNG header claiming 20000 × 20000 is the real risk.
        var png = Pictures.Make(300, 400, SKEncodedImageFormat.Png);
        var bomb = (byte[])png.Clone();
        WriteBigEndian(bomb, 16, 20_000); // IHDR width
        WriteBigEndian(bomb, 20, 20_000); // IHDR height
        FixIhdrCrc(bomb);
        Refusal(bomb, "bomb.png", "Photo.TooManyPixels");
    }

    static void WriteBigEndian(byte[] b, int at, int value)
    {
        b[at] = (byte)(value >> 24); b[at + 1] = (byte)(value >> 16); b[at + 2] = (byte)(value >> 8); b[at + 3] = (byte)value;
    }

    static void FixIhdrCrc(byte[] b)
    {
        // PNG's CRC-32 over the chunk type and data, so the decoder reads the header instead of rejecting it.
        var crc = 0xFFFFFFFFu;
        foreach (var octet in b.AsSpan(12, 17))
        {
            crc ^= octet;
            for (var i = 0; i < 8; i++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        WriteBigEndian(b, 29, (int)~crc);
    }
}
