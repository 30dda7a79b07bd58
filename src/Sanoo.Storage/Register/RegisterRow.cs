using System.Collections.Immutable;

namespace Sanoo.Storage.Register;

/// <summary>
/// One row of the register as stored: its place, its kind and the record's RFC 8785 bytes (the leaf of the register's
/// tree; <see cref="Core.Register.RegisterRecord.Decode"/> reads them). The bytes are the record; the other columns only
/// index it, and the log's self-check finds any that disagree.
/// </summary>
/// <param name="Sequence">Its place, from 1.</param>
/// <param name="Kind">The record's kind, as indexed.</param>
/// <param name="Record">The record's bytes.</param>
public sealed record RegisterRow(long Sequence, string Kind, ImmutableArray<byte> Record)
{
    /// <summary>The station the row is indexed under (null for records of no station).</summary>
    public string? Station { get; init; }
}
