using SkiaSharp;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Writer;

namespace Sanoo.Testing;

/// <summary>Small images of every kind the image checks meet: clean ones, ones with EXIF GPS metadata, PDFs of any page count.</summary>
public static class TestImages
{
    /// <summary>A clean JPEG (re-encoded pixels only, as <c>sanoo submit --image</c> sends), <paramref name="shade"/> telling two apart.</summary>
    public static byte[] Jpeg(byte shade = 200, int width = 320, int height = 200) => Encode(SKEncodedImageFormat.Jpeg, shade, width, height);

    /// <summary>A clean PNG.</summary>
    public static byte[] Png(byte shade = 200) => Encode(SKEncodedImageFormat.Png, shade, 64, 48);

    /// <summary>
    /// A JPEG as a phone writes it: an APP1 EXIF segment right after the start-of-image marker, with a GPS IFD placing the
    /// photographer at 42.87° N, 74.59° E (Bishkek). Decoders ignore it; it still tells anyone where the photo was taken.
    /// </summary>
    public static byte[] JpegWithGps(byte shade = 150)
    {
        var clean = Jpeg(shade);
        // TIFF header (big-endian), IFD0 with one entry: GPSInfo (0x8825) pointing at a GPS IFD holding GPSLatitudeRef 'N'.
        byte[] tiff =
        [
            (byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8,
            0, 1, 0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, 26, 0, 0, 0, 0,
            0, 1, 0, 1, 0, 2, 0, 0, 0, 2, (byte)'N', 0, 0, 0, 0, 0, 0, 0,
        ];
        var body = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var length = body.Length + 2;
        byte[] segment = [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. body];
        return [.. clean[..2], .. segment, .. clean[2..]];
    }

    /// <summary>A 320 × 200 JPEG whose EXIF says to show it turned a quarter clockwise (orientation 6, a phone held upright).</summary>
    public static byte[] JpegTurned()
    {
        var clean = Jpeg(120);
        byte[] tiff = [(byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0];
        var body = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var length = body.Length + 2;
        byte[] segment = [0xFF, 0xE1, 0, (byte)length, .. body];
        return [.. clean[..2], .. segment, .. clean[2..]];
    }

    /// <summary>A PDF of <paramref name="pages"/> empty A4 pages.</summary>
    public static byte[] Pdf(int pages)
    {
        var builder = new PdfDocumentBuilder();
        for (var i = 0; i < pages; i++)
        {
            builder.AddPage(PageSize.A4);
        }
        return builder.Build();
    }

    /// <summary>A one-page PDF whose document information has a title (metadata a protocol image must not carry).</summary>
    public static byte[] PdfWithTitle(string title)
    {
        var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = title;
        builder.AddPage(PageSize.A4);
        return builder.Build();
    }

    /// <summary>
    /// A minimal one-page PDF, written by hand with a correct cross-reference table, whose catalog also holds
    /// <paramref name="catalogExtra"/> (e.g. an <c>/OpenAction</c> running JavaScript) and which has the extra objects given.
    /// </summary>
    public static byte[] PdfWithCatalog(string catalogExtra, params string[] extraObjects)
    {
        string[] objects =
        [
            $"<< /Type /Catalog /Pages 2 0 R {catalogExtra} >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
            .. extraObjects,
        ];
        var pdf = new System.Text.StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }
        pdf.Append(System.Globalization.CultureInfo.InvariantCulture,
            $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return System.Text.Encoding.Latin1.GetBytes(pdf.ToString());
    }

    private static byte[] Encode(SKEncodedImageFormat format, byte shade, int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(shade, shade, shade));
            using var ink = new SKPaint { Color = SKColors.DarkBlue, StrokeWidth = 3, IsAntialias = true };
            canvas.DrawLine(10, 10, width - 10, height - 10, ink);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }
}
