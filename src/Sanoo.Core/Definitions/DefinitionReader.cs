using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Sanoo.Core.Json;
using Sanoo.Core.Maps;

namespace Sanoo.Core.Definitions;

/// <summary>
/// Reads an election definition file (docs/definition-format.md) strictly: unknown fields,
/// wrong types, negative figures, malformed ids and every structural fault (duplicate ids,
/// orphan areas, a station under two districts, unknown references, relations naming unknown
/// lines) are reported together, each with its JSON path.
/// </summary>
public static class DefinitionReader
{
    /// <summary>The format tag every definition file starts with.</summary>
    public const string Format = "sanoo-election/1";

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 32 };

    /// <summary>Loads a definition from UTF-8 JSON.</summary>
    public static DefinitionResult Read(ReadOnlyMemory<byte> utf8Json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, DocumentOptions);
        }
        catch (JsonException e)
        {
            return new DefinitionResult.Invalid(
            [
                new JsonProblem("$", $"not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {FirstSentence(e.Message)}"),
            ]);
        }
        using (document)
        {
            var problems = new List<JsonProblem>();
            var definition = ReadDefinition(document.RootElement, problems);
            if (definition is null)
            {
                return new DefinitionResult.Invalid([.. problems]);
            }
            // Structural checks run even after field problems, so one pass reports everything.
            return Election.Create(definition, problems);
        }
    }

    private static ElectionDefinition? ReadDefinition(JsonElement root, List<JsonProblem> problems)
    {
        var f = JsonFields.Of(
            root,
            "$",
            problems,
            "format", "id", "name", "date", "languages", "sources", "forms", "choices", "contests", "areas", "reconciliation",
            "minimumTurnout", "levels", "groupings", "turnoutTimes", "timeZone", "mapCredit");
        if (f is null)
        {
            return null;
        }
        var format = f.String("format");
        if (format.Length > 0 && format != Format)
        {
            f.Problem("format", $"is '{format}', but this version of Sanoo reads '{Format}'");
        }
        var id = ReadId<ElectionId>(f, "id", ElectionId.TryParse);
        var name = ReadText(f, "name") ?? LocalizedText.Of("en", "?");
        var dateText = f.String("date");
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && dateText.Length > 0)
        {
            f.Problem("date", $"expected a date as YYYY-MM-DD, found \"{dateText}\"");
        }
        var languages = f.Array("languages")
            .Select(item => item.Item.ValueKind == JsonValueKind.String && IsLanguageCode(item.Item.GetString())
                ? item.Item.GetString()!
                : Report(problems, item.Path, "expected a language code such as \"ky\", \"ru\" or \"en\"", string.Empty))
            .ToImmutableArray();
        if (languages.IsEmpty && f.Has("languages"))
        {
            f.Problem("languages", "must name at least one language");
        }
        var sources = f.Array("sources").Select(item => ReadSource(item.Item, item.Path, problems)).OfType<CountSource>().ToImmutableArray();
        var forms = f.Array("forms").Select(item => ReadForm(item.Item, item.Path, problems)).OfType<ProtocolForm>().ToImmutableArray();
        var choices = f.Array("choices").Select(item => ReadChoice(item.Item, item.Path, problems)).OfType<Choice>().ToImmutableArray();
        var minimumTurnout = ReadPercent(f, "minimumTurnout");
        var contests = f.Array("contests").Select(item => ReadContest(item.Item, item.Path, problems)).OfType<Contest>()
            .Select(c => c.MinimumTurnout is null && minimumTurnout is not null ? c with { MinimumTurnout = minimumTurnout } : c)
            .ToImmutableArray();
        var levels = ReadLevels(f, problems);
        var levelIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < levels.Length; i++)
        {
            levelIndex.TryAdd(levels[i].Id, i);
        }
        var depth = levels.Count(l => !l.Grouping);
        var areas = ReadAreas(f, problems, levels, levelIndex, depth);
        return new ElectionDefinition(id, name, date, languages, sources, forms, choices, contests, areas)
        {
            Reconciliation = ReadReconciliation(f, problems),
            Levels = levels,
            TurnoutTimes = ReadTurnoutTimes(f, problems),
            TimeZone = ReadTimeZone(f),
            MapCredit = ReadText(f, "mapCredit", required: false),
        };
    }

    /// <summary>The turnout report times: local times of day as <c>HH:mm</c>, strictly ascending.</summary>
    private static ImmutableArray<string> ReadTurnoutTimes(JsonFields f, List<JsonProblem> problems)
    {
        var times = ImmutableArray.CreateBuilder<string>();
        foreach (var (item, path) in f.Array("turnoutTimes", required: false))
        {
            if (item.ValueKind != JsonValueKind.String || !Turnout.TurnoutReport.IsTime(item.GetString()!))
            {
                problems.Add(new JsonProblem(path, "expected a local time of day as HH:mm, such as \"10:00\""));
            }
            else if (times.Count > 0 && string.CompareOrdinal(item.GetString(), times[^1]) <= 0)
            {
                problems.Add(new JsonProblem(path, $"must come after {times[^1]}: the times are listed in the order of the day, once each"));
            }
            else
            {
                times.Add(item.GetString()!);
            }
        }
        return times.ToImmutable();
    }

    private static ReconciliationRule? ReadReconciliation(JsonFields definition, List<JsonProblem> problems)
    {
        if (!definition.Has("reconciliation") || definition.Object("reconciliation", "between", "absolute", "relativePercent") is not { } f)
        {
            return null;
        }
        var between = f.Array("between").Select(item => ItemId<SourceId>(item, "expected a count source's id", SourceId.TryParse, problems)).ToList();
        if (between.Count != 2 || between[0] == between[1])
        {
            f.Problem("between", "must name two different count sources, e.g. [\"machine\", \"hand\"]");
            return null;
        }
        var relative = f.OptionalDecimal("relativePercent") ?? 0;
        if (relative < 0)
        {
            f.Problem("relativePercent", "must not be negative");
        }
        return new ReconciliationRule(between[0], between[1], f.OptionalInteger("absolute", max: int.MaxValue) ?? 0, relative);
    }

    private static CountSource? ReadSource(JsonElement element, string path, List<JsonProblem> problems)
    {
        var f = JsonFields.Of(element, path, problems, "id", "name", "official", "doubleEntry", "doubleEntryRequired", "signed",
            "imagesRequired", "imageMaxBytes", "partyCopy");
        if (f is null)
        {
            return null;
        }
        var official = f.OptionalBool("official") ?? false;
        ChoiceId? partyCopy = null;
        if (element.TryGetProperty("partyCopy", out var copy))
        {
            if (copy.ValueKind == JsonValueKind.String && ChoiceId.TryParse(copy.GetString()!, out var party))
            {
                partyCopy = party;
            }
            else
            {
                f.Problem("partyCopy", "must name a party of the election by its choice id, e.g. \"p03\"");
            }
        }
        return new CountSource(ReadId<SourceId>(f, "id", SourceId.TryParse), ReadText(f, "name") ?? LocalizedText.Of("en", "?"), official)
        {
            DoubleEntry = f.OptionalBool("doubleEntry") ?? false,
            DoubleEntryRequired = f.OptionalBool("doubleEntryRequired") is true && RequiresDoubleEntry(f),
            Signed = f.OptionalBool("signed") ?? (!official && partyCopy is null),
            ImagesRequired = f.OptionalBool("imagesRequired") ?? false,
            ImageMaxBytes = f.OptionalInteger("imageMaxBytes", min: 1024, max: 100L * 1024 * 1024) ?? CountSource.DefaultImageMaxBytes,
            PartyCopy = partyCopy,
        };
    }

    /// <summary>Whether a source that requires double entry has it; a problem when it does not.</summary>
    private static bool RequiresDoubleEntry(JsonFields f)
    {
        if (f.OptionalBool("doubleEntry") is true)
        {
            return true;
        }
        f.Problem("doubleEntryRequired", "needs \"doubleEntry\": true (a count that must be entered twice is entered twice)");
        return false;
    }

    private static ProtocolForm? ReadForm(JsonElement element, string path, List<JsonProblem> problems)
    {
        var f = JsonFields.Of(element, path, problems, "id", "lines", "relations", "participation");
        if (f is null)
        {
            return null;
        }
        var lines = f.Array("lines").Select(item =>
        {
            var line = JsonFields.Of(item.Item, item.Path, problems, "id", "name");
            if (line is null)
            {
                return null;
            }
            var lineId = ReadId<LineId>(line, "id", LineId.TryParse);
            var text = line.Raw("id") is { ValueKind: JsonValueKind.String } raw ? raw.GetString()! : "";
            if (IdSyntax.IsValid(text) && !text.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                line.Problem("id", $"line ids may hold only letters, digits and '_' so that relations can name them; found \"{lineId}\"");
            }
            return new FormLine(lineId, ReadText(line, "name") ?? LocalizedText.Of("en", text.Length > 0 ? text : "?"));
        }).OfType<FormLine>().ToImmutableArray();
        var relations = f.Array("relations", required: false).Select(item =>
        {
            var relation = JsonFields.Of(item.Item, item.Path, problems, "id", "rule", "severity", "description");
            if (relation is null)
            {
                return null;
            }
            var severity = relation.OneOf("severity", Severity.Error, ("error", Severity.Error), ("warning", Severity.Warning));
            return new RelationSpec(ReadId<RelationId>(relation, "id", RelationId.TryParse), relation.String("rule"), severity,
                ReadText(relation, "description", required: false));
        }).OfType<RelationSpec>().ToImmutableArray();
        return new ProtocolForm(ReadId<FormId>(f, "id", FormId.TryParse), lines, relations, f.String("participation"));
    }

    private static Choice? ReadChoice(JsonElement element, string path, List<JsonProblem> problems)
    {
        var f = JsonFields.Of(element, path, problems, "id", "kind", "name", "ballotNumber", "party", "coalitionMembers");
        if (f is null)
        {
            return null;
        }
        var kind = f.OneOf(
            "kind",
            ChoiceKind.Party,
            ("party", ChoiceKind.Party),
            ("candidate", ChoiceKind.Candidate),
            ("against-all", ChoiceKind.AgainstAll));
        var ballotNumber = (int?)f.OptionalInteger("ballotNumber", min: 1);
        ChoiceId? party = f.OptionalString("party") is { } partyText ? IdOf<ChoiceId>(f, "party", partyText, ChoiceId.TryParse) : null;
        return new Choice(ReadId<ChoiceId>(f, "id", ChoiceId.TryParse), kind, ReadText(f, "name") ?? LocalizedText.Of("en", "?"), ballotNumber, party)
        {
            CoalitionMembers = (int)(f.OptionalInteger("coalitionMembers", min: 1, max: 100) ?? 1),
        };
    }

    private static Contest? ReadContest(JsonElement element, string path, List<JsonProblem> problems)
    {
        var f = JsonFields.Of(element, path, problems, "id", "kind", "name", "area", "form", "choices", "seats", "seatRules", "againstAllBlocks",
            "majority", "majorityBase", "runoffOf", "minimumTurnout");
        if (f is null)
        {
            return null;
        }
        var kind = f.OneOf("kind", ContestKind.PartyList, ("party-list", ContestKind.PartyList), ("single-member", ContestKind.SingleMember));
        var choices = f.Array("choices")
            .Select(item => ItemId<ChoiceId>(item, $"expected a choice id, found {JsonFields.Describe(item.Item)}", ChoiceId.TryParse, problems))
            .ToImmutableArray();
        var seats = (int)(f.OptionalInteger("seats", min: 1, max: 100_000) ?? (kind == ContestKind.SingleMember ? 1 : f.Integer("seats", min: 1)));
        var contest = new Contest(
            ReadId<ContestId>(f, "id", ContestId.TryParse),
            kind,
            ReadText(f, "name") ?? LocalizedText.Of("en", "?"),
            ReadId<AreaId>(f, "area", AreaId.TryParse),
            ReadId<FormId>(f, "form", FormId.TryParse),
            choices,
            seats,
            ReadSeatRules(f),
            f.OptionalBool("againstAllBlocks") ?? false)
        {
            AbsoluteMajority = f.Has("majority") && f.OneOf("majority", false, ("absolute", true))
                ? (f.Has("majorityBase")
                    ? f.OneOf("majorityBase", ThresholdBase.Valid, ("valid", ThresholdBase.Valid), ("participation", ThresholdBase.Participation))
                    : ThresholdBase.Valid)
                : null,
            RunoffOf = f.OptionalString("runoffOf") is { } runoffOf ? IdOf<ContestId>(f, "runoffOf", runoffOf, ContestId.TryParse) : null,
            MinimumTurnout = ReadPercent(f, "minimumTurnout"),
        };
        if (f.Has("majorityBase") && !f.Has("majority"))
        {
            f.Problem("majorityBase", "applies only with \"majority\": \"absolute\"");
        }
        return contest;
    }

    private static decimal? ReadPercent(JsonFields f, string name)
    {
        var percent = f.OptionalDecimal(name);
        if (percent is < 0 or > 100)
        {
            f.Problem(name, $"must be between 0 and 100, found {percent.Value.ToString(CultureInfo.InvariantCulture)}");
        }
        return percent;
    }

    private static SeatRules? ReadSeatRules(JsonFields contest)
    {
        var f = contest.Object(
            "seatRules",
            "method", "threshold", "regionalThreshold", "maxSeatsPerParty",
            "coalitionThresholds", "alternativeDistrictSeats", "apportionTo", "mixedMember", "agreements");
        if (f is null)
        {
            return null;
        }
        var coalitions = f.Array("coalitionThresholds", required: false).Select(item =>
        {
            var c = JsonFields.Of(item.Item, item.Path, f.Problems, "minMembers", "percent");
            return c is null
                ? null
                : new Seats.CoalitionThreshold((int)c.Integer("minMembers", min: 2, max: 100), c.OptionalDecimal("percent") ?? 0m);
        }).OfType<Seats.CoalitionThreshold>().ToImmutableArray();
        return new SeatRules(
            f.String("method"),
            ReadThreshold(f, "threshold"),
            ReadThreshold(f, "regionalThreshold"),
            (int?)f.OptionalInteger("maxSeatsPerParty", min: 1))
        {
            CoalitionThresholds = coalitions,
            AlternativeDistrictSeats = (int?)f.OptionalInteger("alternativeDistrictSeats", min: 1, max: 10_000),
            ApportionTo = f.OptionalString("apportionTo"),
            MixedMember = f.OptionalBool("mixedMember") ?? false,
            Agreements = [.. f.Array("agreements", required: false).Select(agreement => agreement.Item.ValueKind == JsonValueKind.Array
                ? agreement.Item.EnumerateArray()
                    .Select((member, i) =>
                        ItemId<ChoiceId>((member, $"{agreement.Path}[{i}]"), "expected a choice id", ChoiceId.TryParse, f.Problems))
                    .ToImmutableArray()
                : Report(f.Problems, agreement.Path, "expected an array of choice ids", ImmutableArray<ChoiceId>.Empty))],
        };
    }

    private static Threshold? ReadThreshold(JsonFields rules, string name)
    {
        var f = rules.Object(name, "percent", "base");
        if (f is null)
        {
            return null;
        }
        var percent = f.OptionalDecimal("percent") ?? 0m;
        if (percent is < 0 or > 100)
        {
            f.Problem("percent", $"must be between 0 and 100, found {percent.ToString(CultureInfo.InvariantCulture)}");
        }
        var thresholdBase = f.OneOf(
            "base",
            ThresholdBase.Participation,
            ("participation", ThresholdBase.Participation),
            ("valid", ThresholdBase.Valid),
            ("party-votes", ThresholdBase.PartyVotes));
        return new Threshold(percent, thresholdBase);
    }

    /// <summary>
    /// The levels of the tree (default: nation, region, district, station) and then the groupings, each with an id and a heading;
    /// ids are unique over both.
    /// </summary>
    private static ImmutableArray<AreaLevel> ReadLevels(JsonFields definition, List<JsonProblem> problems)
    {
        AreaLevel? Level((JsonElement Item, string Path) item, bool grouping)
        {
            var level = JsonFields.Of(item.Item, item.Path, problems, "id", "name");
            if (level is null)
            {
                return null;
            }
            var text = level.String("id");
            if (!IdSyntax.IsValid(text))
            {
                level.Problem("id", $"\"{text}\" is not a valid id ({IdSyntax.Rule})");
            }
            return new AreaLevel(text, ReadText(level, "name", required: false), grouping);
        }
        var tree = definition.Has("levels")
            ? [.. definition.Array("levels").Select(item => Level(item, grouping: false)).OfType<AreaLevel>()]
            : AreaLevel.Defaults;
        if (definition.Has("levels") && tree.Length < 2)
        {
            definition.Problem("levels", "must name at least two levels: the root (e.g. the nation) and the polling station");
        }
        var groupings = definition.Array("groupings", required: false).Select(item => Level(item, grouping: true)).OfType<AreaLevel>();
        var levels = tree.AddRange(groupings);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var level in levels.Where(l => !seen.Add(l.Id)))
        {
            problems.Add(new JsonProblem(definition.PathOf("levels"), $"the level or grouping id '{level.Id}' is used twice"));
        }
        return levels;
    }

    /// <summary>The map, in file order: stations in the common shape read by <see cref="PlainStationReader"/>, the rest field by field.</summary>
    private static ImmutableArray<Area> ReadAreas(
        JsonFields f, List<JsonProblem> problems, ImmutableArray<AreaLevel> levels, Dictionary<string, int> levelIndex, int depth)
    {
        if (f.Raw("areas") is not { ValueKind: JsonValueKind.Array } array)
        {
            _ = f.Array("areas"); // reports the field missing or not an array
            return [];
        }
        var plain = new PlainStationReader(levels, levelIndex, depth);
        var areas = ImmutableArray.CreateBuilder<Area>(array.GetArrayLength());
        var at = 0;
        foreach (var element in array.EnumerateArray())
        {
            if ((plain.Read(element) ?? ReadArea(element, $"{f.PathOf("areas")}[{at}]", problems, levels, levelIndex, depth)) is { } area)
            {
                areas.Add(area);
            }
            at++;
        }
        return areas.DrainToImmutable();
    }

    private static Area? ReadArea(
        JsonElement element,
        string path,
        List<JsonProblem> problems,
        ImmutableArray<AreaLevel> levels,
        Dictionary<string, int> levelIndex,
        int depth)
    {
        var f = JsonFields.Of(element, path, problems, "id", "level", "kind", "parent", "name", "registered", "additional", "members",
            "geometry", "address");
        if (f is null)
        {
            return null;
        }
        var field = f.Has("kind") && !f.Has("level") ? "kind" : "level";
        if (f.Has("kind") && f.Has("level"))
        {
            f.Problem("kind", "is the old name of \"level\"; give one of them");
        }
        var levelId = f.String(field);
        if (!levelIndex.TryGetValue(levelId, out var level))
        {
            if (levelId.Length > 0)
            {
                f.Problem(field, $"'{levelId}' is not a level of this election (levels: {string.Join(", ", levels.Select(l => l.Id))})");
            }
            level = Math.Max(0, depth - 1); // read on as a station, so that one pass finds every other problem
        }
        var isStation = level == depth - 1;
        AreaId? parent = f.OptionalString("parent") is { } parentText ? IdOf<AreaId>(f, "parent", parentText, AreaId.TryParse) : null;
        VoterRoll? roll = null;
        if (isStation)
        {
            roll = new VoterRoll((int)f.Integer("registered"), (int)(f.OptionalInteger("additional") ?? 0));
        }
        else if (f.Has("registered") || f.Has("additional"))
        {
            f.Problem(
                f.Has("registered") ? "registered" : "additional",
                "only stations have voter lists; an area's voters are the sum of its stations'");
        }
        var grouping = levels.Length > 0 && levels[level].Grouping;
        // A member that is no id is reported here and left out, so the map's checks do not report it again under a stand-in id.
        var members = f.Array("members", required: grouping)
            .Select(item => item.Item.ValueKind == JsonValueKind.String && AreaId.TryParse(item.Item.GetString(), out var id)
                ? (AreaId?)id
                : Report<AreaId?>(problems, item.Path, $"expected the id of a station or an area, found {JsonFields.Describe(item.Item)}", null))
            .OfType<AreaId>()
            .ToImmutableArray();
        if (!grouping && f.Has("members"))
        {
            f.Problem("members", "only an area of a grouping lists members; the tree is given by \"parent\"");
        }
        else if (grouping && f.Has("parent"))
        {
            f.Problem("parent", $"an area of the grouping '{levels[level].Id}' lists its \"members\" and has no parent");
        }
        var name = isStation ? ReadText(f, "name", required: false) : ReadText(f, "name");
        var shape = f.Raw("geometry") is { } geometry ? ShapeReader.Read(geometry, f.PathOf("geometry"), problems) : null;
        var address = ReadText(f, "address", required: false);
        if (address is not null && !isStation)
        {
            f.Problem("address", "only a polling station has an address");
        }
        return new Area(ReadId<AreaId>(f, "id", AreaId.TryParse), level, parent, name, roll)
        {
            Members = members,
            Shape = shape,
            Address = address,
        };
    }

    /// <summary>
    /// The id a field spells. A field that is missing or no id is reported, and the id read is then
    /// one spelled from the field's path, so that one pass still finds every other problem; the
    /// definition is refused either way.
    /// </summary>
    private static T ReadId<T>(JsonFields f, string name, TryParseId<T> parse)
        where T : struct => IdOf(f, name, f.String(name), parse);

    /// <summary>The id <paramref name="text"/>, read from field <paramref name="name"/>, spells; see <see cref="ReadId"/>.</summary>
    private static T IdOf<T>(JsonFields f, string name, string text, TryParseId<T> parse)
        where T : struct
    {
        if (parse(text, out var id))
        {
            return id;
        }
        if (text.Length > 0 || f.Raw(name) is { ValueKind: JsonValueKind.String })
        {
            f.Problem(name, $"\"{text}\" is not a valid id ({IdSyntax.Rule})");
        }
        return Unread(f.PathOf(name), parse);
    }

    /// <summary>The id an array item spells; another item is reported with <paramref name="expected"/>, as <see cref="ReadId"/> does.</summary>
    private static T ItemId<T>((JsonElement Item, string Path) item, string expected, TryParseId<T> parse, ICollection<JsonProblem> problems)
        where T : struct =>
        item.Item.ValueKind == JsonValueKind.String && parse(item.Item.GetString(), out var id)
            ? id
            : Report(
                problems,
                item.Path,
                item.Item.ValueKind == JsonValueKind.String ? $"\"{item.Item.GetString()}\" is not a valid id ({IdSyntax.Rule})" : expected,
                Unread(item.Path, parse));

    /// <summary>The stand-in id of a field that could not be read: its path, spelled as an id.</summary>
    private static T Unread<T>(string path, TryParseId<T> parse)
        where T : struct
    {
        var spelled = new string([.. path.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '.')]).Trim('.');
        var kept = spelled.Length > IdSyntax.MaxLength ? spelled[^IdSyntax.MaxLength..].TrimStart('.') : spelled;
        return parse(kept, out var id) ? id : Unread("unread", parse);
    }

    private static LocalizedText? ReadText(JsonFields f, string name, bool required = true)
    {
        var raw = f.Raw(name);
        if (raw is null)
        {
            if (required)
            {
                f.Problem(name, "is missing (expected names by language, e.g. {\"en\": \"…\"})");
            }
            return null;
        }
        if (raw.Value.ValueKind != JsonValueKind.Object)
        {
            f.Problem(name, $"expected names by language, e.g. {{\"en\": \"…\"}}, found {JsonFields.Describe(raw.Value)}");
            return null;
        }
        var texts = new List<KeyValuePair<string, string>>();
        foreach (var property in raw.Value.EnumerateObject())
        {
            if (!IsLanguageCode(property.Name)
                || property.Value.ValueKind != JsonValueKind.String
                || string.IsNullOrWhiteSpace(property.Value.GetString()))
            {
                f.Problem(name, $"'{property.Name}' must be a language code with a non-empty text");
                continue;
            }
            texts.Add(KeyValuePair.Create(property.Name, property.Value.GetString()!));
        }
        if (texts.Count == 0 || texts.Select(t => t.Key).Distinct().Count() != texts.Count)
        {
            f.Problem(name, texts.Count == 0 ? "needs a text in at least one language" : "names a language twice");
            return null;
        }
        return LocalizedText.Of(texts);
    }

    /// <summary>
    /// The optional IANA time zone id, e.g. <c>Asia/Bishkek</c>; only its shape is checked here (the core reads no time zone
    /// database, so a definition is valid or not on every machine alike); the site resolves it and falls back to UTC, saying so.
    /// </summary>
    private static string? ReadTimeZone(JsonFields f)
    {
        if (f.OptionalString("timeZone") is not { } zone)
        {
            return null;
        }
        if (zone is { Length: > 0 and <= 64 } && zone.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '_' or '-' or '+')
            && !zone.StartsWith('/') && !zone.EndsWith('/') && !zone.Contains("//", StringComparison.Ordinal))
        {
            return zone;
        }
        f.Problem("timeZone", $"expected an IANA time zone id such as \"Asia/Bishkek\", found \"{zone}\"");
        return null;
    }

    private static bool IsLanguageCode(string? code) => code is { Length: >= 2 and <= 3 } && code.All(char.IsAsciiLetterLower);

    private static T Report<T>(ICollection<JsonProblem> problems, string path, string message, T fallback)
    {
        problems.Add(new JsonProblem(path, message));
        return fallback;
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
