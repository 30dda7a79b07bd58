using System.Data.Common;
using Sanoo.Storage.Images;

namespace Sanoo.Storage.Sql;

/// <summary>The SQL of the <c>protocol_image</c> table (PostgreSQL's home for images; an SQLite store keeps them as files).</summary>
internal static class ImageRows
{
    /// <summary>Stores an image unless one of its hash is there already.</summary>
    public const string Insert =
        "INSERT INTO protocol_image (sha256, media_type, bytes) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING";

    /// <summary>The image of one hash.</summary>
    public const string Select = "SELECT sha256, media_type, bytes FROM protocol_image WHERE sha256 = $1";

    /// <summary>Reads one row of <see cref="Select"/>.</summary>
    public static StoredImage Read(DbDataReader r) => new((byte[])r[0], r.GetString(1), (byte[])r[2]);
}
