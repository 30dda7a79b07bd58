using System.Collections.Immutable;
using System.Text.Json;

namespace Sanoo.Core.Definitions;

/// <summary>
/// Reads a polling station written in the common shape (an object holding a valid <c>id</c>, the station
/// <c>level</c>, a valid <c>parent</c>, a whole number <c>registered</c> and perhaps <c>additional</c>, each once and
/// nothing else) without the general reader's bookkeeping of fields and paths: a national map is almost all such
/// stations. Anything else, including every fault, is left to the general reader (null), which reads it field by field
/// and reports each problem; an area this reader returns is the one the general reader would. Stations are listed by
/// their area, so the last parent's id is kept and shared rather than read again. Not thread-safe: one per reading.
/// </summary>
internal sealed class PlainStationReader
{
    private const int IdField = 1;
    private const int LevelField = 2;
    private const int ParentField = 4;
    private const int RegisteredField = 8;
    private const int AdditionalField = 16;
    private const int Required = IdField | LevelField | ParentField | RegisteredField;

    private readonly string? _stationLevel;
    private readonly int _level;
    private AreaId? _lastParent;

    /// <summary>A reader for the map of <paramref name="levels"/>, whose first <paramref name="depth"/> levels form the tree.</summary>
    public PlainStationReader(ImmutableArray<AreaLevel> levels, IReadOnlyDictionary<string, int> levelIndex, int depth)
    {
        _level = depth - 1;
        // A station level whose id an earlier level also uses is read as that level: the general reader decides such a map.
        if (_level >= 0 && _level < levels.Length && levelIndex.TryGetValue(levels[_level].Id, out var first) && first == _level)
        {
            _stationLevel = levels[_level].Id;
        }
    }

    /// <summary>The station <paramref name="element"/> spells, or null when the general reader must read it.</summary>
    public Area? Read(JsonElement element)
    {
        if (_stationLevel is null || element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        var seen = 0;
        AreaId id = default;
        AreaId parent = default;
        long registered = 0;
        long additional = 0;
        foreach (var property in element.EnumerateObject())
        {
            var value = property.Value;
            int field;
            bool read;
            if (property.NameEquals("id"))
            {
                (field, read) = (IdField, value.ValueKind == JsonValueKind.String && AreaId.TryParse(value.GetString(), out id));
            }
            else if (property.NameEquals("parent"))
            {
                (field, read) = (ParentField, value.ValueKind == JsonValueKind.String && TryParent(value, out parent));
            }
            else if (property.NameEquals("registered"))
            {
                (field, read) = (RegisteredField, TryCount(value, out registered));
            }
            else if (property.NameEquals("level"))
            {
                (field, read) = (LevelField, value.ValueKind == JsonValueKind.String && value.ValueEquals(_stationLevel));
            }
            else if (property.NameEquals("additional"))
            {
                (field, read) = (AdditionalField, TryCount(value, out additional));
            }
            else
            {
                return null;
            }
            if (!read || (seen & field) != 0)
            {
                return null;
            }
            seen |= field;
        }
        return (seen & Required) == Required
            ? new Area(id, _level, parent, null, new VoterRoll((int)registered, (int)additional))
            : null;
    }

    private bool TryParent(JsonElement value, out AreaId parent)
    {
        if (_lastParent is { } last && value.ValueEquals(last.Value))
        {
            parent = last;
            return true;
        }
        if (!AreaId.TryParse(value.GetString(), out parent))
        {
            return false;
        }
        _lastParent = parent;
        return true;
    }

    private static bool TryCount(JsonElement value, out long count)
    {
        count = 0;
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out count) && count is >= 0 and <= int.MaxValue;
    }
}
