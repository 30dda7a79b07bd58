using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Sanoo.Cli.ErrImport;
using Sanoo.Cli.TableImport;
using Sanoo.Core.Definitions;
using Sanoo.Core.Err;
using Sanoo.Core.Tally;
using Sanoo.Samples.Kyrgyzstan2021;
using Sanoo.Samples.RealElections;
using Sanoo.Testing;
using Sanoo.Web.OpenData;
using Xunit.Abstractions;

namespace Sanoo.Cli.Tests;

/// <summary>
/// NIST SP 1500-100 v2 reports of real-sized elections: each export is held to NIST's own JSON Schema and XSD, and imported back,
/// in both forms, to the very same results in every area, station and count source.
/// </summary>
public sealed class ErrRoundTripTests(ITestOutputHelper output)
{
    private const string JsonSchema = "nist_err_v2/NIST_V2_election_results_reporting.json";
    private const string XmlSchema = "nist_err_v2/NIST_V2_election_results_reporting.xsd";

    private static readonly ErrContext Context = new(new DateTimeOffset(2021, 11, 29, 6, 0, 0, TimeSpan.Zero), false, "Sanoo test");

    [RealDataFact(JsonSchema, XmlSchema)]
    public void The_kg_2021_sample_exports_to_ERR_that_NIST_schemas_accept_and_imports_back_to_the_same_results()
    {
        var clock = Stopwatch.StartNew();
        var sample = Kg2021Generator.Generate();
        var snapshot = ErrResults.Tally(sample.Election, sample.Machine.Concat(sample.Hand));
        Assert.True(snapshot.IsPublishable);
        var json = Export(snapshot, xml: false);
        var xml = Export(snapshot, xml: true);

        output.WriteLine($"generated, tallied and exported in {clock.Elapsed}");
        clock.Restart();
        Assert.Empty(ErrSchemas.JsonProblems(json));
        output.WriteLine($"JSON ({json.Length / 1_000_000} MB) validated in {clock.Elapsed}");
        clock.Restart();
        Assert.Empty(ErrSchemas.XmlProblems(new MemoryStream(xml)));
        output.WriteLine($"XML ({xml.Length / 1_000_000} MB) validated in {clock.Elapsed}");
        clock.Restart();
        var report = JsonDocument.Parse(json).RootElement;
        Assert.Equal("unofficial-complete", report.GetProperty("Status").GetString());
        Assert.Equal(sample.Election.Areas.Length, report.GetProperty("GpUnit").GetArrayLength());
        var region = report.GetProperty("GpUnit").EnumerateArray().First(u => u.GetProperty("@id").GetString() == "gpu-batken");
        Assert.Equal(("other", "region"), (region.GetProperty("Type").GetString(), region.GetProperty("OtherType").GetString()));

        var expected = ErrResults.Of(snapshot);
        foreach (var imported in new[] { ErrImporter.Import(ErrNode.Of(JsonDocument.Parse(json).RootElement)), FromXml(xml) })
        {
            SameElection(sample.Election, imported);
            var again = ErrResults.Tally(imported.Election, imported.Protocols.SelectMany(p => p.Value));
            Assert.True(again.IsPublishable);
            Assert.Empty(ErrResults.Differences(expected, ErrResults.Of(again)));
        }
        output.WriteLine($"imported twice and compared in {clock.Elapsed}");

        // The validation is no formality: a vote count of a type NIST does not have, deep in a selection, and a report field renamed
        // at the top are each found.
        var text = Encoding.UTF8.GetString(json);
        var index = text.IndexOf("\"Type\":\"total\",\"Count\"", StringComparison.Ordinal);
        Assert.True(index > text.IndexOf("\"ContestSelection\"", StringComparison.Ordinal));
        Assert.NotEmpty(ErrSchemas.JsonProblems(Encoding.UTF8.GetBytes(text.Remove(index, 14).Insert(index, "\"Type\":\"totals\""))));
        Assert.NotEmpty(ErrSchemas.JsonProblems(Encoding.UTF8.GetBytes(text.Replace("\"Issuer\":", "\"Publisher\":", StringComparison.Ordinal))));
    }

    [RealDataFact(JsonSchema, XmlSchema, "ru_dkobak_elections/2021.csv.xz")]
    public void The_Russian_2021_Duma_election_exports_to_ERR_that_NIST_schemas_accept_and_imports_back_to_the_same_results()
    {
        var clock = Stopwatch.StartNew();
        var map = Assert.IsType<TableMapResult.Read>(
            TableMapReader.Read(File.ReadAllBytes(Path.Combine(SharedData.RepositoryRoot, "samples", "ru-duma-2021", "map.json")))).Map;
        var source = TableImporter.Import(SharedData.PathOf("ru_dkobak_elections", "2021.csv.xz"), map).Election;
        var snapshot = ErrResults.Tally(source.Election, source.Protocols.SelectMany(p => p.Value));
        Assert.True(snapshot.IsPublishable);
        output.WriteLine($"table imported and tallied: {clock.Elapsed}");
        var expected = ErrResults.Of(snapshot);

        foreach (var xml in new[] { false, true })
        {
            clock.Restart();
            var file = Export(snapshot, xml);
            output.WriteLine($"{(xml ? "XML" : "JSON")}: {file.Length / 1_000_000} MB written in {clock.Elapsed}");
            clock.Restart();
            Assert.Empty(xml ? ErrSchemas.XmlProblems(new MemoryStream(file)) : ErrSchemas.JsonProblems(file));
            output.WriteLine($"validated in {clock.Elapsed}");
            clock.Restart();
            ImportedElection imported;
            if (xml)
            {
                imported = FromXml(file);
            }
            else
            {
                using var document = JsonDocument.Parse(file);
                imported = ErrImporter.Import(ErrNode.Of(document.RootElement));
            }
            var again = ErrResults.Tally(imported.Election, imported.Protocols.SelectMany(p => p.Value));
            output.WriteLine($"imported and tallied in {clock.Elapsed}");
            SameElection(source.Election, imported);
            Assert.Equal(96_325, imported.Protocols.Sum(p => p.Value.Length));
            Assert.Empty(ErrResults.Differences(expected, ErrResults.Of(again)));
        }
    }

    private static byte[] Export(Snapshot snapshot, bool xml)
    {
        using var buffer = new MemoryStream();
        ErrReports.Write(buffer, snapshot, Context, xml);
        return buffer.ToArray();
    }

    private static ImportedElection FromXml(byte[] xml) => ErrImporter.Import(ErrNode.Of(XDocument.Load(new MemoryStream(xml)).Root!));

    /// <summary>The imported election has the original's areas, contests with their choices in ballot order, and official count.</summary>
    private static void SameElection(Election original, ImportedElection imported)
    {
        var election = imported.Election;
        Assert.Equal(Areas(original), Areas(election));
        Assert.Equal(Contests(original), Contests(election));
        Assert.Equal(original.DefaultSource.Id, election.DefaultSource.Id);
        Assert.Equal(original.ResultSources.Select(s => s.Id), election.ResultSources.Select(s => s.Id));
        Assert.Equal(original.Definition.Languages.ToArray(), election.Definition.Languages.ToArray());

        static IEnumerable<string> Contests(Election election) =>
            election.Contests.Select(c =>
                $"{c.Contest.Id} {c.Contest.Kind} {c.Contest.Area} {string.Join(",", c.Choices.Select(x => $"{x.Id}:{x.Kind}"))}");

        static IEnumerable<string> Areas(Election election) =>
            election.Areas.Select(a => $"{a.Id} {a.Parent} {a.IsStation} {string.Join(",", a.Members)}").Order(StringComparer.Ordinal);
    }
}
