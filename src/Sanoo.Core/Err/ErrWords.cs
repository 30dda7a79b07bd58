using System.Collections.Immutable;
using System.Collections.Frozen;
using Sanoo.Core.Definitions;

namespace Sanoo.Core.Err;

/// <summary>The NIST words Sanoo uses: names in every language, external identifiers, and reporting-unit types.</summary>
public static class ErrWords
{
    /// <summary>The <c>ReportingUnitType</c> of a polling station, the only level that reports protocols.</summary>
    public const string Precinct = "precinct";

    /// <summary>
    /// Every <c>ReportingUnitType</c> but <c>other</c>. A level whose id is one of these is that type; any other level is <c>other</c>
    /// with its id as <c>OtherType</c>, so no country's levels are written into code.
    /// </summary>
    public static readonly FrozenSet<string> ReportingUnitTypes = FrozenSet.Create(
        StringComparer.Ordinal,
        "ballot-batch", "ballot-style-area", "borough", "city", "city-council", "combined-precinct", "congressional", "country",
        "county", "county-council", "drop-box", "judicial", "municipality", "polling-place", "precinct", "school", "special",
        "split-precinct", "state", "state-house", "state-senate", "town", "township", "utility", "village", "vote-center", "ward",
        "water");

    /// <summary>
    /// An <c>InternationalizedText</c> with the text in every language it has: the definition's languages first, in their order
    /// (the first is the site's default), then any other.
    /// </summary>
    public static ErrObject Text(LocalizedText text, ImmutableArray<string> languages)
    {
        var ordered = text.Texts
            .OrderBy(t => languages.IndexOf(t.Key) is var i && i >= 0 ? i : int.MaxValue)
            .ThenBy(t => t.Key, StringComparer.Ordinal);
        return new(
            "InternationalizedText",
            null,
            [new("Text", new ErrList([.. ordered.Select(t => (ErrValue)new ErrObject(
                "LanguageString", null, [new("Content", new ErrText(t.Value)), new("Language", new ErrText(t.Key))]))]))]);
    }

    /// <summary>An <c>ExternalIdentifier</c> of type <c>other</c>.</summary>
    public static ErrObject External(string otherType, string value) => new(
        "ExternalIdentifier",
        null,
        [new("Type", new ErrText("other")), new("OtherType", new ErrText(otherType)), new("Value", new ErrText(value))]);

    /// <summary>The <c>DeviceClass</c> that names a count source: type <c>other</c> with the source's id.</summary>
    public static ErrObject Device(CountSource source) => new(
        "DeviceClass", null, [new("Type", new ErrText("other")), new("OtherType", new ErrText(source.Id.Value))]);

    /// <summary>The (Type, OtherType) of a level's reporting units.</summary>
    public static (string Type, string? OtherType) UnitType(AreaLevel level, bool station) =>
        station ? (Precinct, null) : ReportingUnitTypes.Contains(level.Id) ? (level.Id, null) : ("other", level.Id);
}
