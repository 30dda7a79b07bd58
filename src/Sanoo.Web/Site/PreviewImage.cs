using SkiaSharp;

namespace Sanoo.Web.Site;

/// <summary>
/// An area page's preview image for shared links: a 1200 × 630 PNG (the size Open Graph and Twitter's large card show) with the
/// election and the area, the leading choices as bars with their names and shares, how much is counted, as of when, and the
/// stage of the count, drawn from the same page model as the page, so the two never disagree.
/// </summary>
public static class PreviewImage
{
    /// <summary>The image's width and height in pixels.</summary>
    public const int Width = 1200, Height = 630;

    /// <summary>How many choices get a bar.</summary>
    public const int Bars = 5;

    private const float Margin = 56;

    /// <summary>Draws the preview of <paramref name="page"/> as PNG bytes.</summary>
    public static byte[] Png(AreaPage page)
    {
        var frame = page.Frame;
        var typeface = Typefaces.Machine.For(string.Concat(
            [frame.ElectionName, frame.Title, frame.Stage, CraftWords.For(frame.Language.Code).OtherChoicesFormat,
                page.Summary is { } said ? $"{said.Counted}{said.AsOf}" : "", .. page.Results?.Rows.Select(r => r.Name) ?? []])).Typeface;
        using var bitmap = new SKBitmap(Width, Height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            using var ink = new SKPaint { Color = SKColor.Parse("#1a1a1a"), IsAntialias = true };
            using var muted = new SKPaint { Color = SKColor.Parse("#555555"), IsAntialias = true };
            using var accent = new SKPaint { Color = SKColor.Parse("#0b5394") };
            using var track = new SKPaint { Color = SKColor.Parse("#f3f5f8") };
            using var small = new SKFont(typeface, 28);
            using var smallBold = new SKFont(typeface, 28) { Embolden = true };
            using var regular = new SKFont(typeface, 32);
            using var bold = new SKFont(typeface, 32) { Embolden = true };
            using var heading = new SKFont(typeface, 54) { Embolden = true };
            canvas.DrawRect(0, 0, Width, 12, accent);
            Fitted(canvas, frame.ElectionName, Margin, 66, Width - (2 * Margin), small, muted);
            while (heading.Size > 34 && heading.MeasureText(frame.Title, ink) > Width - (2 * Margin))
            {
                heading.Size -= 2;
            }
            Fitted(canvas, frame.Title, Margin, 132, Width - (2 * Margin), heading, ink);
            var y = 190f;
            if (page.Results is { } results)
            {
                var p = results.Primary;
                var rows = results.Rows.Where(r => r.Votes[p] > 0).OrderByDescending(r => r.Votes[p]).ThenBy(r => r.BallotNumber).ToList();
                var top = rows.Count == 0 ? 1m : Math.Max(rows[0].Share[p], 1m);
                foreach (var row in rows.Take(Bars))
                {
                    var share = frame.Language.Percent(row.Share[p]);
                    Fitted(canvas, row.Name, Margin, y + 28, Width - (2 * Margin) - 180, regular, ink);
                    canvas.DrawText(share, Width - Margin, y + 28, SKTextAlign.Right, bold, ink);
                    var length = (float)(row.Share[p] / top) * (Width - (2 * Margin));
                    canvas.DrawRect(Margin, y + 38, Width - (2 * Margin), 14, track);
                    using var fill = new SKPaint { Color = SKColor.Parse(row.Color) };
                    canvas.DrawRect(Margin, y + 38, Math.Max(length, 3), 14, fill);
                    y += 62;
                }
                if (rows.Count > Bars)
                {
                    canvas.DrawText(
                        string.Format(frame.Language.Culture, CraftWords.For(frame.Language.Code).OtherChoicesFormat, rows.Count - Bars),
                        Margin, y + 22, SKTextAlign.Left, small, muted);
                }
            }
            if (page.Summary is { } summary)
            {
                Fitted(canvas, $"{summary.Counted} · {summary.AsOf}", Margin, Height - 64, Width - (2 * Margin), small, ink);
            }
            Fitted(canvas, frame.Stage, Margin, Height - 22, Width - (2 * Margin), smallBold, ink);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    /// <summary>Draws <paramref name="text"/>, cut with an ellipsis where it would pass <paramref name="width"/>.</summary>
    private static void Fitted(SKCanvas canvas, string text, float x, float y, float width, SKFont font, SKPaint paint)
    {
        var shown = text;
        while (shown.Length > 1 && font.MeasureText(shown, paint) > width)
        {
            shown = shown[..^2] + "…";
        }
        canvas.DrawText(shown, x, y, SKTextAlign.Left, font, paint);
    }
}
