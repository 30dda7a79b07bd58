using System.Buffers.Text;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;

namespace Sanoo.Cli.Sheets;

/// <summary>
/// What the QR code of a printed protocol sheet carries (docs/protocol-sheet.md): exactly the fields of the canonical signed
/// bytes (<see cref="ProtocolWriter.Canonical"/>) and the device's signature over them, in a compact text form
/// <c>SAN1|election|station|contest|source|version|lines|votes|signature</c>, followed by <c>|author|reason</c> on a correction.
/// Figures are decimal, comma-separated, in the definition's order (the form's lines, the contest's choices), so a reader
/// needs the published definition to name them and to rebuild the canonical bytes. Ids need no escaping: their syntax
/// (<see cref="IdSyntax"/>) has neither '|' nor ','. The signature is base64url without padding, empty when the source is
/// not signed. A correction's author and reason are percent-encoded UTF-8 (RFC 3986 unreserved characters as they are),
/// so the whole payload is printable ASCII, read the same by every QR reader.
/// Invariant: <see cref="Decode"/> of <see cref="Encode"/> gives back an equal payload.
/// </summary>
/// <param name="Protocol">The protocol as counted: ids, version, figures and, from version 2, its correction.</param>
/// <param name="Signature">The device's Ed25519 signature over the canonical bytes (64 bytes), or empty for an unsigned source.</param>
public sealed record SheetPayload(Protocol Protocol, ImmutableArray<byte> Signature)
{
    /// <summary>The first field: the format and its version. A later format takes another tag; readers refuse tags they do not know.</summary>
    public const string Tag = "SAN1";

    /// <summary>The payload as the text a QR code holds (printable ASCII).</summary>
    public string Encode()
    {
        var p = Protocol;
        var text = new StringBuilder(512)
            .Append(Tag).Append('|')
            .Append(p.Election.Value).Append('|')
            .Append(p.Station.Value).Append('|')
            .Append(p.Contest.Value).Append('|')
            .Append(p.Source.Value).Append('|')
            .Append(p.Version.ToString(CultureInfo.InvariantCulture)).Append('|')
            .AppendJoin(',', p.Lines.Select(v => v.ToString(CultureInfo.InvariantCulture))).Append('|')
            .AppendJoin(',', p.Votes.Select(v => v.ToString(CultureInfo.InvariantCulture))).Append('|')
            .Append(Signature.IsDefaultOrEmpty ? "" : Base64Url.EncodeToString(Signature.AsSpan())).Append('|')
            .Append(p.Image is { } image ? ImageCode(image.MediaType) + Base64Url.EncodeToString(image.Sha256.AsSpan()) : "");
        if (p.Correction is { } correction)
        {
            text.Append('|').Append(Uri.EscapeDataString(correction.Author)).Append('|').Append(Uri.EscapeDataString(correction.Reason));
        }
        return text.ToString();
    }

    /// <summary>Reads a QR code's text; what is not a sheet of this format is said in words, never thrown.</summary>
    public static SheetDecode Decode(string text)
    {
        var fields = text.Split('|');
        if (fields[0] != Tag)
        {
            return new SheetDecode.NotASheet(fields[0].StartsWith("SAN", StringComparison.Ordinal)
                ? $"it is a Sanoo sheet of format '{Shorten(fields[0])}', which this version does not read (it reads {Tag})"
                : $"it does not start with {Tag}| (it reads \"{Shorten(text)}\")");
        }
        if (fields.Length is not (10 or 12))
        {
            return new SheetDecode.NotASheet($"it has {fields.Length} fields separated by '|'; a {Tag} sheet has 10, or 12 with a correction");
        }
        var problems = new List<string>();
        var election = Id<ElectionId>(fields[1], ElectionId.TryParse, "election", problems);
        var station = Id<AreaId>(fields[2], AreaId.TryParse, "station", problems);
        var contest = Id<ContestId>(fields[3], ContestId.TryParse, "contest", problems);
        var source = Id<SourceId>(fields[4], SourceId.TryParse, "source", problems);
        var version = Figure(fields[5], "version", problems);
        var lines = Figures(fields[6], "lines", problems);
        var votes = Figures(fields[7], "votes", problems);
        var signature = ImmutableArray<byte>.Empty;
        if (fields[8].Length > 0)
        {
            try
            {
                signature = [.. Base64Url.DecodeFromChars(fields[8])];
            }
            catch (FormatException)
            {
                problems.Add("the signature is not base64url");
            }
        }
        var image = Image(fields[9], problems);
        Correction? correction = null;
        if (fields.Length == 12)
        {
            try
            {
                correction = new Correction(Uri.UnescapeDataString(fields[11]), Uri.UnescapeDataString(fields[10]));
            }
            catch (UriFormatException)
            {
                problems.Add("the correction is not percent-encoded text");
            }
        }
        if (problems.Count > 0)
        {
            return new SheetDecode.NotASheet(string.Join("; ", problems));
        }
        var protocol = new Protocol(election!.Value, station!.Value, contest!.Value, source!.Value, version, lines, votes, correction, image);
        return new SheetDecode.Read(new SheetPayload(protocol, signature));
    }

    /// <summary>The one-letter code of an image's media type in field 10: j (JPEG), p (PNG), f (PDF).</summary>
    private static char ImageCode(string mediaType) => mediaType switch
    {
        "image/jpeg" => 'j',
        "image/png" => 'p',
        "application/pdf" => 'f',
        _ => throw new ArgumentException($"no sheet code for the media type '{mediaType}'", nameof(mediaType)),
    };

    /// <summary>Field 10: empty, or a media type's code and the image's SHA-256 in base64url.</summary>
    private static ProtocolImage? Image(string field, List<string> problems)
    {
        if (field.Length == 0)
        {
            return null;
        }
        var type = field[0] switch
        {
            'j' => "image/jpeg",
            'p' => "image/png",
            'f' => "application/pdf",
            _ => null,
        };
        try
        {
            var hash = Base64Url.DecodeFromChars(field.AsSpan(1));
            if (type is not null && hash.Length == 32)
            {
                return new ProtocolImage([.. hash], type);
            }
        }
        catch (FormatException)
        {
        }
        problems.Add("the image field is not a media type code (j, p or f) and a base64url SHA-256");
        return null;
    }

    /// <summary>Whether the two payloads carry the same protocol and the same signature bytes.</summary>
    public bool Equals(SheetPayload? other) =>
        other is not null && Protocol.Equals(other.Protocol) && Signature.AsSpan().SequenceEqual(other.Signature.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => Protocol.GetHashCode();

    private static T? Id<T>(string text, Parse<T> parse, string what, List<string> problems)
        where T : struct
    {
        if (parse(text, out var id))
        {
            return id;
        }
        problems.Add($"the {what} '{Shorten(text)}' is not an id ({IdSyntax.Rule})");
        return null;
    }

    private static int Figure(string text, string what, List<string> problems)
    {
        if (text.Length is > 0 and <= 10 && text.All(char.IsAsciiDigit)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        problems.Add($"the {what} '{Shorten(text)}' is not a whole number from 0 to 2,147,483,647");
        return 0;
    }

    private static ImmutableArray<int> Figures(string text, string what, List<string> problems) =>
        text.Length == 0 ? [] : [.. text.Split(',').Select((f, i) => Figure(f, $"{what} figure {i + 1}", problems))];

    private delegate bool Parse<T>(string? text, out T id);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
