using SkiaSharp;

namespace Sanoo.Cli.Tests;

/// <summary>A phone's photo of a printed sheet, taken in the test: on a grey table, turned, smaller, out of focus, noisy, as a JPEG.</summary>
internal static class SheetPhoto
{
    /// <summary>How the photo is taken.</summary>
    /// <param name="Degrees">How far the page is turned, clockwise.</param>
    /// <param name="Scale">The photo's size against the sheet's pixels.</param>
    /// <param name="Blur">The blur's sigma, in the photo's pixels before scaling.</param>
    /// <param name="Noise">The largest sensor noise added to each pixel's channels (uniform, ±).</param>
    /// <param name="Quality">The JPEG quality, 0 to 100.</param>
    public sealed record Conditions(float Degrees, float Scale, float Blur, int Noise, int Quality);

    /// <summary>The JPEG of the sheet <paramref name="png"/> photographed under <paramref name="conditions"/>; the same every run.</summary>
    public static byte[] Take(byte[] png, Conditions conditions)
    {
        using var sheet = SKBitmap.Decode(png);
        var side = (int)(Math.Max(sheet.Width, sheet.Height) * conditions.Scale) + 200;
        using var photo = new SKBitmap(side, side, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using (var canvas = new SKCanvas(photo))
        {
            canvas.Clear(new SKColor(0x80, 0x78, 0x70));
            canvas.Translate(side / 2f, side / 2f);
            canvas.RotateDegrees(conditions.Degrees);
            canvas.Scale(conditions.Scale);
            canvas.Translate(-sheet.Width / 2f, -sheet.Height / 2f);
            using var blur = new SKPaint { ImageFilter = SKImageFilter.CreateBlur(conditions.Blur, conditions.Blur) };
            using var image = SKImage.FromBitmap(sheet);
            canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear), blur);
        }
        var random = new Random(17);
        var pixels = photo.Pixels;
        for (var i = 0; i < pixels.Length; i++)
        {
            var noise = random.Next(-conditions.Noise, conditions.Noise + 1);
            var p = pixels[i];
            pixels[i] = new SKColor(Clamp(p.Red + noise), Clamp(p.Green + noise), Clamp(p.Blue + noise));
        }
        photo.Pixels = pixels;
        using var shot = SKImage.FromBitmap(photo);
        using var encoded = shot.Encode(SKEncodedImageFormat.Jpeg, conditions.Quality);
        return encoded.ToArray();
    }

    private static byte Clamp(int value) => (byte)Math.Clamp(value, 0, 255);
}
