using System.Collections.Immutable;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Samples.Synthesis;

namespace Sanoo.Samples.Kyrgyzstan2021;

/// <summary>A generated sample: the definition file, the loaded election and its protocols.</summary>
/// <param name="DefinitionJson">The definition as written to election.json.</param>
/// <param name="Election">The definition loaded and checked.</param>
/// <param name="Machine">Machine-count protocols (a few stations never report).</param>
/// <param name="Hand">Hand-count protocols, one per station and contest.</param>
public sealed record GeneratedElection(byte[] DefinitionJson, Election Election, ImmutableArray<Protocol> Machine, ImmutableArray<Protocol> Hand);

/// <summary>
/// The kg-2021 sample: the real 28 Nov 2021 Jogorku Kenesh election with synthetic stations
/// whose hand counts add up to the official national figures. Deterministic: the same seed
/// gives the same bytes on every machine.
/// </summary>
public static class Kg2021Generator
{
    /// <summary>The seed of the published sample.</summary>
    public const ulong DefaultSeed = 20211128;

    /// <summary>Generates the sample; with <paramref name="geography"/>, the regions carry their outlines.</summary>
    public static GeneratedElection Generate(ulong seed = DefaultSeed, Kg2021Geography? geography = null)
    {
        var facts = Kg2021Facts.Embedded;
        var random = new SampleRandom(seed);
        var stations = Kg2021Map.Stations(facts, random.Fork("map"));
        var candidateRandom = random.Fork("candidates");
        var candidates = facts.Districts.ToDictionary(d => d.Number, _ => 4 + candidateRandom.Next(5));
        var json = Kg2021Definition.Write(facts, stations, candidates, geography);
        var election = DefinitionReader.Read(json) switch
        {
            DefinitionResult.Loaded loaded => loaded.Election,
            DefinitionResult.Invalid invalid => throw new InvalidOperationException(
                "the generated kg-2021 definition is invalid: " + string.Join("; ", invalid.Problems.Take(5))),
            _ => throw new InvalidOperationException(),
        };
        var (machine, hand) = Kg2021Counts.Generate(election, facts, stations, random.Fork("counts"));
        return new GeneratedElection(json, election, machine, hand);
    }
}
