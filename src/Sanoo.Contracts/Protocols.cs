using System.Text.Json.Serialization;

namespace Sanoo.Contracts;

/// <summary>
/// A protocol as JSON: one station's count of one contest by one source (docs/protocol-format.md).
/// For reading only: the bytes a device signs and the log hashes are the canonical form Sanoo's
/// protocol writer produces (fields in this order, lines in form order, votes in ballot order,
/// compact); send those bytes as they are rather than serializing this record again.
/// </summary>
/// <param name="Election">The election's id.</param>
/// <param name="Station">The station's id.</param>
/// <param name="Contest">The contest's id.</param>
/// <param name="Source">The count source's id, e.g. <c>machine</c> or <c>hand</c>.</param>
/// <param name="Version">The version number, from 1; each correction is the next.</param>
/// <param name="Lines">The protocol form's lines (ballots, voters), by line id.</param>
/// <param name="Votes">Votes per choice, by choice id.</param>
/// <param name="Correction">Why and by whom this version corrects the one before; omitted for a first version.</param>
public sealed record ProtocolDocument(
    string Election,
    string Station,
    string Contest,
    string Source,
    int Version,
    IReadOnlyDictionary<string, int> Lines,
    IReadOnlyDictionary<string, int> Votes,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Correction? Correction = null);
