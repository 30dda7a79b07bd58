using System.Collections.Immutable;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;

namespace Sanoo.Samples.RealElections;

/// <summary>
/// A real election turned into Sanoo's formats: its definition (JSON) and, per count source, the
/// protocols of its stations. Names what was left out or changed on the way, for the report.
/// </summary>
/// <param name="DefinitionJson">The definition, UTF-8 JSON.</param>
/// <param name="Election">The definition loaded.</param>
/// <param name="Protocols">Protocols per source id, in the order the import declares the sources (so its report and files list read
/// the same every run).</param>
/// <param name="Notes">What the import did that a reader should know.</param>
public sealed record ImportedElection(
    byte[] DefinitionJson,
    Election Election,
    ImmutableArray<KeyValuePair<string, ImmutableArray<Protocol>>> Protocols,
    ImmutableArray<string> Notes)
{
    /// <summary>Loads a definition written by an importer; a problem is a bug in the importer.</summary>
    public static Election Load(byte[] json) => DefinitionReader.Read(json) switch
    {
        DefinitionResult.Loaded loaded => loaded.Election,
        DefinitionResult.Invalid invalid => throw new InvalidOperationException(
            "the importer wrote an unsound definition: " + string.Join("; ", invalid.Problems.Take(5))),
        _ => throw new InvalidOperationException(),
    };
}
