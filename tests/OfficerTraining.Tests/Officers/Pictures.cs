using System.Text;
using SkiaSharp;

namespace OfficerTraining.Tests.Officers;

/// <summary>Real images made here with SkiaSharp: left half red, right half blue, so orientation can be seen.</summary>
static class Pictures
{
    public static byte[] Make(int width, int height, SKEncodedImageFormat format, SKColor? fill = null)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(fill ?? SKColors.Blue);
            if (fill is null)
            {
                using var red = new SKPaint { Color = SKColors.Red };
                canvas.DrawRect(0, 0, width / 2f, height, red);
            }
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>A JPEG carrying an EXIF block (as a phone writes it): orientation, a GPS directory and a description.</summary>
    public static byte[] WithExif(byte[] jpeg, ushort orientation, string description)
    {
        var text = Encoding.ASCII.GetBytes(description + "\0");
        using var tiff = new MemoryStream();
        using (var w = new BinaryWriter(tiff))
        {
            w.Write("II"u8); w.Write((ushort)42); w.Write(8u);                         // little-endian TIFF, IFD0 at 8
            w.Write((ushort)3);                                                      // IFD0: 3 entries, 8 + 42 = 50
            Entry(w, 0x010E, 2, (uint)text.Length, 68);                              // ImageDescription → 68
            Entry(w, 0x0112, 3, 1, orientation);                                     // Orientation
            Entry(w, 0x8825, 4, 1, 50);                                              // GPS IFD → 50
            w.Write(0u);
            w.Write((ushort)1);                                                      // GPS IFD: 1 entry, 50 + 18 = 68
            Entry(w, 0x0001, 2, 2, 'N');                                             // GPSLatitudeRef "N"
            w.Write(0u);
            w.Write(text);
        }
        byte[] exif = [.. "Exif\0\0"u8, .. tiff.ToArray()];
        var length = exif.Length + 2;
        byte[] app1 = [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. exif];
        // After the JFIF APP0 segment, where cameras put it.
        var at = jpeg[2] == 0xFF && jpeg[3] == 0xE0 ? 4 + (jpeg[4] << 8 | jpeg[5]) : 2;
        return [.. jpeg[..at], .. app1, .. jpeg[at..]];
    }

    static void Entry(BinaryWriter w, ushort tag, ushort type, uint count, uint value)
    {
        w.Write(tag); w.Write(type); w.Write(count); w.Write(value);
    }

    /// <summary>An uncompressed 24-bit BMP, a format Skia reads but we do not accept.</summary>
    public static byte[] Bmp(int width, int height)
    {
        var rowBytes = (width * 3 + 3) / 4 * 4;
        using var s = new MemoryStream();
        using var w = new BinaryWriter(s);
        w.Write("BM"u8); w.Write(54 + rowBytes * height); w.Write(0); w.Write(54);
        w.Write(40); w.Write(width); w.Write(height); w.Write((short)1); w.Write((short)24); w.Write(0);
        w.Write(rowBytes * height); w.Write(2835); w.Write(2835); w.Write(0); w.Write(0);
        w.Write(new byte[rowBytes * height]);
        w.Flush();
        return s.ToArray();
    }

    public static SKColor PixelAt(byte[] encoded, int x, int y)
    {
        using var bitmap = SKBitmap.Decode(encoded);
        return bitmap.GetPixel(x, y);
    }
}
