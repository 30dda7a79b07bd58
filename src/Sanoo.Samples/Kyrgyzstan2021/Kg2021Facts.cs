using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sanoo.Samples.Kyrgyzstan2021;

/// <summary>
/// The facts of the 2021 Jogorku Kenesh election that the sample stands on, as written in
/// samples/kg-2021/facts.json (embedded in this assembly): official national totals, the 21
/// parties, regions, districts and known winners, and the Kyrgyz protocol form.
/// </summary>
public sealed record Kg2021Facts(
    string About,
    string Id,
    string Date,
    Dictionary<string, string> Name,
    ImmutableArray<string> Sources,
    Kg2021Totals Totals,
    int ListSeats,
    Kg2021Threshold Threshold,
    int MaxSeatsPerParty,
    Kg2021AgainstAll AgainstAll,
    ImmutableArray<Kg2021Party> Parties,
    ImmutableArray<Kg2021Region> Regions,
    ImmutableArray<Kg2021District> Districts,
    JsonElement Form,
    [property: JsonPropertyName("sources_of_form")] string SourcesOfForm)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>The facts shipped with Sanoo.</summary>
    public static Kg2021Facts Embedded { get; } = Load();

    /// <summary>The facts file's bytes, as shipped.</summary>
    public static byte[] EmbeddedBytes()
    {
        using var stream = typeof(Kg2021Facts).Assembly.GetManifestResourceStream("Sanoo.Samples.kg-2021.facts.json")
            ?? throw new InvalidOperationException("the kg-2021 facts are not embedded in Sanoo.Samples");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static Kg2021Facts Load() =>
        JsonSerializer.Deserialize<Kg2021Facts>(EmbeddedBytes(), Options) ?? throw new InvalidOperationException("empty kg-2021 facts");
}

/// <summary>Official national figures.</summary>
public sealed record Kg2021Totals(long Registered, int Stations, int StationsAbroad, long TookPart, long Valid, long Invalid);

/// <summary>The list threshold.</summary>
public sealed record Kg2021Threshold(decimal Percent, string Base);

/// <summary>"Against all" on the list ballot.</summary>
public sealed record Kg2021AgainstAll(Dictionary<string, string> Name, double MachinePercent);

/// <summary>A party: ballot number, names, machine-count share at 90% reporting, official votes for the six that entered.</summary>
public sealed record Kg2021Party(int BallotNumber, Dictionary<string, string> Name, double MachinePercent, long? OfficialVotes = null);

/// <summary>A region: its share of voters (2020 proxy) or fixed voters, station count where known, voters who had voted by 18:00.</summary>
public sealed record Kg2021Region(
    string Id,
    string Kind,
    Dictionary<string, string> Name,
    long VotedBy18,
    double? RegisteredShare2020 = null,
    long? Registered = null,
    int? Stations = null,
    int? Stations2020 = null);

/// <summary>A single-member district: number, region, name where known, winner where known.</summary>
public sealed record Kg2021District(
    int Number,
    string Region,
    Dictionary<string, string>? Name = null,
    Dictionary<string, string>? Winner = null,
    bool WinnerInferred = false,
    bool AgainstAllWon = false);
