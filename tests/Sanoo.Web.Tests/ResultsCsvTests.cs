using System.Globalization;
using CsCheck;
using Sanoo.Core.Definitions;
using Sanoo.Core.Tally;
using Sanoo.Samples.Synthetic;
using Sanoo.Web.OpenData;
using Sanoo.Web.Site;

namespace Sanoo.Web.Tests;

/// <summary>
/// An area page's open data (<c>data.csv</c>) writes the fields a row shares with its area's other choices once and copies them,
/// and each share from whole hundredths: the bytes must stay those of every field written one by one, the share as the site's
/// decimal rounding gives it, for the server, <c>sanoo publish</c> and the verifier, which compares them byte for byte.
/// </summary>
public sealed class ResultsCsvTests
{
    [Fact]
    public void An_areas_rows_are_the_bytes_of_every_field_written_one_by_one_with_the_decimal_share()
    {
        using var definition = new MemoryStream();
        SyntheticElection.WriteDefinition(definition, 2_000, 11);
        var election = ((DefinitionResult.Loaded)DefinitionReader.Read(definition.ToArray())).Election;
        var counted = SyntheticElection.Protocols(election, "hand", 11).Where((_, i) => i % 7 != 3); // some stations not in
        var snapshot = TallyEngine.Rebuild(election, counted).Freeze();
        var areas = election.Areas.Where(a => !a.IsStation).ToList();
        Assert.True(areas.Count > 3);

        foreach (var area in areas)
        {
            foreach (var language in election.Definition.Languages)
            {
                var written = new StringWriter(CultureInfo.InvariantCulture);
                ResultsCsv.Write(written, snapshot, area, language);
                Assert.Equal(FieldByField(snapshot, area, language), written.ToString());
            }
        }
    }

    [Fact]
    public void A_share_in_hundredths_is_the_decimal_share_and_is_written_as_the_decimal_writes_itself()
    {
        Gen.Select(Gen.Long[0, 2_000_000_000L], Gen.Long[-5, 2_000_000_000L]).Sample((votes, participation) =>
        {
            var share = participation <= 0 ? 0m : Math.Floor(votes * 10_000m / participation) / 100m;
            Assert.Equal(share, ContestResults.ShareOf(votes, participation));
            Assert.Equal(share, Shares.Hundredths(votes, participation) / 100m);
        });
        Gen.Long[-1_000_000_000_000L, 1_000_000_000_000L].Sample(hundredths =>
        {
            var text = new StringWriter(CultureInfo.InvariantCulture);
            new Csv(text).Hundredths(hundredths).End();
            Assert.Equal((hundredths / 100m).ToString(CultureInfo.InvariantCulture) + "\r\n", text.ToString());
        });
        foreach (var (hundredths, expected) in new[] { (0L, "0"), (5L, "0.05"), (50L, "0.5"), (1230L, "12.3"), (10_000L, "100"), (-50L, "-0.5") })
        {
            var text = new StringWriter(CultureInfo.InvariantCulture);
            new Csv(text).Hundredths(hundredths);
            Assert.Equal(expected, text.ToString());
        }
    }

    [Fact]
    public void A_share_of_figures_too_large_to_scale_in_64_bits_is_still_the_decimal_share()
    {
        foreach (var (votes, participation) in new[] { (long.MaxValue / 3, long.MaxValue / 2), (2_000_000_000_000_000L, 3_000_000_000_000_000L) })
        {
            Assert.Equal(Math.Floor(votes * 10_000m / participation) / 100m, ContestResults.ShareOf(votes, participation));
        }
    }

    /// <summary>The rows as they were written before the shared fields were copied: each field of each row on its own.</summary>
    private static string FieldByField(Snapshot snapshot, Area area, string language)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        var csv = new Csv(text);
        csv.Row(ResultsCsv.Columns);
        var election = snapshot.Election;
        var contests = election.Contests.Where(c => snapshot.Tally(c.Contest.Id, election.ResultSources[0].Id, area.Id) is not null
            && (c == election.DefaultContest || c.Contest.Area == area.Id)).ToList();
        foreach (var plan in contests)
        {
            foreach (var row in new[] { area }.Concat(AreaPages.ChildrenOf(election, area.Id)).Where(a => a == area || plan == contests[0]))
            {
                foreach (var source in election.ResultSources)
                {
                    if (AreaFigures.Of(snapshot, plan, source, row) is not { } t)
                    {
                        continue;
                    }
                    for (var i = 0; i < plan.Choices.Length; i++)
                    {
                        var share = t.Participation <= 0 ? 0m : Math.Floor(t.Votes[i] * 10_000m / t.Participation) / 100m;
                        csv.Row(row.Id.Value, row.DisplayName(language), election.LevelOf(row).Id, plan.Contest.Id.Value,
                            plan.Contest.Name.In(language), source.Id.Value, source.Official, t.StationsReporting, t.StationsExpected,
                            t.RegisteredCovered, t.RegisteredTotal, t.Participation, t.Votes.Sum(), plan.Choices[i].Id.Value,
                            plan.Choices[i].Name.In(language), plan.Choices[i].BallotNumber, t.Votes[i], share, snapshot.Position);
                    }
                }
            }
        }
        return text.ToString();
    }
}
