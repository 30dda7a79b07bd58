using System.Buffers.Binary;
using System.Security.Cryptography;
using SkiaSharp;
using Sanoo.Storage.Images;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Sanoo.Web.Images;

/// <summary>
/// Whether uploaded bytes are an image of a signed paper protocol that Sanoo keeps: judged by the bytes, never by the
/// declared type. A JPEG or PNG must start with its magic number, decode completely with SkiaSharp, stay within
/// <see cref="MaxPixels"/> (a small file that decodes to gigabytes is refused before decoding), and carry no metadata
/// (EXIF with its GPS position, XMP, comments, text chunks): the submitter strips it first (<see cref="Strip"/>, what
/// <c>sanoo submit --image</c> does), so the hash the device signs is the hash of the bytes it holds and sends. A PDF
/// must open with PdfPig and have at most <see cref="MaxPdfPages"/> pages; its page contents are never decompressed here.
/// </summary>
public static class ImageCheck
{
    /// <summary>The most pixels a JPEG or PNG may decode to: 50 million (a 600 dpi A3 scan is about 70 million; a phone photo 12).</summary>
    public const long MaxPixels = 50_000_000;

    /// <summary>The most pages a PDF may have (a protocol is one or two sheets).</summary>
    public const int MaxPdfPages = 10;

    /// <summary>PNG chunks besides the critical ones that say how to show pixels and nothing about who made them or where.</summary>
    private static readonly HashSet<string> HarmlessPngChunks =
        ["tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "bKGD", "pHYs", "cICP", "hIST", "sPLT"];

    /// <summary>
    /// The image to store, or why not: <c>Status</c> 413 when larger than <paramref name="maxBytes"/>, 415 when the bytes
    /// are no JPEG, PNG or PDF, 400 when they are not what was declared, do not decode, are too large once decoded, carry
    /// metadata or have too many pages.
    /// </summary>
    public static (StoredImage? Image, int Status, string Problem) Check(byte[] bytes, string declaredType, long maxBytes)
    {
        if (bytes.LongLength > maxBytes)
        {
            return (null, 413, $"the image has {bytes.LongLength:N0} bytes; this election takes at most {maxBytes:N0}");
        }
        if (StoredImage.Sniff(bytes) is not { } actual)
        {
            return (null, 415, "the bytes are not a JPEG, PNG or PDF file (their first bytes are no such file's magic number)");
        }
        if (actual != declaredType)
        {
            return (null, 400, $"the bytes are {actual}, but {declaredType} was declared");
        }
        var problem = actual == "application/pdf" ? PdfProblem(bytes) : PixelProblem(bytes) ?? MetadataProblem(bytes, actual);
        return problem is null ? (new StoredImage(SHA256.HashData(bytes), actual, bytes), 200, "") : (null, 400, problem);
    }

    /// <summary>
    /// A JPEG or PNG re-encoded from its decoded pixels (JPEG at quality 92), so that nothing but the pixels remains:
    /// no EXIF, GPS position, XMP, comment or text chunk. A PDF comes back unchanged. Null when the bytes do not decode.
    /// </summary>
    public static byte[]? Strip(byte[] bytes)
    {
        var type = StoredImage.Sniff(bytes);
        if (type == "application/pdf")
        {
            return bytes;
        }
        using var input = type is null ? null : SKData.CreateCopy(bytes);
        using var codec = input is null ? null : SKCodec.Create(input);
        using var decoded = codec is null ? null : SKBitmap.Decode(codec);
        if (codec is null || decoded is null)
        {
            return null;
        }
        // The EXIF orientation goes with the metadata, so it is applied to the pixels first: a photo taken upright stays upright.
        using var bitmap = Upright(decoded, codec.EncodedOrigin);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(type == "image/png" ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg, 92);
        return data?.ToArray();
    }

    /// <summary>The pixels turned as the EXIF orientation says (the rotations a camera writes; mirrored ones are left as they are).</summary>
    private static SKBitmap Upright(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        var (degrees, swap) = origin switch
        {
            SKEncodedOrigin.BottomRight => (180f, false),
            SKEncodedOrigin.RightTop => (90f, true),
            SKEncodedOrigin.LeftBottom => (270f, true),
            _ => (0f, false),
        };
        var turned = new SKBitmap(swap ? bitmap.Height : bitmap.Width, swap ? bitmap.Width : bitmap.Height, bitmap.ColorType, bitmap.AlphaType);
        using var canvas = new SKCanvas(turned);
        canvas.Translate(turned.Width / 2f, turned.Height / 2f);
        canvas.RotateDegrees(degrees);
        canvas.Translate(-bitmap.Width / 2f, -bitmap.Height / 2f);
        canvas.DrawBitmap(bitmap, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest), null);
        return turned;
    }

    /// <summary>A small JPEG of a JPEG or PNG, <paramref name="width"/> pixels wide at most; null for a PDF or bytes that do not decode.</summary>
    public static byte[]? Thumbnail(byte[] bytes, int width = 240)
    {
        if (StoredImage.Sniff(bytes) is not ("image/jpeg" or "image/png"))
        {
            return null;
        }
        using var bitmap = SKBitmap.Decode(bytes);
        if (bitmap is null || bitmap.Width < 1)
        {
            return null;
        }
        var scale = Math.Min(1.0, (double)width / bitmap.Width);
        var info = new SKImageInfo(Math.Max(1, (int)(bitmap.Width * scale)), Math.Max(1, (int)(bitmap.Height * scale)));
        using var small = bitmap.Resize(info, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        if (small is null)
        {
            return null;
        }
        using var image = SKImage.FromBitmap(small);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 75);
        return data?.ToArray();
    }

    private const string AfterTheEnd = "the file carries bytes after the image's end marker; send the image alone";

    private static string? PixelProblem(byte[] bytes)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return "the bytes do not decode as an image";
        }
        var info = codec.Info;
        if ((long)info.Width * info.Height > MaxPixels || info.Width < 1 || info.Height < 1)
        {
            return $"the image is {info.Width} × {info.Height} pixels; at most {MaxPixels:N0} pixels are taken";
        }
        using var bitmap = new SKBitmap(new SKImageInfo(info.Width, info.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var result = codec.GetPixels(bitmap.Info, bitmap.GetPixels());
        return result == SKCodecResult.Success ? null : $"the image does not decode completely ({result})";
    }

    private static string? PdfProblem(byte[] bytes)
    {
        try
        {
            using var document = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = false });
            if (document.NumberOfPages > MaxPdfPages || document.NumberOfPages < 1)
            {
                return document.NumberOfPages < 1 ? "the PDF has no page"
                    : $"the PDF has {document.NumberOfPages} pages; a protocol image has at most {MaxPdfPages}";
            }
            return PdfActiveContent(bytes, document);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return $"the PDF cannot be read ({e.GetType().Name})";
        }
    }

    /// <summary>Names that make a PDF do or carry more than its pages: scripts, actions, attachments, forms, rich media.</summary>
    private static readonly string[] ActiveNames =
        ["/JavaScript", "/JS", "/Launch", "/EmbeddedFile", "/EmbeddedFiles", "/RichMedia", "/OpenAction", "/AA", "/AcroForm", "/XFA",
            "/SubmitForm", "/URI"];

    /// <summary>Catalog entries a protocol image has no use for: actions, name trees (scripts, attachments), forms, metadata.</summary>
    private static readonly string[] CatalogKeys = ["OpenAction", "AA", "Names", "AcroForm", "Metadata", "URI"];

    /// <summary>Page entries a protocol image has no use for: actions, annotations, metadata.</summary>
    private static readonly string[] PageKeys = ["AA", "Annots", "Metadata"];

    /// <summary>The document information a PDF may keep (what made it and when); anything else (title, author, keywords) is metadata.</summary>
    private static readonly string[] HarmlessInformation = ["Producer", "Creator", "CreationDate", "ModDate", "Trapped"];

    /// <summary>
    /// What in a PDF does more than show its pages, or describes the file: a script, an action, an attachment, a form, annotations, an
    /// XMP metadata stream or personal document information. The catalog, the trailer and every page are read through the parser
    /// (so compressed objects are seen); the bytes are also searched for the names, which catches them in uncompressed objects.
    /// </summary>
    private static string? PdfActiveContent(byte[] bytes, PdfDocument document)
    {
        var raw = System.Text.Encoding.Latin1.GetString(bytes);
        foreach (var name in ActiveNames)
        {
            for (var at = raw.IndexOf(name, StringComparison.Ordinal); at >= 0; at = raw.IndexOf(name, at + 1, StringComparison.Ordinal))
            {
                var next = at + name.Length < raw.Length ? raw[at + name.Length] : ' ';
                if (!char.IsAsciiLetterOrDigit(next))
                {
                    return $"the PDF holds {name[1..]}: a protocol image is pages only, with no script, action, attachment or form";
                }
            }
        }
        var catalog = document.Structure.Catalog.CatalogDictionary;
        foreach (var key in CatalogKeys)
        {
            if (catalog.ContainsKey(NameToken.Create(key)))
            {
                return $"the PDF's catalog holds {key}: a protocol image is pages only, with no script, attachment, form or metadata";
            }
        }
        for (var page = 1; page <= document.NumberOfPages; page++)
        {
            var dictionary = document.GetPage(page).Dictionary;
            if (PageKeys.Any(key => dictionary.ContainsKey(NameToken.Create(key))))
            {
                return $"page {page} of the PDF holds actions, annotations or metadata: a protocol image is its pages only";
            }
        }
        var information = document.Information.DocumentInformationDictionary;
        var personal = information?.Data.Keys.Where(k => !HarmlessInformation.Contains(k, StringComparer.Ordinal)).ToList() ?? [];
        return personal.Count == 0 ? null
            : $"the PDF carries metadata ({string.Join(", ", personal)}); remove the document information before sending it";
    }

    /// <summary>The metadata a decodable JPEG or PNG carries, named; null when it carries none.</summary>
    internal static string? MetadataProblem(byte[] bytes, string type) =>
        type == "image/jpeg" ? JpegMetadata(bytes) : PngMetadata(bytes);

    private static string? JpegMetadata(ReadOnlySpan<byte> bytes)
    {
        if (!bytes.EndsWith((ReadOnlySpan<byte>)[0xFF, 0xD9]))
        {
            return AfterTheEnd; // a file hidden behind the picture (a polyglot) would be published with it
        }
        var at = 2;
        while (at + 4 <= bytes.Length && bytes[at] == 0xFF)
        {
            var marker = bytes[at + 1];
            if (marker is 0xDA or 0xD9)
            {
                return null; // the scan starts: no header segment follows
            }
            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes[(at + 2)..]);
            var body = bytes.Slice(at + 4, Math.Max(0, Math.Min(length - 2, bytes.Length - at - 4)));
            var harmless = marker switch
            {
                0xE0 => body.StartsWith("JFIF\0"u8) || body.StartsWith("JFXX\0"u8),
                0xE2 => body.StartsWith("ICC_PROFILE\0"u8),
                0xEE => body.StartsWith("Adobe"u8),
                >= 0xE1 and <= 0xEF or 0xFE => false,
                _ => true,
            };
            if (!harmless)
            {
                var what = marker == 0xFE ? "a comment" : body.StartsWith("Exif\0"u8) ? "EXIF metadata (camera, time, GPS position)"
                    : $"an APP{marker - 0xE0} segment";
                return $"the JPEG carries {what}; strip it before hashing (sanoo submit --image does)";
            }
            at += 2 + length;
        }
        return null;
    }

    private static string? PngMetadata(ReadOnlySpan<byte> bytes)
    {
        var at = 8;
        while (at + 12 <= bytes.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(bytes[at..]);
            var type = System.Text.Encoding.ASCII.GetString(bytes.Slice(at + 4, 4));
            if (type == "IEND")
            {
                return at + 12 == bytes.Length ? null : AfterTheEnd;
            }
            if (char.IsLower(type[0]) && !HarmlessPngChunks.Contains(type))
            {
                return $"the PNG carries a {type} chunk (text, time or EXIF metadata); strip it before hashing (sanoo submit --image does)";
            }
            if (length > int.MaxValue - 12 - at)
            {
                return null;
            }
            at += 12 + (int)length;
        }
        return null;
    }
}
