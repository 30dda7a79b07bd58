using System.Globalization;
using Sanoo.Core.Definitions;
using Sanoo.Core.Tally;

namespace Sanoo.Core.Err;

/// <summary>
/// A snapshot as an NIST SP 1500-100 v2 Election Results Reporting report (docs/err.md): every area as a GpUnit, the parties,
/// candidates, contests and their selections, the votes of every area and station per count source, and each contest's ballots
/// cast and rejected. A pure mapping: the same snapshot and context give the same report.
/// </summary>
public static class ErrExport
{
    /// <summary>The report of <paramref name="snapshot"/>, ready for <c>ErrJson</c> or <c>ErrXml</c> to write.</summary>
    public static ErrObject Report(Snapshot snapshot, ErrContext context)
    {
        var election = snapshot.Election;
        return new ErrObject(
            "ElectionReport",
            null,
            [
                new("Election", new ErrList([Election(snapshot)])),
                new(
                    "ExternalIdentifier",
                    new ErrList([ErrWords.External(ErrIds.Snapshot, snapshot.Position.ToString(CultureInfo.InvariantCulture))]))
                {
                    Leads = true,
                },
                new("Format", new ErrText("precinct-level")),
                new("GeneratedDate", new ErrText(context.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))),
                new("GpUnit", new ErrList(Units(election))),
                new("Issuer", new ErrText($"Sanoo results of {election.Id}")),
                new("IssuerAbbreviation", new ErrText(election.Id.Value)),
                new("Party", new ErrList(election.Definition.Choices.Where(c => c.Kind == ChoiceKind.Party).Select(c => Party(c, election)))),
                new("SequenceStart", new ErrNumber(1)),
                new("SequenceEnd", new ErrNumber(1)),
                new("Status", new ErrText(Status(snapshot, context))),
                new("VendorApplicationId", new ErrText(context.Vendor)),
            ]);
    }

    /// <summary>
    /// <c>certified</c> once the commission certified; <c>unofficial-complete</c> when the official count of every contest has every
    /// station; else <c>unofficial-partial</c>.
    /// </summary>
    public static string Status(Snapshot snapshot, ErrContext context)
    {
        if (context.Certified)
        {
            return "certified";
        }
        var election = snapshot.Election;
        var source = election.DefaultSource.Id;
        var complete = election.Contests.All(plan =>
            snapshot.Tally(plan.Contest.Id, source, plan.Contest.Area) is { } tally && tally.StationsReporting == tally.StationsExpected);
        return complete ? "unofficial-complete" : "unofficial-partial";
    }

    private static ErrObject Election(Snapshot snapshot)
    {
        var election = snapshot.Election;
        var definition = election.Definition;
        var date = new ErrText(definition.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var candidates = definition.Choices.Where(c => c.Kind == ChoiceKind.Candidate).Select(c => Candidate(c, election));
        return new ErrObject(
            "Election",
            null,
            [
                new("BallotCounts", new ErrList(ErrCounts.Ballots(snapshot))),
                new("Candidate", new ErrList(candidates)),
                new("Contest", new ErrList(election.Contests.Select(plan => ErrContests.Contest(snapshot, plan)))),
                new("ElectionScopeId", new ErrText(ErrIds.Of(election.Areas[0].Id))),
                new(
                    "ExternalIdentifier",
                    new ErrList(
                    [
                        ErrWords.External(ErrIds.SanooId, election.Id.Value),
                        ErrWords.External(ErrIds.OfficialSource, election.DefaultSource.Id.Value),
                    ])),
                new("Name", ErrWords.Text(definition.Name, definition.Languages)),
                new("StartDate", date),
                new("EndDate", date),
                new("Type", new ErrText("general")),
            ]);
    }

    private static IEnumerable<ErrValue> Units(Election election)
    {
        var children = new List<string>?[election.Areas.Length];
        for (var i = 0; i < election.Areas.Length; i++)
        {
            if (election.ParentIndex(i) is var parent && parent >= 0)
            {
                (children[parent] ??= []).Add(ErrIds.Of(election.Areas[i].Id));
            }
        }
        return election.Areas.Select((area, i) =>
        {
            IReadOnlyList<string>? composing = election.InGrouping(i) ? [.. area.Members.Select(ErrIds.Of)] : children[i];
            var (type, otherType) = ErrWords.UnitType(election.LevelOf(area), area.IsStation);
            return (ErrValue)new ErrObject(
                "ReportingUnit",
                ErrIds.Of(area.Id),
                [
                    new("ComposingGpUnitIds", composing is { Count: > 0 } ? new ErrRefs(composing) : null),
                    new("Name", area.Name is { } name ? ErrWords.Text(name, election.Definition.Languages) : null),
                    new("Type", new ErrText(type)),
                    new("OtherType", otherType is null ? null : new ErrText(otherType)),
                    new("VotersRegistered", new ErrNumber(election.RegisteredVoters(i))),
                ])
            { Derived = true };
        });
    }

    private static ErrObject Party(Choice party, Election election) => new(
        "Party",
        ErrIds.Of(party),
        [new("ExternalIdentifier", BallotNumber(party)), new("Name", ErrWords.Text(party.Name, election.Definition.Languages))]);

    private static ErrObject Candidate(Choice candidate, Election election) => new(
        "Candidate",
        ErrIds.Of(candidate),
        [
            new("BallotName", ErrWords.Text(candidate.Name, election.Definition.Languages)),
            new("ExternalIdentifier", BallotNumber(candidate)),
            new("PartyId", candidate.Party is { } party ? new ErrText(ErrIds.Party + party.Value) : null),
        ]);

    /// <summary>The choice's number on the ballot as an external identifier, where it has one.</summary>
    internal static ErrList? BallotNumber(Choice choice) => choice.BallotNumber is { } number
        ? new ErrList([ErrWords.External(ErrIds.BallotNumber, number.ToString(CultureInfo.InvariantCulture))])
        : null;
}
