using System.Text.Json;
using Sanoo.Core.Definitions;
using Sanoo.Storage.Log;
using Wire = Sanoo.Contracts;

namespace Sanoo.Web.PublicApi;

/// <summary>One station: its voter lists, and for each contest and source the version counted and every version received, with receipts.</summary>
public static class StationJson
{
    /// <summary>
    /// The wire form (<see cref="Wire.StationRecord"/>) of the station at <paramref name="snapshot"/>, with what
    /// <paramref name="published"/> states of it as the station's page frames it: when it was published, a pause, the tree head.
    /// </summary>
    public static Wire.StationRecord Of(
        Election election, Area station, IReadOnlyList<LogEntry> entries, long snapshot, Publishing.Published published) => new(
        snapshot,
        station.Id.Value,
        station.Parent?.Value,
        station.Roll!.Registered,
        station.Roll.Additional,
        [.. entries.GroupBy(e => (e.Contest, e.Source)).Select(g => new Wire.StationCount(
            g.Key.Contest.Value,
            g.Key.Source.Value,
            g.LastOrDefault(e => e.Outcome == StoredOutcome.Accepted)?.Version,
            [.. g.Select(Version)]))])
    {
        PublishedAt = published.PublishedAt,
        Halted = published.Halted is not null,
        TreeHead = Site.SiteJson.TreeHead(published.TreeHead?.Head),
    };

    private static Wire.ProtocolVersion Version(LogEntry e) => new(
        e.Sequence,
        e.Version,
        WireEnums.Of<Wire.StoredOutcome>(e.Outcome),
        Convert.ToHexStringLower(e.ContentHash.AsSpan()),
        e.ReceivedAt,
        e.Sender,
        e.CorrectionReason is null ? null : new Wire.Correction(e.CorrectionReason, e.CorrectionAuthor),
        [.. ViolationsJson.Read(e.Violations).Select(v => v.Describe())],
        JsonElement.Parse(e.Canonical.AsSpan()));
}
