using System.Data;

namespace Sanoo.Storage.Sql;

/// <summary>
/// One value bound to a <c>$1</c>, <c>$2</c> … placeholder, with its database type, so that a
/// null still tells the database what it is (PostgreSQL refuses a text null in a bytea column).
/// The conversions let callers write the values themselves: <c>[key.Station, key.PublicKey]</c>.
/// </summary>
/// <param name="Value">The value; null is stored as SQL NULL.</param>
/// <param name="Type">The column's type.</param>
internal readonly record struct SqlArg(object? Value, DbType Type)
{
    public static implicit operator SqlArg(string? value) => new(value, DbType.String);

    /// <summary>An area id, stored as its text.</summary>
    public static implicit operator SqlArg(Core.Definitions.AreaId? value) => new(value?.Value, DbType.String);

    /// <summary>A contest id, stored as its text.</summary>
    public static implicit operator SqlArg(Core.Definitions.ContestId value) => new(value.Value, DbType.String);

    /// <summary>A count source's id, stored as its text.</summary>
    public static implicit operator SqlArg(Core.Definitions.SourceId value) => new(value.Value, DbType.String);

    public static implicit operator SqlArg(byte[]? value) => new(value, DbType.Binary);

    public static implicit operator SqlArg(long value) => new(value, DbType.Int64);

    public static implicit operator SqlArg(int value) => new(value, DbType.Int32);

    /// <summary>A moment, stored as Unix time in milliseconds (every time column is).</summary>
    public static implicit operator SqlArg(DateTimeOffset value) => new(value.ToUnixTimeMilliseconds(), DbType.Int64);

    /// <summary>Sets <paramref name="parameter"/> to this value.</summary>
    public void Set(System.Data.Common.DbParameter parameter)
    {
        parameter.DbType = Type;
        parameter.Value = Value ?? DBNull.Value;
    }
}
