using System.Collections.Concurrent;
using Sanoo.Core.Protocols;
using Sanoo.Storage.Images;

namespace Sanoo.Log;

/// <summary>
/// Images of signed paper protocols and observers' photos: stored content-addressed, and known as <em>named</em> once a log
/// entry's signed bytes or a report in the register name them. An image may be uploaded before the protocol or report that
/// names it; only a named one is ever served.
/// </summary>
public sealed partial class ElectionLog
{
    private readonly ConcurrentDictionary<string, ImageNaming> _namedImages = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _imageScan = new(1, 1);
    private long _imagesScannedTo;
    private long _reportPhotosScannedTo;

    /// <summary>Stores an image whose bytes the caller checked; false when it was stored already.</summary>
    public Task<bool> PutImageAsync(StoredImage image, CancellationToken cancellationToken = default) =>
        _store.PutImageAsync(image, cancellationToken);

    /// <summary>The image stored under <paramref name="sha256"/>, or null; served only once <see cref="ImageNamedByAsync"/> finds it named.</summary>
    public Task<StoredImage?> ImageAsync(byte[] sha256, CancellationToken cancellationToken = default) =>
        _store.ReadImageAsync(sha256, cancellationToken);

    /// <summary>
    /// The station of the first log entry (up to the current position) whose signed bytes name the image of hex SHA-256
    /// <paramref name="hex"/>, else of the first observer's report naming it as its photo, or null when none does. Reads each
    /// entry's bytes and each register record once, the first time an image is asked for and then only those appended since.
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
            if (!_namedImages.ContainsKey(hex) && _reportPhotosScannedTo < RegisterSize)
            {
                foreach (var row in await _store.ReadRegisterAsync(_reportPhotosScannedTo, cancellationToken))
                {
                    if (row.Kind == Core.Register.ReportRecord.Word
                        && Core.Register.RegisterRecord.Decode(row.Record.AsSpan()) is Core.Register.ReportRecord { PhotoSha256: { } photo } report)
                    {
                        _namedImages.TryAdd(
                            Convert.ToHexStringLower(photo.AsSpan()), new ImageNaming(report.StationId, row.Sequence, report.Number));
                    }
                    _reportPhotosScannedTo = row.Sequence;
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

/// <summary>Which station's protocol (or report) names an image, and where it was first named.</summary>
/// <param name="Station">The station's id.</param>
/// <param name="Sequence">The log position of the first entry naming it; for a report's photo, the report's register sequence.</param>
/// <param name="Report">The number of the observer's report whose photo it is; null for a protocol's image.</param>
public sealed record ImageNaming(string Station, long Sequence, long? Report = null);
