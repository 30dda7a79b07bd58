namespace Sanoo.Cli.Input;

/// <summary>Why a protocol version was stored but not counted, in the same words wherever it is reported.</summary>
public static class Reasons
{
    /// <summary>The same version number was counted with other figures.</summary>
    public const string Conflict = "the same version was already counted with other figures; the first one stands";

    /// <summary>An older version than the one counted.</summary>
    public const string Stale = "a newer version is already counted; this older version is not";
}
