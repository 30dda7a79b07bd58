namespace Sanoo.Storage.Access;

/// <summary>What an operator may do.</summary>
public enum OperatorRole
{
    /// <summary>Hand counts and corrections for the stations of one district.</summary>
    District,

    /// <summary>Hand counts and corrections for every station.</summary>
    Admin,
}

/// <summary>A commission operator: name, role, district (for district operators) and the SHA-256 of their token.</summary>
/// <param name="Name">The operator's unique name, recorded as the sender of what they submit.</param>
/// <param name="Role">District or admin.</param>
/// <param name="District">The district's area id, for district operators.</param>
/// <param name="TokenHash">SHA-256 of the bearer token.</param>
public sealed record Operator(string Name, OperatorRole Role, Core.Definitions.AreaId? District, byte[] TokenHash);
