using System.Security.Cryptography;
using Sanoo.Core.Protocols;
using Spectre.Console;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// The images of signed paper protocols that log entries name, and the photos observers' reports name, fetched and
/// re-hashed: an image whose bytes do not hash to the SHA-256 its protocol (signed by the station's device) or its report
/// (a register record) names was changed after it was named, and the entry or report is named as a problem. An image the
/// server does not have is a problem for a source that requires images and a warning otherwise. <c>sanoo verify
/// --skip-images</c> skips the downloads. Following, each round fetches the images named since the last and those not served
/// then; an image fetched and re-hashed once is not fetched again (its address is its hash).
/// </summary>
internal sealed class ImageFetch
{
    private readonly Dictionary<string, (string Where, bool Required)> _named = new(StringComparer.Ordinal);
    private readonly List<string> _unchecked = [];

    /// <summary>How many different images the entries and reports seen so far name.</summary>
    public int Count => _named.Count;

    /// <summary>How many of them only reports name (an observer's own photo).</summary>
    public int ReportPhotos { get; private set; }

    /// <summary>Notes the photo a report names, if <paramref name="record"/> is one (each image once; an image a protocol names too is
    /// reported as the protocol's).</summary>
    public void NoteReport(Core.Register.RegisterRecord record)
    {
        if (record is Core.Register.ReportRecord { PhotoSha256: { } photo } report && _named.TryAdd(
            Convert.ToHexStringLower(photo.AsSpan()), ($"report {report.Number} (station {report.StationId})", false)))
        {
            _unchecked.Add(Convert.ToHexStringLower(photo.AsSpan()));
            ReportPhotos++;
        }
    }

    /// <summary>Notes the image an entry's canonical bytes name (the first entry naming an image is the one reported).</summary>
    public void Note(Core.Definitions.Election election, ServedEntry entry, ProtocolImage image)
    {
        var required = Core.Definitions.SourceId.TryParse(entry.Source, out var source)
            && election.TrySourceIndex(source, out var index) && election.Sources[index].ImagesRequired;
        if (_named.TryAdd(image.Hex, ($"entry {entry.Sequence} (station {entry.Station})", required)))
        {
            _unchecked.Add(image.Hex);
        }
    }

    /// <summary>Fetches every image noted and not yet checked and checks its hash; adds a problem for each that differs, and warns of
    /// missing ones (fetched again next time).</summary>
    public async Task CheckAsync(IAnsiConsole console, VerifyCommand.IPublished origin, List<string> problems, CancellationToken cancellationToken)
    {
        var missing = 0;
        var images = _unchecked.ToList();
        _unchecked.Clear();
        foreach (var hex in images)
        {
            var (where, required) = _named[hex];
            byte[] bytes;
            try
            {
                bytes = await origin.BytesAsync($"/api/v1/images/{hex}", cancellationToken);
            }
            catch (HttpRequestException e) when (e.StatusCode == System.Net.HttpStatusCode.InternalServerError)
            {
                // The server re-hashes what it serves and withholds bytes that no longer match: the stored image was changed.
                problems.Add($"IMAGE CHANGED: {where} names image {hex[..16]}…, but the server withholds it: its stored bytes no longer "
                    + "hash to that address");
                continue;
            }
            catch (Exception e) when (e is HttpRequestException or FileNotFoundException or DirectoryNotFoundException)
            {
                if (required)
                {
                    problems.Add($"{where}: the image its protocol names ({hex[..16]}…) is not served");
                }
                missing++;
                _unchecked.Add(hex);
                continue;
            }
            var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
            if (actual != hex)
            {
                problems.Add($"IMAGE CHANGED: {where} names image {hex[..16]}…, but the bytes served hash to "
                    + $"{actual[..16]}…");
            }
        }
        if (missing > 0)
        {
            console.MarkupLineInterpolated(
                $"[yellow]{missing} image(s) named by protocols or reports are not served (not uploaded yet, or withheld).[/]");
        }
    }
}
