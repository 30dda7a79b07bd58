namespace Sanoo.Core.Definitions;

/// <summary>
/// Identifier of an election, e.g. <c>kg-2021</c>. Every protocol names the election it
/// belongs to so that a file or device set up for one election cannot write into another.
/// </summary>
public readonly record struct ElectionId(string Value)
{
    /// <summary>The id: well-formed by <see cref="IdSyntax"/>, or construction throws <see cref="ArgumentException"/>.</summary>
    public string Value { get; } = IdSyntax.Checked(Value);

    /// <summary>The id <paramref name="text"/> spells, if it is well-formed: for input, where a bad id is an answer, not a bug.</summary>
    public static bool TryParse(string? text, out ElectionId id) => IdSyntax.TryParse(text, static t => new ElectionId(t), out id);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>Identifier of an <see cref="Area"/>: the nation, a region, a district or a polling station.</summary>
public readonly record struct AreaId(string Value)
{
    /// <summary>The id: well-formed by <see cref="IdSyntax"/>, or construction throws <see cref="ArgumentException"/>.</summary>
    public string Value { get; } = IdSyntax.Checked(Value);

    /// <summary>The id <paramref name="text"/> spells, if it is well-formed: for input, where a bad id is an answer, not a bug.</summary>
    public static bool TryParse(string? text, out AreaId id) => IdSyntax.TryParse(text, static t => new AreaId(t), out id);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>Identifier of a <see cref="Contest"/>, one ballot question.</summary>
public readonly record struct ContestId(string Value)
{
    /// <summary>The id: well-formed by <see cref="IdSyntax"/>, or construction throws <see cref="ArgumentException"/>.</summary>
    public string Value { get; } = IdSyntax.Checked(Value);

    /// <summary>The id <paramref name="text"/> spells, if it is well-formed: for input, where a bad id is an answer, not a bug.</summary>
    public static bool TryParse(string? text, out ContestId id) => IdSyntax.TryParse(text, static t => new ContestId(t), out id);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>Identifier of a <see cref="Choice"/>: a party, a candidate or "against all".</summary>
public readonly record struct ChoiceId(string Value)
{
    /// <summary>The id: well-formed by <see cref="IdSyntax"/>, or construction throws <see cref="ArgumentException"/>.</summary>
    public string Value { get; } = IdSyntax.Checked(Value);

    /// <summary>The id <paramref name="text"/> spells, if it is well-formed: for input, where a bad id is an answer, not a bug.</summary>
    public static bool TryParse(string? text, out ChoiceId id) => IdSyntax.TryParse(text, static t => new ChoiceId(t), out id);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>Identifier of a <see cref="CountSource"/>: who counted, e.g. <c>machine</c> or <c>hand</c>.</summary>
public readonly record struct SourceId(string Value)
{
    /// <summary>The id: well-formed by <see cref="IdSyntax"/>, or construction throws <see cref="ArgumentException"/>.</summary>
    public string Value { get; } = IdSyntax.Checked(Value);

    /// <summary>The id <paramref name="text"/> spells, if it is well-formed: for input, where a bad id is an answer, not a bug.</summary>
    public static bool TryParse(string? text, out SourceId id) => IdSyntax.TryParse(text, static t => new SourceId(t), out id);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>Identifier of a <see cref="ProtocolForm"/>.</summary>
public readonly record struct FormId(string Value)
{
    /// <summary>The id: well-formed by <see cref="IdSyntax"/>, or construction throws <see cref="ArgumentException"/>.</summary>
    public string Value { get; } = IdSyntax.Checked(Value);

    /// <summary>The id <paramref name="text"/> spells, if it is well-formed: for input, where a bad id is an answer, not a bug.</summary>
    public static bool TryParse(string? text, out FormId id) => IdSyntax.TryParse(text, static t => new FormId(t), out id);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>Identifier of one line of a protocol form, e.g. <c>valid</c> or <c>registered</c>.</summary>
public readonly record struct LineId(string Value)
{
    /// <summary>The id: well-formed by <see cref="IdSyntax"/>, or construction throws <see cref="ArgumentException"/>.</summary>
    public string Value { get; } = IdSyntax.Checked(Value);

    /// <summary>The id <paramref name="text"/> spells, if it is well-formed: for input, where a bad id is an answer, not a bug.</summary>
    public static bool TryParse(string? text, out LineId id) => IdSyntax.TryParse(text, static t => new LineId(t), out id);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>Identifier of a control relation of a protocol form.</summary>
public readonly record struct RelationId(string Value)
{
    /// <summary>The id: well-formed by <see cref="IdSyntax"/>, or construction throws <see cref="ArgumentException"/>.</summary>
    public string Value { get; } = IdSyntax.Checked(Value);

    /// <summary>The id <paramref name="text"/> spells, if it is well-formed: for input, where a bad id is an answer, not a bug.</summary>
    public static bool TryParse(string? text, out RelationId id) => IdSyntax.TryParse(text, static t => new RelationId(t), out id);

    /// <inheritdoc />
    public override string ToString() => Value;
}
