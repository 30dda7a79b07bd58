namespace Sanoo.Core.Definitions;

/// <summary>
/// Identifier of an election, e.g. <c>kg-2021</c>. Every protocol names the election it
/// belongs to so that a file or device set up for one election cannot write into another.
/// </summary>
public readonly record struct ElectionId(string Value)
{
    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>Identifier of an <see cref="Area"/>: the nation, a region, a district or a polling station.</summary>
public readonly record struct AreaId(string Value)
{
    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>Identifier of a <see cref="Contest"/>, one ballot question.</summary>
public readonly record struct ContestId(string Value)
{
    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>Identifier of a <see cref="Choice"/>: a party, a candidate or "against all".</summary>
public readonly record struct ChoiceId(string Value)
{
    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>Identifier of a <see cref="CountSource"/>: who counted, e.g. <c>machine</c> or <c>hand</c>.</summary>
public readonly record struct SourceId(string Value)
{
    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>Identifier of a <see cref="ProtocolForm"/>.</summary>
public readonly record struct FormId(string Value)
{
    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>Identifier of one line of a protocol form, e.g. <c>valid</c> or <c>registered</c>.</summary>
public readonly record struct LineId(string Value)
{
    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>Identifier of a control relation of a protocol form.</summary>
public readonly record struct RelationId(string Value)
{
    /// <inheritdoc />
    public override string ToString() => Value;
}
