using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Core.Tally;
using Sanoo.Samples.Synthetic;

namespace Sanoo.Bench;

/// <summary>A synthetic election of a given size (seed 1) with its hand count, tallied and frozen, as the analyses find it.</summary>
/// <param name="Election">The election.</param>
/// <param name="Protocols">One hand-count protocol a station.</param>
/// <param name="Snapshot">The tally of them all.</param>
public sealed record HandCount(Election Election, IReadOnlyList<Protocol> Protocols, Snapshot Snapshot)
{
    /// <summary>The hand count of a synthetic election of <paramref name="stations"/> stations.</summary>
    public static HandCount Of(int stations)
    {
        var election = ElectionOf(stations);
        var protocols = SyntheticElection.Protocols(election, "hand", 1).ToList();
        return new HandCount(election, protocols, TallyEngine.Rebuild(election, protocols).Freeze());
    }

    /// <summary>The synthetic election of <paramref name="stations"/> stations (seed 1), read from its definition.</summary>
    public static Election ElectionOf(int stations)
    {
        using var definition = new MemoryStream();
        SyntheticElection.WriteDefinition(definition, stations, 1);
        return ((DefinitionResult.Loaded)DefinitionReader.Read(definition.ToArray())).Election;
    }
}
