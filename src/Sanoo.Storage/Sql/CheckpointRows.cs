using System.Data.Common;
using Sanoo.Storage.Checkpoints;

namespace Sanoo.Storage.Sql;

/// <summary>The SQL of the <c>checkpoint</c> table.</summary>
internal static class CheckpointRows
{
    /// <summary>Stores a checkpoint unless one of its position is there already (another server's: the state at a position is one).</summary>
    public const string Insert =
        "INSERT INTO checkpoint (position, root, frontier, state, state_sha256, written_at) VALUES ($1, $2, $3, $4, $5, $6) "
        + "ON CONFLICT (position) DO NOTHING";

    /// <summary>The checkpoint of one position.</summary>
    public const string Select = "SELECT position, root, frontier, state, state_sha256, written_at FROM checkpoint WHERE position = $1";

    public static SqlArg[] Values(StoredCheckpoint c) => [c.Position, c.Root, c.Frontier, c.State, c.StateSha256, c.WrittenAt];

    /// <summary>Reads one row of <see cref="Select"/>.</summary>
    public static StoredCheckpoint Read(DbDataReader r) => new(
        r.GetInt64(0), (byte[])r[1], (byte[])r[2], (byte[])r[3], (byte[])r[4], DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(5)));
}
