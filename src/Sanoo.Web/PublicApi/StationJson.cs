using System.Text;
using Sanoo.Core.Definitions;
using Sanoo.Storage.Log;

namespace Sanoo.Web.PublicApi;

/// <summary>One station: its voter lists, and for each contest and source the version counted and every version received, with receipts.</summary>
public static class StationJson
{
    /// <summary>The JSON shape.</summary>
    public static object Of(Election election, Area station, IReadOnlyList<LogEntry> entries, long snapshot) => new
    {
        snapshot,
        station = station.Id.Value,
        parent = station.Parent?.Value,
        registered = station.Roll!.Registered,
        additional = station.Roll.Additional,
        counts = entries.GroupBy(e => (e.Contest, e.Source)).Select(g => new
        {
            contest = g.Key.Contest.Value,
            source = g.Key.Source.Value,
            countedVersion = g.LastOrDefault(e => e.Outcome == StoredOutcome.Accepted)?.Version,
            versions = g.Select(e => new
            {
                sequence = e.Sequence,
                version = e.Version,
                outcome = OutcomeText.Of(e.Outcome),
                contentHash = Convert.ToHexStringLower(e.ContentHash.AsSpan()),
                receivedAt = e.ReceivedAt,
                sender = e.Sender,
                correction = e.CorrectionReason is null ? null : new { reason = e.CorrectionReason, author = e.CorrectionAuthor },
                violations = ViolationsJson.Read(e.Violations).Select(v => v.Describe()),
                protocol = System.Text.Json.JsonDocument.Parse(Encoding.UTF8.GetString(e.Canonical.AsSpan())).RootElement,
            }),
        }),
    };
}
