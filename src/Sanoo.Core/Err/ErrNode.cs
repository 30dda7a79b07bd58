namespace Sanoo.Core.Err;

/// <summary>
/// A value of an ERR report (NIST SP 1500-100 v2) before it is written: one tree serves both the JSON and the XML form, so the two
/// always say the same thing. Fields are kept in the XSD's element order (a base type's elements first, each part alphabetical),
/// which XML needs and JSON ignores. Lists may be produced lazily, so a report of a million stations is written without being held.
/// </summary>
public abstract record ErrValue;

/// <summary>A string, an enumeration value or a date, written as text in both forms.</summary>
/// <param name="Text">The text.</param>
public sealed record ErrText(string Text) : ErrValue;

/// <summary>A whole number: a count of votes, ballots or voters.</summary>
/// <param name="Value">The number.</param>
public sealed record ErrNumber(long Value) : ErrValue;

/// <summary>A boolean.</summary>
/// <param name="Value">The value.</param>
public sealed record ErrBoolean(bool Value) : ErrValue;

/// <summary>References to other objects' <c>@id</c>s: a JSON array of strings, an XML <c>IDREFS</c> list separated by spaces.</summary>
/// <param name="Ids">The referenced ids, in order.</param>
public sealed record ErrRefs(IReadOnlyList<string> Ids) : ErrValue;

/// <summary>A repeated field: a JSON array, repeated XML elements of the field's name.</summary>
/// <param name="Items">The items, enumerated once per write.</param>
public sealed record ErrList(IEnumerable<ErrValue> Items) : ErrValue;

/// <summary>
/// An object of a NIST class. JSON writes <c>"@type": "ElectionResults.TYPE"</c> and <c>"@id"</c>; XML writes the id as the
/// <c>ObjectId</c> attribute and, where the element's declared type is abstract (a GpUnit, Contest or ContestSelection),
/// <c>xsi:type</c>.
/// </summary>
/// <param name="Type">The class name without the <c>ElectionResults.</c> prefix, e.g. <c>ReportingUnit</c>.</param>
/// <param name="Id">Its <c>@id</c> where the class is referenceable, else null.</param>
/// <param name="Fields">Its fields in XSD order; a field whose value is null is left out.</param>
public sealed record ErrObject(string Type, string? Id, IReadOnlyList<ErrField> Fields) : ErrValue
{
    /// <summary>Whether the element holding it is declared with an abstract type, so XML must name the concrete one.</summary>
    public bool Derived { get; init; }
}

/// <summary>One named field of an <see cref="ErrObject"/>.</summary>
/// <param name="Name">The NIST property (and XML element) name.</param>
/// <param name="Value">Its value; null: absent.</param>
public sealed record ErrField(string Name, ErrValue? Value)
{
    /// <summary>
    /// Whether a reader should find the field in the report's first bytes, before the counts (the snapshot the report is of): JSON,
    /// whose members have no order, writes it first; XML, held to the XSD's order, also states its texts in a comment before the
    /// root element. Its value is then enumerated twice, so it is kept small.
    /// </summary>
    public bool Leads { get; init; }
}
