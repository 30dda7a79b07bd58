using System.Security.Cryptography;
using Sanoo.Core.Protocols;
using Spectre.Console;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// The images of signed paper protocols that log entries name, fetched and re-hashed: an image whose bytes do not hash to
/// the SHA-256 its protocol (signed by the station's device) names was changed after it was named, and the station is
/// named as a problem. An image the server does not have is a problem for a source that requires images and a warning
/// otherwise. <c>sanoo verify --skip-images</c> skips the downloads.
/// </summary>
internal sealed class ImageFetch
{
    private readonly Dictionary<string, (string Station, long Sequence, bool Required)> _named = new(StringComparer.Ordinal);

    /// <summary>How many different images the entries seen so far name.</summary>
    public int Count => _named.Count;

    /// <summary>Notes the image an entry's canonical bytes name, if any (the first entry naming an image is the one reported).</summary>
    public void Note(Core.Definitions.Election election, Contracts.LogEntry entry, byte[] canonical)
    {
        if (ProtocolImage.InCanonical(canonical) is not { } image)
        {
            return;
        }
        var required = Core.Definitions.SourceId.TryParse(entry.Source, out var source)
            && election.TrySourceIndex(source, out var index) && election.Sources[index].ImagesRequired;
        _named.TryAdd(image.Hex, (entry.Station, entry.Sequence, required));
    }

    /// <summary>Fetches every noted image and checks its hash; adds a problem for each that differs, and warns of missing ones.</summary>
    public async Task CheckAsync(IAnsiConsole console, VerifyCommand.IPublished origin, List<string> problems, CancellationToken cancellationToken)
    {
        var missing = 0;
        foreach (var (hex, (station, sequence, required)) in _named)
        {
            byte[] bytes;
            try
            {
                bytes = await origin.BytesAsync($"/api/v1/images/{hex}", cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or FileNotFoundException or DirectoryNotFoundException)
            {
                if (required)
                {
                    problems.Add($"entry {sequence} (station {station}): the image its protocol names ({hex[..16]}…) is not served");
                }
                missing++;
                continue;
            }
            var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
            if (actual != hex)
            {
                problems.Add($"IMAGE CHANGED: entry {sequence} (station {station}) names image {hex[..16]}…, but the bytes served hash to "
                    + $"{actual[..16]}…");
            }
        }
        if (missing > 0)
        {
            console.MarkupLineInterpolated($"[yellow]{missing} image(s) named by protocols are not served (not uploaded yet, or withheld).[/]");
        }
    }
}
