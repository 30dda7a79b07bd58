using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Samples.Kyrgyzstan2021;
using Sanoo.Storage.Access;

namespace Sanoo.Web.Tests;

/// <summary>
/// A real server on 127.0.0.1 with the kg-2021 sample and one party's copy of the protocols: an admin, a district operator of d01, an
/// observer of d01, the party's agent accredited for d01, and another party's agent accredited everywhere.
/// </summary>
public sealed class PartyCopyFixture : IAsyncLifetime
{
    /// <summary>The admin's token.</summary>
    public const string AdminToken = "token-cec";

    /// <summary>The district operator of d01.</summary>
    public const string DistrictToken = "token-dec-01";

    /// <summary>An observer of d01.</summary>
    public const string ObserverToken = "token-observer";

    /// <summary>The party's agent, accredited for d01.</summary>
    public const string AgentToken = "token-agent";

    /// <summary>Another party's agent, accredited for the whole election.</summary>
    public const string OtherAgentToken = "token-other-agent";

    private LoopbackServer? _server;

    /// <summary>The kg-2021 sample.</summary>
    public static GeneratedElection Sample { get; } = Kg2021Generator.Generate();

    /// <summary>The party whose agents keep a copy: the first on the ballot.</summary>
    public static string Party => Sample.Election.DefaultContest.Choices[0].Id.Value;

    /// <summary>The copy's count source.</summary>
    public static string CopySource => $"copy-{Party}";

    /// <summary>What the copy is called in English.</summary>
    public const string CopyName = "The party's copy";

    /// <summary>The sample's definition with the party's copy as a third count source.</summary>
    public static byte[] DefinitionJson { get; } = Testing.DefinitionJson.WithPartyCopy(Sample.DefinitionJson, Party, CopySource, CopyName);

    /// <summary>The election of <see cref="DefinitionJson"/>.</summary>
    public static Election Election { get; } = ((DefinitionResult.Loaded)DefinitionReader.Read(DefinitionJson)).Election;

    /// <summary>A client of the server.</summary>
    public HttpClient Client => _server!.Client;

    /// <inheritdoc />
    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync(DefinitionJson, async store =>
    {
        var d01 = new AreaId("d01");
        var other = Sample.Election.DefaultContest.Choices[1].Id.Value;
        await store.AddOperatorAsync(new Operator("cec", OperatorRole.Admin, null, LoopbackServer.Hash(AdminToken)));
        await store.AddOperatorAsync(new Operator("dec-01", OperatorRole.District, d01, LoopbackServer.Hash(DistrictToken)));
        await store.AddOperatorAsync(new Operator("aigul", OperatorRole.Observer, d01, LoopbackServer.Hash(ObserverToken)));
        await store.AddOperatorAsync(new Operator("agent", OperatorRole.PartyAgent, d01, LoopbackServer.Hash(AgentToken), Party));
        await store.AddOperatorAsync(new Operator("other", OperatorRole.PartyAgent, null, LoopbackServer.Hash(OtherAgentToken), other));
    });

    /// <summary>Waits until the published snapshot reaches log position <paramref name="position"/>.</summary>
    public Task WaitForAsync(long position) => _server!.WaitForAsync(position);

    /// <summary>Sends <paramref name="protocol"/> with <paramref name="token"/>.</summary>
    public Task<HttpResponseMessage> SendAsync(Protocol protocol, string? token) => _server!.PostAsync(
        "/api/v1/protocols", new JsonObject { ["protocol"] = JsonNode.Parse(ProtocolWriter.Canonical(Election, protocol)) }, token);

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

/// <summary>
/// Party copies as a count source: only the party's agents, within their accreditation, enter them; the ledger compares each copy with
/// the official count and lists, for the party, every station whose copy differs; the copy is no result of its own.
/// </summary>
public class PartyCopyTests(PartyCopyFixture server) : IClassFixture<PartyCopyFixture>
{
    private static Election Election => PartyCopyFixture.Election;

    private static string InD01(int n) => Election.Areas.Where(a => a.IsStation && a.Parent?.Value == "d01").ElementAt(n).Id.Value;

    private static Protocol Hand(string station) =>
        PartyCopyFixture.Sample.Hand.First(p => p.Station.Value == station && p.Contest.Value == "list");

    private static Protocol Copy(string station) => Hand(station) with { Source = new SourceId(PartyCopyFixture.CopySource) };

    private static async Task<string> RefusedAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {body}");
        return body;
    }

    private async Task<long> AcceptedAsync(Protocol protocol, string token)
    {
        var response = await server.SendAsync(protocol, token);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("receipt").GetProperty("sequence").GetInt64();
    }

    [Fact]
    public async Task Only_the_partys_agents_enter_its_copies_and_only_for_the_stations_they_are_accredited_for()
    {
        var station = InD01(0);
        var outside = Election.Areas.First(a => a.IsStation && a.Parent?.Value == "d26").Id.Value;
        foreach (var token in new[] { PartyCopyFixture.DistrictToken, PartyCopyFixture.AdminToken, PartyCopyFixture.OtherAgentToken })
        {
            Assert.Contains(
                "only that party's accredited agents enter it",
                await RefusedAsync(await server.SendAsync(Copy(station), token), HttpStatusCode.Forbidden),
                StringComparison.Ordinal);
        }
        Assert.Contains(
            "only that party's accredited agents enter it",
            await RefusedAsync(await server.SendAsync(Copy(station), PartyCopyFixture.ObserverToken), HttpStatusCode.Forbidden),
            StringComparison.Ordinal);
        await RefusedAsync(await server.SendAsync(Copy(station), null), HttpStatusCode.Unauthorized);
        Assert.Contains(
            $"party agent agent is accredited for d01; station {outside} is not in it",
            await RefusedAsync(await server.SendAsync(Copy(outside), PartyCopyFixture.AgentToken), HttpStatusCode.Forbidden),
            StringComparison.Ordinal);
        Assert.Contains(
            "they report on stations and enter no count of the commission",
            await RefusedAsync(await server.SendAsync(Hand(station), PartyCopyFixture.AgentToken), HttpStatusCode.Forbidden),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ledger_compares_each_copy_with_the_official_count_and_lists_the_stations_where_it_differs()
    {
        var (same, moved, noCopy, early) = (InD01(1), InD01(2), InD01(3), InD01(4));
        foreach (var station in new[] { same, moved, noCopy })
        {
            await AcceptedAsync(Hand(station), PartyCopyFixture.AdminToken);
        }
        await AcceptedAsync(Copy(same), PartyCopyFixture.AgentToken);
        await AcceptedAsync(Copy(early), PartyCopyFixture.AgentToken); // the party's copy is in before the commission's count
        var copy = Copy(moved);
        var votes = copy.Votes.ToArray();
        var shift = Math.Min(5, votes[0]);
        Assert.True(shift > 0, "the first party has votes at the station");
        (votes[0], votes[1]) = (votes[0] - shift, votes[1] + shift); // the copy's arithmetic holds; its figures are not the official ones
        var last = await AcceptedAsync(copy with { Votes = [.. votes] }, PartyCopyFixture.AgentToken);
        await server.WaitForAsync(last);

        var data = await server.Client.GetFromJsonAsync("/en/discrepancies/data.json", Contracts.WireJson.Default.LedgerPageData);
        var party = Assert.Single(data!.PartyCopies);
        Assert.Equal(
            (PartyCopyFixture.CopySource, PartyCopyFixture.Party, "hand", 2, 1, 1, 2L * shift),
            (party.Source, party.Party, party.Official, party.Compared, party.Match, party.Differ, party.VotesApart));
        Assert.Equal(1, party.Waiting);
        Assert.Equal(2, party.Stations.Count);
        var differing = Assert.Single(party.Stations, s => s.Class == "discrepancy");
        Assert.Equal((moved, (long)shift), (differing.Station, differing.VoteDifferences[0]));
        var waiting = party.Stations[^1];
        Assert.Equal((early, "one-side-missing", (int?)null), (waiting.Station, waiting.Class, waiting.SecondVersion));

        var partyName = Election.Choices[new ChoiceId(PartyCopyFixture.Party)].Name;
        foreach (var (lang, title) in new[]
        {
            ("en", Site.PartyCopyWords.For("en").Title), ("ru", Site.PartyCopyWords.For("ru").Title), ("ky", Site.PartyCopyWords.For("ky").Title),
        })
        {
            var page = WebUtility.HtmlDecode(await server.Client.GetStringAsync($"/{lang}/discrepancies/"));
            Assert.Contains(title, page, StringComparison.Ordinal);
            Assert.Contains(partyName.In(lang), page, StringComparison.Ordinal);
            Assert.Contains($"data-party-copy=\"{PartyCopyFixture.Party}\"", page, StringComparison.Ordinal);
            var section = page[page.IndexOf("data-party-copies", StringComparison.Ordinal)..];
            Assert.Contains($"data-station=\"{moved}\"", section, StringComparison.Ordinal);
            Assert.DoesNotContain($"data-station=\"{same}\"", section, StringComparison.Ordinal);
            Assert.Contains($"data-station=\"{early}\"", section[section.IndexOf("data-copy-waiting", StringComparison.Ordinal)..],
                StringComparison.Ordinal);
        }

        var movedPage = WebUtility.HtmlDecode(await server.Client.GetStringAsync($"/en/station/{moved}/"));
        var rows = movedPage.Split("<li").Where(l => l.Contains("data-comparison", StringComparison.Ordinal)).ToList();
        Assert.Contains(rows, r => r.Contains(PartyCopyFixture.CopyName, StringComparison.Ordinal)
            && r.Contains("data-differs=\"true\"", StringComparison.Ordinal));
        foreach (var path in new[] { $"/en/station/{noCopy}/", "/en/", "/en/area/d01/" })
        {
            var text = WebUtility.HtmlDecode(await server.Client.GetStringAsync(path));
            Assert.Contains(Election.ResultSources[0].Name.In("en"), text, StringComparison.Ordinal);
            Assert.DoesNotContain(PartyCopyFixture.CopyName, text, StringComparison.Ordinal);
        }

        var csv = (await server.Client.GetStringAsync("/en/discrepancies/data.csv")).Split('\n');
        Assert.Contains(csv, row => row.StartsWith($"{moved},", StringComparison.Ordinal)
            && row.Contains($",discrepancy,{PartyCopyFixture.CopySource},hand,", StringComparison.Ordinal));
        Assert.DoesNotContain(csv, row => row.StartsWith($"{noCopy},", StringComparison.Ordinal)
            && row.Contains(PartyCopyFixture.CopySource, StringComparison.Ordinal));
    }
}
