using System.Collections.Immutable;
using SkiaSharp;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Samples.Synthesis;

namespace Sanoo.Samples.Paper;

/// <summary>
/// Draws a station's signed paper protocol as a small PNG, as a phone would photograph it: the form's lines, numbered,
/// each figure written by hand (digits drawn as jittered strokes, so no font is needed and the drawing is the same on
/// every machine), the votes per choice, a signature scrawl and the commission's round stamp. Deterministic: the same
/// protocol and seed always give the same bytes. Cheap: a 420 × 600 picture of thin strokes, a few milliseconds each.
/// </summary>
public static class ProtocolScan
{
    /// <summary>The picture's width in pixels.</summary>
    public const int Width = 420;

    /// <summary>The picture's height in pixels.</summary>
    public const int Height = 600;

    // Each digit as strokes in a unit box (x right, y down): one polyline per stroke.
    private static readonly float[][][] Digits =
    [
        [[0.5f, 0, 0.1f, 0.2f, 0, 0.6f, 0.3f, 1, 0.8f, 0.9f, 1, 0.4f, 0.8f, 0.05f, 0.5f, 0]],
        [[0.2f, 0.25f, 0.6f, 0, 0.6f, 1]],
        [[0.05f, 0.25f, 0.4f, 0, 0.85f, 0.2f, 0.7f, 0.55f, 0, 1, 1, 1]],
        [[0.1f, 0.1f, 0.7f, 0, 0.8f, 0.3f, 0.35f, 0.5f, 0.9f, 0.7f, 0.7f, 1, 0.05f, 0.9f]],
        [[0.7f, 1, 0.7f, 0], [0.7f, 0, 0, 0.65f, 1, 0.65f]],
        [[0.9f, 0, 0.2f, 0, 0.1f, 0.45f, 0.7f, 0.4f, 0.9f, 0.75f, 0.6f, 1, 0.05f, 0.9f]],
        [[0.8f, 0.05f, 0.3f, 0.2f, 0.05f, 0.7f, 0.4f, 1, 0.85f, 0.75f, 0.5f, 0.45f, 0.1f, 0.6f]],
        [[0, 0, 1, 0, 0.35f, 1], [0.3f, 0.5f, 0.8f, 0.5f]],
        [[0.5f, 0.5f, 0.1f, 0.25f, 0.5f, 0, 0.9f, 0.25f, 0.5f, 0.5f, 0.05f, 0.75f, 0.5f, 1, 0.95f, 0.75f, 0.5f, 0.5f]],
        [[0.9f, 0.4f, 0.5f, 0.55f, 0.1f, 0.3f, 0.5f, 0, 0.9f, 0.3f, 0.75f, 1]],
    ];

    /// <summary>
    /// The PNG of <paramref name="protocol"/> on <paramref name="election"/>'s form. With <paramref name="written"/>, the figures
    /// on paper (lines then votes) may differ from the protocol's typed ones: how a scan that does not match its protocol looks.
    /// </summary>
    public static byte[] Draw(Election election, Protocol protocol, ulong seed, ImmutableArray<int>? written = null)
    {
        var plan = election.Contest(protocol.Contest) ?? throw new ArgumentException($"unknown contest '{protocol.Contest}'", nameof(protocol));
        var figures = written ?? [.. protocol.Lines, .. protocol.Votes];
        var random = new SampleRandom(seed ^ StableHash(protocol.Station.Value + "/" + protocol.Contest.Value));
        using var bitmap = new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(new SKColor(250, 248, 240));
        using var print = new SKPaint { Color = new SKColor(60, 60, 60), StrokeWidth = 1, IsAntialias = true, Style = SKPaintStyle.Stroke };
        using var ink = new SKPaint
        {
            Color = new SKColor(20, 30, 120), StrokeWidth = 1.6f, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeCap = SKStrokeCap.Round,
        };
        // Header: the station's number, printed (straight strokes).
        var number = new string([.. protocol.Station.Value.Where(char.IsAsciiDigit)]);
        Write(canvas, print, number.Length > 0 ? number : "0", 24, 20, 10, 16, null);
        canvas.DrawLine(20, 46, Width - 20, 46, print);
        var rows = plan.Form.Lines.Length + plan.Choices.Length;
        var step = Math.Min(30f, (Height - 190f) / Math.Max(1, rows));
        for (var i = 0; i < rows; i++)
        {
            var y = 60 + (i * step);
            canvas.DrawLine(20, y + step - 3, Width - 20, y + step - 3, print);
            Write(canvas, print, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), 24, y + 4, 6, step * 0.45f, null);
            canvas.DrawLine(Width - 170, y, Width - 170, y + step - 3, print);
            var text = figures[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
            Write(canvas, ink, text, Width - 160 + (float)random.Between(0, 12), y + 3, step * 0.42f, step * 0.7f, random);
        }
        Signature(canvas, ink, 40, Height - 90, random);
        Stamp(canvas, Width - 100, Height - 80, random);
        // Fast zlib and one simple filter: a drawing of thin strokes on flat paper compresses well without the slow settings.
        using var pixels = bitmap.PeekPixels();
        using var data = pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, 3))
            ?? throw new InvalidOperationException("SkiaSharp could not encode a PNG");
        return data.ToArray();
    }

    /// <summary>
    /// Writes <paramref name="text"/>'s digits from (x, y), each <paramref name="width"/> by <paramref name="height"/>, by hand when a
    /// random is given.
    /// </summary>
    private static void Write(SKCanvas canvas, SKPaint paint, string text, float x, float y, float width, float height, SampleRandom? hand)
    {
        var slant = hand is null ? 0 : (float)hand.Between(0.05, 0.25);
        using var path = new SKPathBuilder();
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                continue;
            }
            var w = width * (hand is null ? 1 : (float)hand.Between(0.85, 1.15));
            foreach (var stroke in Digits[c - '0'])
            {
                for (var k = 0; k < stroke.Length; k += 2)
                {
                    var jx = hand is null ? 0 : (float)hand.Between(-0.07, 0.07);
                    var jy = hand is null ? 0 : (float)hand.Between(-0.05, 0.05);
                    var px = x + ((stroke[k] + jx) * w) + ((1 - stroke[k + 1]) * slant * height);
                    var py = y + ((stroke[k + 1] + jy) * height);
                    if (k == 0)
                    {
                        path.MoveTo(px, py);
                    }
                    else
                    {
                        path.LineTo(px, py);
                    }
                }
            }
            x += w * 1.35f;
        }
        using var drawn = path.Detach();
        canvas.DrawPath(drawn, paint);
    }

    /// <summary>A chairperson's signature: a looping scrawl of cubic curves.</summary>
    private static void Signature(SKCanvas canvas, SKPaint ink, float x, float y, SampleRandom random)
    {
        using var path = new SKPathBuilder();
        path.MoveTo(x, y);
        for (var i = 0; i < 6; i++)
        {
            var dx = (float)random.Between(12, 28);
            path.CubicTo(
                x + (float)random.Between(-5, 20), y - (float)random.Between(5, 30),
                x + dx + (float)random.Between(-10, 10), y + (float)random.Between(5, 25),
                x + dx, y + (float)random.Between(-8, 8));
            x += dx;
        }
        path.LineTo(x + 30, y - (float)random.Between(0, 6));
        using var drawn = path.Detach();
        canvas.DrawPath(drawn, ink);
    }

    /// <summary>The commission's round stamp: two rings and a ring of ticks for the lettering, in violet ink, a little crooked.</summary>
    private static void Stamp(SKCanvas canvas, float cx, float cy, SampleRandom random)
    {
        using var paint = new SKPaint
        {
            Color = new SKColor(90, 50, 160, 170), StrokeWidth = 2.2f, IsAntialias = true, Style = SKPaintStyle.Stroke,
        };
        canvas.Save();
        canvas.RotateDegrees((float)random.Between(-25, 25), cx, cy);
        canvas.DrawCircle(cx, cy, 55, paint);
        canvas.DrawCircle(cx, cy, 40, paint);
        paint.StrokeWidth = 1.4f;
        for (var a = 0; a < 40; a++)
        {
            var angle = a * Math.PI * 2 / 40;
            var (sin, cos) = ((float)Math.Sin(angle), (float)Math.Cos(angle));
            canvas.DrawLine(cx + (cos * 43), cy + (sin * 43), cx + (cos * 51), cy + (sin * 51), paint);
        }
        canvas.DrawLine(cx - 20, cy, cx + 20, cy, paint);
        canvas.Restore();
    }

    /// <summary>A hash of a text that is the same in every process (string.GetHashCode is randomised per process).</summary>
    private static ulong StableHash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 1099511628211UL);
        }
        return hash;
    }
}
