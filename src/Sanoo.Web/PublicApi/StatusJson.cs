using Sanoo.Log;
using Sanoo.Storage.Log;
using Sanoo.Web.Ingest;
using Sanoo.Web.Publishing;
using Wire = Sanoo.Contracts;

namespace Sanoo.Web.PublicApi;

/// <summary>The server's status and the list of versions not counted, as the wire carries them.</summary>
public static class StatusJson
{
    /// <summary>The wire form of the status (<see cref="Wire.ServerStatus"/>).</summary>
    public static Wire.ServerStatus Of(ElectionLog log, Published published, byte[] commissionKey) => new(
        log.Election.Id.Value,
        log.Election.Definition.Name.Texts,
        published.Snapshot?.Position,
        published.PublishedAt,
        log.Position,
        published.Halted is null ? Wire.Publication.Live : Wire.Publication.Halted,
        published.Halted,
        published.TreeHead is { } head ? TransparencyJson.Of(head, commissionKey) : null);

    /// <summary>The wire form of what is not counted up to <paramref name="position"/> (<see cref="Wire.NotCountedList"/>).</summary>
    public static Wire.NotCountedList NotCounted(IEnumerable<LogEntry> uncounted, long position) => new(
        position,
        [.. uncounted.Where(e => e.Sequence <= position).Select(e => new Wire.NotCounted(
            e.Sequence,
            e.Station.Value,
            e.Contest.Value,
            e.Source.Value,
            e.Version,
            WireEnums.Of<Wire.StoredOutcome>(e.Outcome),
            [.. ViolationsJson.Read(e.Violations).Select(ReceiptJson.Of)],
            e.ReceivedAt))]);
}
