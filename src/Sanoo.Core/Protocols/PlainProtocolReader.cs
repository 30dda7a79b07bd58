using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text.Json;
using Sanoo.Core.Definitions;

namespace Sanoo.Core.Protocols;

/// <summary>
/// The quick way through <see cref="ProtocolReader.Read(Election, ReadOnlyMemory{byte})"/> (and through
/// <see cref="ProtocolReader.Read(Election, JsonElement)"/>, over the element's bytes as sent) for a protocol the strict reader has
/// nothing to say about, as every signed canonical protocol is: one pass of a <see cref="Utf8JsonReader"/> over the bytes, with no
/// JSON document, no dictionary of fields and no string per name. It takes only what is plainly right: each field once, of its
/// type, the election, contest and source spelled as the election spells them, a known station, the contest named before its
/// figures, every figure present once, whole and non-negative, a correction and an image as objects of their two strings. It
/// then holds the same <see cref="Protocol"/> the strict reader would build; anything else (a problem, null, an odd order) gives
/// null, and the strict reader reads the bytes again and words what it finds.
/// </summary>
internal static class PlainProtocolReader
{
    [Flags]
    private enum Field
    {
        None = 0,
        Election = 1,
        Station = 2,
        Contest = 4,
        Source = 8,
        Version = 16,
        Lines = 32,
        Votes = 64,
        Correction = 128,
        Image = 256,
        Required = Election | Station | Contest | Source | Version | Lines | Votes,
    }

    /// <summary>The protocol in <paramref name="utf8Json"/>, or null when the strict reader must read it.</summary>
    public static Protocol? TryRead(Election election, ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            return Read(election, utf8Json);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null; // not JSON, or a string that is not UTF-8: the strict reader says which
        }
    }

    private static Protocol? Read(Election election, ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }
        var seen = Field.None;
        AreaId station = default;
        ContestPlan? plan = null;
        SourceId source = default;
        var version = 0;
        ImmutableArray<int> lines = [], votes = [];
        Correction? correction = null;
        ProtocolImage? image = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = FieldOf(ref reader);
            if (field == Field.None || (seen & field) != 0 || !reader.Read())
            {
                return null;
            }
            seen |= field;
            var ok = field switch
            {
                Field.Election => Own(ref reader, election.Id.Value),
                Field.Station => Station(ref reader, election, out station),
                Field.Contest => (plan = Contest(ref reader, election)) is not null,
                Field.Source => Source(ref reader, election, out source),
                Field.Version => reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out version) && version >= 1,
                Field.Lines => plan is not null && Figures(ref reader, FigureNames.Of(plan).Lines, out lines),
                Field.Votes => plan is not null && Figures(ref reader, FigureNames.Of(plan).Choices, out votes),
                Field.Correction => (correction = Correction(ref reader)) is not null,
                _ => (image = Image(ref reader)) is not null,
            };
            if (!ok)
            {
                return null;
            }
        }
        if (reader.TokenType != JsonTokenType.EndObject || reader.Read() || (seen & Field.Required) != Field.Required)
        {
            return null; // reader.Read() throws on anything after the object, and gives false at its end
        }
        return new Protocol(election.Id, station, plan!.Contest.Id, source, version, lines, votes, correction, image);
    }

    private static Field FieldOf(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("election"u8) ? Field.Election
        : reader.ValueTextEquals("station"u8) ? Field.Station
        : reader.ValueTextEquals("contest"u8) ? Field.Contest
        : reader.ValueTextEquals("source"u8) ? Field.Source
        : reader.ValueTextEquals("version"u8) ? Field.Version
        : reader.ValueTextEquals("lines"u8) ? Field.Lines
        : reader.ValueTextEquals("votes"u8) ? Field.Votes
        : reader.ValueTextEquals("correction"u8) ? Field.Correction
        : reader.ValueTextEquals("image"u8) ? Field.Image
        : Field.None;

    /// <summary>Whether the value is the string <paramref name="own"/>.</summary>
    private static bool Own(ref Utf8JsonReader reader, string own) =>
        reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(own);

    /// <summary>The election's own id of the station named (so a million protocols hold each station's text once).</summary>
    private static bool Station(ref Utf8JsonReader reader, Election election, out AreaId station)
    {
        station = default;
        if (reader.TokenType != JsonTokenType.String || !AreaId.TryParse(reader.GetString(), out var id)
            || !election.TryAreaIndex(id, out var index))
        {
            return false;
        }
        station = election.Areas[index].Id;
        return true;
    }

    private static ContestPlan? Contest(ref Utf8JsonReader reader, Election election)
    {
        foreach (var plan in election.Contests)
        {
            if (Own(ref reader, plan.Contest.Id.Value))
            {
                return plan;
            }
        }
        return null;
    }

    private static bool Source(ref Utf8JsonReader reader, Election election, out SourceId source)
    {
        foreach (var candidate in election.Sources)
        {
            if (Own(ref reader, candidate.Id.Value))
            {
                source = candidate.Id;
                return true;
            }
        }
        source = default;
        return false;
    }

    /// <summary>Every figure of <paramref name="names"/> once, in their order; false at anything the strict reader would report.</summary>
    private static bool Figures(ref Utf8JsonReader reader, FigureNames.Set names, out ImmutableArray<int> figures)
    {
        figures = default;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }
        var count = names.Text.Length;
        var values = new int[count];
        Span<bool> seen = count <= 256 ? stackalloc bool[count] : new bool[count];
        var (next, found) = (0, 0);
        Span<byte> unescaped = stackalloc byte[128];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = !reader.ValueIsEscaped ? reader.ValueSpan
                : reader.ValueSpan.Length <= unescaped.Length ? unescaped[..reader.CopyString(unescaped)]
                : []; // a name longer than any line or choice id, escaped: none of them
            var i = names.IndexOf(name, ref next);
            if (i < 0 || seen[i] || !reader.Read()
                || reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var figure) || figure < 0)
            {
                return false;
            }
            (seen[i], values[i], found) = (true, figure, found + 1);
        }
        figures = ImmutableCollectionsMarshal.AsImmutableArray(values);
        return reader.TokenType == JsonTokenType.EndObject && found == count;
    }

    private static Correction? Correction(ref Utf8JsonReader reader) =>
        TwoStrings(ref reader, "reason"u8, "author"u8) is ({ } reason, { } author) ? new Correction(reason, author) : null;

    private static ProtocolImage? Image(ref Utf8JsonReader reader) =>
        TwoStrings(ref reader, "sha256"u8, "type"u8) is ({ } sha256, { } type) ? ProtocolImage.TryParse(sha256, type) : null;

    /// <summary>The two string fields of an object of exactly those, each null when missing (both when anything is wrong).</summary>
    private static (string? First, string? Second) TwoStrings(ref Utf8JsonReader reader, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return (null, null);
        }
        string? a = null, b = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isFirst = reader.ValueTextEquals(first);
            if ((!isFirst && !reader.ValueTextEquals(second)) || (isFirst ? a : b) is not null
                || !reader.Read() || reader.TokenType != JsonTokenType.String)
            {
                return (null, null);
            }
            if (isFirst)
            {
                a = reader.GetString();
            }
            else
            {
                b = reader.GetString();
            }
        }
        return reader.TokenType == JsonTokenType.EndObject ? (a, b) : (null, null);
    }
}
