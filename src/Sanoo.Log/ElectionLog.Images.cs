using System.Collections.Concurrent;
using Sanoo.Core.Protocols;
using Sanoo.Storage.Images;

namespace Sanoo.Log;

/// <summary>
/// Images of signed paper protocols: stored content-addressed, and known as <em>named</em> once a log entry's signed
/// bytes name them. An image may be uploaded before the protocol that names it; only a named one is ever served.
/// </summary>
public sealed partial class ElectionLog
{
    private readonly ConcurrentDictionary<string, ImageNaming> _namedImages = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _imageScan = new(1, 1);
    private long _imagesScannedTo;

    /// <summary>Stores an image whose bytes the caller checked; false when it was stored already.</summary>
    public Task<bool> PutImageAsync(StoredImage image, CancellationToken cancellationToken = default) =>
        _store.PutImageAsync(image, cancellationToken);

    /// <summary>The image stored under <paramref name="sha256"/>, or null; served only once <see cref="ImageNamedByAsync"/> finds it named.</summary>
    public Task<StoredImage?> ImageAsync(byte[] sha256, CancellationToken cancellationToken = default) =>
        _store.ReadImageAsync(sha256, cancellationToken);

    /// <summary>
    /// The station of the first log entry (up to the current position) whose signed bytes name the image of hex SHA-256
    /// <paramref name="hex"/>, or null when none does. Reads each entry's bytes once, the first time an image is asked for
    /// and then only the entries appended since.
    /// </summary>
    public async Task<ImageNaming?> ImageNamedByAsync(string hex, CancellationToken cancellationToken = default)
    {
        if (_namedImages.TryGetValue(hex, out var known))
        {
            return known;
        }
        await _imageScan.WaitAsync(cancellationToken);
        try
        {
            var until = Position;
            if (_imagesScannedTo < until)
            {
                await foreach (var entry in _store.ReadAsync(_imagesScannedTo, withCanonical: true, cancellationToken))
                {
                    if (entry.Sequence > until)
                    {
                        break;
                    }
                    if (ProtocolImage.InCanonical(entry.Canonical.AsSpan()) is { } image)
                    {
                        _namedImages.TryAdd(image.Hex, new ImageNaming(entry.Station.Value, entry.Sequence));
                    }
                    _imagesScannedTo = entry.Sequence;
                }
            }
        }
        finally
        {
            _imageScan.Release();
        }
        return _namedImages.TryGetValue(hex, out var found) ? found : null;
    }
}

/// <summary>Which station's protocol names an image, and at which log position it was first named.</summary>
/// <param name="Station">The station's id.</param>
/// <param name="Sequence">The log position of the first entry naming it.</param>
public sealed record ImageNaming(string Station, long Sequence);
