using System.Collections.Concurrent;
using System.Text;
using SkiaSharp;

namespace Sanoo.Web.Site;

/// <summary>
/// Finds the typeface to draw a text with by the letters that text has, so names in any script (Cyrillic, Georgian, Hebrew,
/// Arabic…) are drawn with a typeface that has them whenever the machine has one; nothing is chosen for one election's script.
/// Share previews and protocol sheets draw with it. Tried in order: the file named by <c>SANOO_SHEET_FONT</c>, then
/// <see cref="Files"/> (DejaVu Sans from Debian's fonts-dejavu-core, which scripts/setup.sh installs, Noto Sans, Liberation Sans),
/// then what the system's font manager offers for the first letter the default typeface lacks. Nothing is fetched from the
/// network. Typefaces are loaded once and shared, never disposed.
/// </summary>
public sealed class Typefaces
{
    /// <summary>The font files tried after <c>SANOO_SHEET_FONT</c>, in order.</summary>
    public static IReadOnlyList<string> Files { get; } =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
    ];

    /// <summary>This machine's typefaces: <c>SANOO_SHEET_FONT</c>'s file, then <see cref="Files"/>.</summary>
    public static Typefaces Machine { get; } = new(
        Environment.GetEnvironmentVariable("SANOO_SHEET_FONT") is { Length: > 0 } chosen ? [chosen, .. Files] : Files);

    private readonly Lazy<SKTypeface[]> _loaded;
    private readonly ConcurrentDictionary<int, SKTypeface?> _offered = new();

    /// <summary>Typefaces from <paramref name="files"/>, tried in order (files that are missing or no font are passed over).</summary>
    public Typefaces(IReadOnlyList<string> files) =>
        _loaded = new(() => [.. files.Where(File.Exists).Select(file => SKTypeface.FromFile(file)).OfType<SKTypeface>()]);

    /// <summary>
    /// The first typeface that has every letter of <paramref name="text"/>; when none has them, the first one tried (Skia's
    /// default when no file was found) and the first letter it lacks (which may then show as a box).
    /// </summary>
    public FoundTypeface For(string text)
    {
        var letters = Letters(text);
        var loaded = _loaded.Value;
        foreach (var typeface in loaded)
        {
            if (Has(typeface, letters))
            {
                return new FoundTypeface(typeface, null);
            }
        }
        var first = loaded.Length > 0 ? loaded[0] : SKTypeface.Default;
        if (loaded.Length == 0 && Has(first, letters))
        {
            return new FoundTypeface(first, null);
        }
        var missing = letters.EnumerateRunes().First(r => !Has(first, r.ToString()));
        var offered = _offered.GetOrAdd(missing.Value, static value => SKFontManager.Default.MatchCharacter(value));
        return offered is not null && Has(offered, letters)
            ? new FoundTypeface(offered, null)
            : new FoundTypeface(first, missing.ToString());
    }

    /// <summary>Whether <paramref name="typeface"/> has a glyph for every letter of <paramref name="text"/> (white space aside).</summary>
    public static bool Covers(SKTypeface typeface, string text) => Has(typeface, Letters(text));

    private static bool Has(SKTypeface typeface, string letters)
    {
        using var font = new SKFont(typeface);
        return font.ContainsGlyphs(letters);
    }

    /// <summary>Each letter of <paramref name="text"/> once, in order, white space and control characters left out.</summary>
    private static string Letters(string text)
    {
        var letters = new StringBuilder();
        foreach (var rune in text.EnumerateRunes().Where(r => !Rune.IsWhiteSpace(r) && !Rune.IsControl(r)).Distinct())
        {
            letters.Append(rune.ToString());
        }
        return letters.ToString();
    }
}

/// <summary>The typeface found for a text, and the first letter of it that typeface lacks (null when it has them all).</summary>
/// <param name="Typeface">The typeface.</param>
/// <param name="Missing">A letter no typeface on this machine had, or null.</param>
public sealed record FoundTypeface(SKTypeface Typeface, string? Missing);
