using System.Globalization;
using QRCoder;
using Sanoo.Core.Definitions;
using SkiaSharp;

namespace Sanoo.Cli.Sheets;

/// <summary>
/// Draws a printable protocol sheet as a raster: the election, station, contest and count names, each form line and choice with
/// its figure, the version, and the QR code of its <see cref="SheetPayload"/> at error correction level M. The page is
/// 1240 pixels wide (A4 at 150 dpi) and as tall as its rows need; the QR code's modules are whole pixels, at least 7 each, so
/// that a phone photograph of the printed page reads back. Units: pixels.
/// </summary>
public static class SheetRenderer
{
    /// <summary>The page's width in pixels.</summary>
    public const int Width = 1240;

    private const int Margin = 60;
    private const int Row = 36;
    private const float TextSize = 22;

    /// <summary>
    /// The sheet of <paramref name="payload"/>, whose protocol must fit <paramref name="election"/>, with names in
    /// <paramref name="language"/>, as a PNG; and the font's warning when names may not show.
    /// </summary>
    /// <exception cref="ArgumentException">The payload is too long for any QR code (a correction's text of thousands of bytes).</exception>
    public static (byte[] Png, string? FontWarning) RenderPng(Election election, SheetPayload payload, string language)
    {
        var text = payload.Encode();
        using var generator = new QRCodeGenerator();
        QRCodeData code;
        try
        {
            code = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        }
        catch (QRCoder.Exceptions.DataTooLongException e)
        {
            throw new ArgumentException($"the sheet's payload is {text.Length} bytes, more than a QR code holds ({e.Message})", nameof(payload));
        }
        var content = Content(election, payload, language);
        var font = SheetFont.For(string.Concat(content.Select(c => c.Left + c.Right)));
        var modules = code.ModuleMatrix.Count;
        var scale = Math.Max(7, 500 / modules);
        var qrSize = modules * scale;
        var headerRows = content.TakeWhile(c => c.Kind != RowKind.Section).Count();
        var tableTop = Math.Max(Margin + headerRows * (Row + 8), Margin + qrSize) + 30;
        var height = tableTop + content.Skip(headerRows).Count() * Row + 3 * Row + Margin;
        using var bitmap = new SKBitmap(Width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            DrawCode(canvas, code, Width - Margin - qrSize + 4 * scale, Margin - 4 * scale, scale);
            using var regular = new SKFont(font.Typeface, TextSize);
            using var bold = new SKFont(font.Typeface, TextSize) { Embolden = true };
            using var title = new SKFont(font.Typeface, 32) { Embolden = true };
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            using var shade = new SKPaint { Color = new SKColor(0xEE, 0xEE, 0xEE) };
            var headerWidth = Width - 2 * Margin - qrSize - 20;
            var y = Margin + 28f;
            var row = 0;
            foreach (var (kind, left, right) in content)
            {
                if (row == headerRows)
                {
                    y = tableTop;
                }
                if (row < headerRows)
                {
                    if (kind == RowKind.Title)
                    {
                        // A long election name is set smaller before it is cut.
                        while (title.Size > TextSize && title.MeasureText(left, ink) > headerWidth)
                        {
                            title.Size -= 2;
                        }
                    }
                    Fitted(canvas, left, Margin, y, headerWidth, kind == RowKind.Title ? title : regular, ink);
                    y += Row + 8;
                }
                else if (kind == RowKind.Section)
                {
                    y += Row / 2f;
                    canvas.DrawText(left, Margin, y + 24, SKTextAlign.Left, bold, ink);
                    canvas.DrawLine(Margin, y + Row - 2, Width - Margin, y + Row - 2, ink);
                    y += Row;
                }
                else
                {
                    if (row % 2 == 0)
                    {
                        canvas.DrawRect(Margin, y, Width - 2 * Margin, Row, shade);
                    }
                    Fitted(canvas, left, Margin + 8, y + 25, Width - 2 * Margin - 220, regular, ink);
                    canvas.DrawText(right, Width - Margin - 8, y + 25, SKTextAlign.Right, bold, ink);
                    y += Row;
                }
                row++;
            }
            using var small = new SKFont(font.Typeface, 16);
            canvas.DrawText(
                $"QR: {Encoding(text)}. Check it against the published log: sanoo check-sheet PHOTO --url URL (docs/protocol-sheet.md).",
                Margin, height - Margin + 20, SKTextAlign.Left, small, ink);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return (png.ToArray(), font.Warning);
    }

    /// <summary>The rows the sheet prints: header lines first, then a section of form lines and one of choices.</summary>
    internal static List<(RowKind Kind, string Left, string Right)> Content(Election election, SheetPayload payload, string language)
    {
        var p = payload.Protocol;
        var plan = election.Contest(p.Contest) ?? throw new ArgumentException($"unknown contest '{p.Contest}'", nameof(payload));
        var station = election.Area(p.Station) ?? throw new ArgumentException($"unknown station '{p.Station}'", nameof(payload));
        var source = election.Sources[election.SourceIndex(p.Source)];
        var words = SheetWords.For(language);
        var above = new List<string>();
        for (var parent = station.Parent; parent is { } id && election.Area(id) is { } area && area.Parent is not null; parent = area.Parent)
        {
            above.Add(area.DisplayName(language));
        }
        var rows = new List<(RowKind, string, string)>
        {
            (RowKind.Title, election.Definition.Name.In(language), ""),
            (RowKind.Header, $"{words.Station} {p.Station}" + (station.Name is null ? "" : $": {station.DisplayName(language)}"), ""),
            (RowKind.Header, string.Join(" · ", above), ""),
            (RowKind.Header, $"{plan.Contest.Name.In(language)} ({p.Contest})", ""),
            (RowKind.Header, $"{source.Name.In(language)} ({p.Source})", ""),
            (RowKind.Header, $"{words.Version} {p.Version}" + (p.Correction is { } c
                ? $", {words.Correction}: {c.Author}: {c.Reason}"
                : $" ({words.FirstRecord})"), ""),
            (RowKind.Header, payload.Signature.IsDefaultOrEmpty ? words.NotSigned : words.Signed, ""),
            (RowKind.Section, words.Protocol, ""),
        };
        rows.AddRange(plan.Form.Lines.Select((line, i) => (RowKind.Figure, line.Name.In(language), Figure(p.Lines[i]))));
        rows.Add((RowKind.Section, words.Votes, ""));
        rows.AddRange(plan.Choices.Select((choice, i) => (
            RowKind.Figure,
            (choice.BallotNumber is { } n ? $"{n}. " : "") + choice.Name.In(language),
            Figure(p.Votes[i]))));
        return rows;
    }

    /// <summary>What a row of the sheet is.</summary>
    internal enum RowKind
    {
        /// <summary>The election's name.</summary>
        Title,

        /// <summary>A line of the header beside the QR code.</summary>
        Header,

        /// <summary>A section's heading.</summary>
        Section,

        /// <summary>A named figure.</summary>
        Figure,
    }

    private static string Figure(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Encoding(string text) => $"{text.Length} bytes, format {SheetPayload.Tag}";

    private static void DrawCode(SKCanvas canvas, QRCodeData code, float x, float y, int scale)
    {
        using var black = new SKPaint { Color = SKColors.Black, IsAntialias = false };
        for (var r = 0; r < code.ModuleMatrix.Count; r++)
        {
            var modules = code.ModuleMatrix[r];
            for (var c = 0; c < modules.Length; c++)
            {
                if (modules[c])
                {
                    canvas.DrawRect(x + c * scale, y + r * scale, scale, scale, black);
                }
            }
        }
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
