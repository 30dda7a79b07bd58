namespace Sanoo.Storage.Access;

/// <summary>What an operator may do.</summary>
public enum OperatorRole
{
    /// <summary>Hand counts and corrections for the stations of one district.</summary>
    District,

    /// <summary>Hand counts and corrections for every station.</summary>
    Admin,

    /// <summary>An accredited observer: files reports on the stations of their area (or of the whole election); enters nothing.</summary>
    Observer,

    /// <summary>A party's agent (<see cref="Operator.Party"/>): files reports like an observer, and enters its party's copies of
    /// the protocols where the definition keeps them (a count source with <c>partyCopy</c>); nothing else.</summary>
    PartyAgent,
}

/// <summary>A commission operator: name, role, district (for district operators) and the SHA-256 of their token.</summary>
/// <param name="Name">The operator's unique name, recorded as the sender of what they submit.</param>
/// <param name="Role">District or admin.</param>
/// <param name="District">The district's area id, for district operators; an observer's area of accreditation (none: everywhere).</param>
/// <param name="TokenHash">SHA-256 of the bearer token.</param>
/// <param name="Party">A party agent's party (its choice id).</param>
public sealed record Operator(string Name, OperatorRole Role, Core.Definitions.AreaId? District, byte[] TokenHash, string? Party = null)
{
    /// <summary>Whether this is an observer or a party agent, who may file reports and nothing else.</summary>
    public bool Reports => Role is OperatorRole.Observer or OperatorRole.PartyAgent;
}
