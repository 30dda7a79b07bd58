using SkiaSharp;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Sanoo.Cli.Sheets;

/// <summary>
/// Reads the QR code of a photographed or scanned sheet (PNG, JPEG, or any format SkiaSharp decodes). A photograph is
/// rarely square to the page, sharp or evenly lit, so each way below is tried until one reads: the grey image at full size
/// with ZXing's hybrid (local threshold) binarizer, then its global-histogram binarizer; the same turned by 90°, 180° and
/// 270°; then the image scaled down to 1,600 and 800 pixels on its longer side (a large, noisy photo reads better smaller, as
/// averaging removes the noise). ZXing's detector itself copes with a few degrees of tilt and perspective.
/// </summary>
public static class SheetReader
{
    private static readonly Dictionary<DecodeHintType, object> Hints = new()
    {
        [DecodeHintType.TRY_HARDER] = true,
        [DecodeHintType.POSSIBLE_FORMATS] = new List<BarcodeFormat> { BarcodeFormat.QR_CODE },
    };

    private static readonly Func<LuminanceSource, Binarizer>[] Binarizers = [s => new HybridBinarizer(s), s => new GlobalHistogramBinarizer(s)];

    /// <summary>The text of the image's QR code; or null and why not, in a sentence for people.</summary>
    public static (string? Text, string? Why) Read(byte[] image)
    {
        using var data = SKData.CreateCopy(image);
        using var codec = SKCodec.Create(data);
        using var decoded = codec is null ? null : SKBitmap.Decode(codec);
        if (decoded is null)
        {
            return (null, image.AsSpan().StartsWith("%PDF"u8)
                ? "it is a PDF, not an image: photograph or scan the printed sheet, or use the PNG that protocol-sheet --png writes"
                : "it is not an image this command can decode (PNG or JPEG)");
        }
        var tries = 0;
        foreach (var longSide in new[] { 0, 1600, 800 })
        {
            var longer = Math.Max(decoded.Width, decoded.Height);
            if (longSide > 0 && longer <= longSide)
            {
                continue;
            }
            using var scaled = longSide == 0 ? null : Scaled(decoded, (float)longSide / longer);
            var grey = Grey(scaled ?? decoded);
            LuminanceSource source = new RGBLuminanceSource(grey, (scaled ?? decoded).Width, (scaled ?? decoded).Height,
                RGBLuminanceSource.BitmapFormat.Gray8);
            for (var turn = 0; turn < 4; turn++)
            {
                foreach (var binarizer in Binarizers)
                {
                    tries++;
                    try
                    {
                        if (new QRCodeReader().decode(new BinaryBitmap(binarizer(source)), Hints) is { Text: { } text })
                        {
                            return (text, null);
                        }
                    }
                    catch (ReaderException)
                    {
                        // not read this way; the next way is tried
                    }
                }
                if (!source.RotateSupported)
                {
                    break;
                }
                source = source.rotateCounterClockwise();
            }
        }
        return (null, $"no QR code could be read from it ({tries} ways tried: four turns, two binarizers, full size and scaled down). "
            + "Photograph the whole code, flat, in focus and evenly lit, with a margin of white around it.");
    }

    private static SKBitmap Scaled(SKBitmap bitmap, float factor)
    {
        var info = new SKImageInfo(Math.Max(1, (int)(bitmap.Width * factor)), Math.Max(1, (int)(bitmap.Height * factor)));
        return bitmap.Resize(info, new SKSamplingOptions(SKCubicResampler.Mitchell))
            ?? throw new InvalidOperationException("SkiaSharp could not scale the image");
    }

    /// <summary>The image's luminance, one byte a pixel (ITU-R BT.601 weights), whatever its colour type.</summary>
    private static byte[] Grey(SKBitmap bitmap)
    {
        using var rgba = new SKBitmap(new SKImageInfo(bitmap.Width, bitmap.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        using (var canvas = new SKCanvas(rgba))
        {
            canvas.Clear(SKColors.White);
            using var image = SKImage.FromBitmap(bitmap);
            canvas.DrawImage(image, 0, 0, SKSamplingOptions.Default, null);
        }
        var pixels = rgba.GetPixelSpan();
        var grey = new byte[bitmap.Width * bitmap.Height];
        for (var i = 0; i < grey.Length; i++)
        {
            grey[i] = (byte)((pixels[4 * i] * 299 + pixels[(4 * i) + 1] * 587 + pixels[(4 * i) + 2] * 114) / 1000);
        }
        return grey;
    }
}
