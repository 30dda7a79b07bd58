using System.Text.Json;
using Sanoo.Cli.ErrImport;
using Sanoo.Core.Definitions;

namespace Sanoo.Cli.Tests;

/// <summary>A report Sanoo did not write: the import fills what is missing with stated defaults and says so.</summary>
public sealed class ErrImportTests
{
    private const string Report = """
        {"@type": "ElectionResults.ElectionReport", "Format": "precinct-level", "GeneratedDate": "2024-11-06T08:00:00Z",
         "Issuer": "Clerk", "IssuerAbbreviation": "Plain County", "SequenceStart": 1, "SequenceEnd": 1,
         "Status": "unofficial-complete", "VendorApplicationId": "other",
         "GpUnit": [
           {"@type": "ElectionResults.ReportingUnit", "@id": "c1", "Type": "county", "Name": {"@type": "ElectionResults.InternationalizedText",
             "Text": [{"@type": "ElectionResults.LanguageString", "Language": "en", "Content": "Plain County"}]},
            "ComposingGpUnitIds": ["p-1", "p-2"]},
           {"@type": "ElectionResults.ReportingUnit", "@id": "p-1", "Type": "precinct", "VotersRegistered": 500},
           {"@type": "ElectionResults.ReportingUnit", "@id": "p-2", "Type": "precinct"}],
         "Party": [{"@type": "ElectionResults.Party", "@id": "dem", "Name": {"@type": "ElectionResults.InternationalizedText",
           "Text": [{"@type": "ElectionResults.LanguageString", "Language": "en", "Content": "Blue"}]}},
           {"@type": "ElectionResults.Party", "@id": "rep", "Name": {"@type": "ElectionResults.InternationalizedText",
           "Text": [{"@type": "ElectionResults.LanguageString", "Language": "en", "Content": "Red"}]}}],
         "Election": [{"@type": "ElectionResults.Election", "ElectionScopeId": "c1", "StartDate": "2024-11-05", "EndDate": "2024-11-05",
           "Type": "general", "Name": {"@type": "ElectionResults.InternationalizedText",
             "Text": [{"@type": "ElectionResults.LanguageString", "Language": "en", "Content": "General"}]},
           "Contest": [
             {"@type": "ElectionResults.PartyContest", "@id": "board", "Name": "Board", "ElectionDistrictId": "c1",
              "ContestSelection": [
                {"@type": "ElectionResults.PartySelection", "@id": "s-dem", "PartyIds": ["dem"], "VoteCounts": [
                  {"@type": "ElectionResults.VoteCounts", "GpUnitId": "p-1", "Type": "total", "Count": 200},
                  {"@type": "ElectionResults.VoteCounts", "GpUnitId": "p-2", "Type": "total", "Count": 50},
                  {"@type": "ElectionResults.VoteCounts", "GpUnitId": "c1", "Type": "total", "Count": 250},
                  {"@type": "ElectionResults.VoteCounts", "GpUnitId": "p-1", "Type": "early", "Count": 20}]},
                {"@type": "ElectionResults.PartySelection", "@id": "s-rep", "PartyIds": ["rep"], "VoteCounts": [
                  {"@type": "ElectionResults.VoteCounts", "GpUnitId": "p-1", "Type": "total", "Count": 100},
                  {"@type": "ElectionResults.VoteCounts", "GpUnitId": "p-2", "Type": "total", "Count": 70}]}]},
             {"@type": "ElectionResults.BallotMeasureContest", "@id": "prop-1", "Name": "Proposition 1", "ElectionDistrictId": "c1"}]}]}
        """;

    [Fact]
    public void A_foreign_report_imports_with_its_gaps_filled_by_stated_defaults()
    {
        using var document = JsonDocument.Parse(Report);
        var imported = ErrImporter.Import(ErrNode.Of(document.RootElement));
        var election = imported.Election;

        Assert.Equal("Plain_County", election.Id.Value);
        Assert.Equal(new[] { "county", "precinct" }, election.Levels.Select(l => l.Id));
        var (total, _) = Assert.Single(imported.Protocols);
        Assert.Equal("total", total);
        Assert.True(election.DefaultSource.Official);
        var plan = Assert.Single(election.Contests);
        Assert.Equal(ContestKind.PartyList, plan.Contest.Kind);
        var protocols = imported.Protocols[0].Value;
        Assert.Equal(new[] { 300, 120 }, protocols.Select(p => p.Lines[0]));
        Assert.Equal(new[] { new[] { 200, 100 }, new[] { 50, 70 } }, protocols.Select(p => p.Votes.ToArray()));
        Assert.Equal(500, election.RegisteredVoters(election.AreaIndex(new AreaId("p-1"))));
        Assert.Contains(imported.Notes, n => n.Contains("prop-1 is a BallotMeasureContest", StringComparison.Ordinal));
        Assert.Contains(imported.Notes, n => n.Contains("does not say which count is official", StringComparison.Ordinal));
        Assert.Contains(imported.Notes, n => n.Contains("1 vote counts of other types", StringComparison.Ordinal));
        Assert.Contains(imported.Notes, n => n.Contains("1 stations have no VotersRegistered", StringComparison.Ordinal));
        Assert.Contains(imported.Notes, n => n.Contains("neither its seats nor its seat rules", StringComparison.Ordinal));
    }
}
