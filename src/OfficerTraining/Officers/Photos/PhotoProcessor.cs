using System.Security.Cryptography;
using OfficerTraining.Infrastructure;
using SkiaSharp;

namespace OfficerTraining.Officers.Photos;

/// <summary>An uploaded photo after re-encoding: what is stored and served, never the bytes as they were sent.</summary>
public sealed record ProcessedPhoto(byte[] Jpeg, int Width, int Height, string Sha256);

/// <summary>
/// Checks an uploaded officer photo and re-encodes it as a plain JPEG. Re-encoding from decoded pixels drops every
/// metadata block (EXIF with GPS and camera serials, XMP, ICC, comments) and anything smuggled into the file, so what
/// the certificate and the public verification page show is only the picture.
/// </summary>
public static class PhotoProcessor
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MinShortSide = 240;
    public const int MinLongSide = 320;
    public const int MaxOutputSide = 800;
    public const int JpegQuality = 85;
    /// <summary>A 5 MB file can still claim enormous dimensions (a decompression bomb); refuse before allocating.</summary>
    public const int MaxInputSide = 12_000;
    const long MaxInputPixels = 50_000_000;

    public static ProcessedPhoto Process(byte[] content, string fileName)
    {
        var name = Path.GetFileName(fileName ?? "");
        if (content.Length > MaxBytes)
            throw new DomainException("Photo.TooLarge", name, content.Length / 1024d / 1024d, MaxBytes / 1024 / 1024);

        // The content decides what the file is; its name's extension is not consulted.
        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data);
        if (codec is null)
            throw new DomainException(LooksLikeSupportedImage(content) ? "Photo.Corrupt" : "Photo.NotAnImage", name);
        if (codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Webp))
            throw new DomainException("Photo.UnsupportedFormat", name, codec.EncodedFormat.ToString().ToUpperInvariant());

        var (w, h) = (codec.Info.Width, codec.Info.Height);
        if (Math.Min(w, h) < MinShortSide || Math.Max(w, h) < MinLongSide)
            throw new DomainException("Photo.TooSmall", name, w, h, MinShortSide, MinLongSide);
        if (Math.Max(w, h) > MaxInputSide || (long)w * h > MaxInputPixels)
            throw new DomainException("Photo.TooManyPixels", name, w, h, MaxInputSide);

        using var decoded = Decode(codec, name);
        return Encode(decoded, codec.EncodedOrigin);
    }

    static SKImage Decode(SKCodec codec, string name)
    {
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var bitmap = new SKBitmap(info);
        // Anything short of a full decode (a truncated upload gives IncompleteInput) is refused, not padded with grey.
        if (codec.GetPixels(info, bitmap.GetPixels()) != SKCodecResult.Success)
            throw new DomainException("Photo.Corrupt", name);
        bitmap.SetImmutable();
        return SKImage.FromBitmap(bitmap);
    }

    static ProcessedPhoto Encode(SKImage image, SKEncodedOrigin origin)
    {
        var swapsSides = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop
            or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (uprightW, uprightH) = swapsSides ? (image.Height, image.Width) : (image.Width, image.Height);
        var scale = Math.Min(1f, (float)MaxOutputSide / Math.Max(uprightW, uprightH));
        var width = Math.Max(1, (int)Math.Round(uprightW * scale));
        var height = Math.Max(1, (int)Math.Round(uprightH * scale));

        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("Could not allocate the photo canvas.");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White); // JPEG has no transparency: a transparent PNG gets a white background
        canvas.Scale((float)width / uprightW, (float)height / uprightH);
        canvas.Concat(Orientation(origin, image.Width, image.Height));
        using var paint = new SKPaint { IsAntialias = true };
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear), paint);
        canvas.Flush();

        using var pixels = surface.Snapshot();
        using var jpeg = pixels.Encode(SKEncodedImageFormat.Jpeg, JpegQuality)
            ?? throw new InvalidOperationException("The JPEG encoder produced nothing.");
        var bytes = jpeg.ToArray();
        return new ProcessedPhoto(bytes, width, height, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    /// <summary>Maps the stored pixels (w × h) onto the upright picture, as EXIF orientation 1–8 asks, so a phone photo
    /// taken sideways is shown standing. x' = ScaleX·x + SkewX·y + TransX; y' = SkewY·x + ScaleY·y + TransY.</summary>
    static SKMatrix Orientation(SKEncodedOrigin origin, int w, int h) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
        _ => SKMatrix.Identity,
    };

    /// <summary>The signature of a JPEG, PNG or WebP file: such a file the decoder cannot open is damaged, not foreign.</summary>
    static bool LooksLikeSupportedImage(byte[] b) =>
        b is [0xFF, 0xD8, 0xFF, ..]
        || b is [0x89, (byte)'P', (byte)'N', (byte)'G', ..]
        || b.Length >= 12 && b.AsSpan(0, 4).SequenceEqual("RIFF"u8) && b.AsSpan(8, 4).SequenceEqual("WEBP"u8);
}
