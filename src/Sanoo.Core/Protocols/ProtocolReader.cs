using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text.Json;
using Sanoo.Core.Definitions;
using Sanoo.Core.Json;

namespace Sanoo.Core.Protocols;

/// <summary>
/// Reads one protocol from JSON (docs/protocol-format.md) strictly: unknown or repeated
/// fields, missing or unknown lines and choices, negative, fractional or overflowing figures,
/// and unknown ids are each reported with their JSON path. It does not check control relations.
/// The one maker of <see cref="CheckedProtocol"/>: what it lets through is never checked again.
/// </summary>
public static class ProtocolReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 8 };

    /// <summary>Reads a protocol of <paramref name="election"/> from one UTF-8 JSON object.</summary>
    public static ProtocolReadResult Read(Election election, ReadOnlyMemory<byte> utf8Json)
    {
        if (PlainProtocolReader.TryRead(election, utf8Json.Span) is { } plain)
        {
            return Check(election, plain); // nothing for the strict reading below to report: the same protocol, read in one pass
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, DocumentOptions);
        }
        catch (JsonException e)
        {
            return new ProtocolReadResult.Invalid(
                [new JsonProblem("$", $"not valid JSON (byte {e.BytePositionInLine + 1}): {e.Message.Split(". ")[0]}")]);
        }
        using (document)
        {
            return ReadStrictly(election, document.RootElement);
        }
    }

    /// <summary>
    /// Reads a protocol of <paramref name="election"/> from a parsed JSON object: its bytes as sent go the quick way first
    /// (<see cref="PlainProtocolReader"/>, as a signed protocol in a request body does), and the strict reading words what it finds.
    /// </summary>
    public static ProtocolReadResult Read(Election election, JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Object && PlainProtocolReader.TryRead(election, JsonMarshal.GetRawUtf8Value(root)) is { } plain)
        {
            return Check(election, plain);
        }
        return ReadStrictly(election, root);
    }

    /// <summary>The strict reading of a parsed protocol, every problem with its JSON path.</summary>
    internal static ProtocolReadResult ReadStrictly(Election election, JsonElement root)
    {
        var problems = new List<JsonProblem>();
        var f = JsonFields.Of(root, "$", problems, "election", "station", "contest", "source", "version", "lines", "votes", "correction", "image");
        if (f is null)
        {
            return new ProtocolReadResult.Invalid([.. problems]);
        }
        var electionId = ReadId<ElectionId>(f.String("election"), ElectionId.TryParse, t => ProtocolShape.NotThisElection(election, t), problems);
        var station = ReadId<AreaId>(f.String("station"), AreaId.TryParse, ProtocolShape.NotAStation, problems);
        var contestText = f.String("contest");
        var contestId = ReadId<ContestId>(contestText, ContestId.TryParse, ProtocolShape.NotAContest, problems);
        var source = ReadId<SourceId>(f.String("source"), SourceId.TryParse, t => ProtocolShape.NotASource(election, t), problems);
        var version = (int)f.Integer("version", min: 1);
        Correction? correction = null;
        if (f.Object("correction", "reason", "author") is { } c)
        {
            correction = new Correction(c.String("reason"), c.String("author"));
        }
        var image = ReadImage(f);
        var plan = contestId is { } known ? election.Contest(known) : null;
        if (plan is null && contestId is not null)
        {
            problems.Add(ProtocolShape.NotAContest(contestText));
        }
        var names = plan is null ? null : FigureNames.Of(plan);
        var lines = names is null ? [] : ReadFigures(f, "lines", names.Lines, "line of the form", problems);
        var votes = names is null ? [] : ReadFigures(f, "votes", names.Choices, $"choice of contest '{contestId}'", problems);
        if (problems.Count > 0 || plan is null || electionId is null || station is null || source is null)
        {
            return new ProtocolReadResult.Invalid([.. problems]);
        }
        // The election's own ids where they are equal: a tally holding a million protocols then holds each id's text once.
        var (electionOwn, stationOwn, sourceOwn) = (
            electionId.Value == election.Id ? election.Id : electionId.Value,
            election.TryAreaIndex(station.Value, out var stationIndex) ? election.Areas[stationIndex].Id : station.Value,
            election.TrySourceIndex(source.Value, out var sourceIndex) ? election.Sources[sourceIndex].Id : source.Value);
        return Check(
            election, new Protocol(electionOwn, stationOwn, plan.Contest.Id, sourceOwn, version, lines, votes, correction, image));
    }

    /// <summary>
    /// Checks a protocol made in code (a sample, an importer, a stored log entry) as
    /// <see cref="Read(Election, JsonElement)"/> checks one read: its shape, not its relations.
    /// </summary>
    public static ProtocolReadResult Check(Election election, Protocol protocol)
    {
        var shape = ProtocolShape.Check(election, protocol);
        return shape.IsEmpty ? new ProtocolReadResult.Ok(new CheckedProtocol(election, protocol)) : new ProtocolReadResult.Invalid(shape);
    }

    /// <summary>
    /// The id a field spells; null when it is missing (already reported) or is no id at all (reported here, as the shape check words it).
    /// </summary>
    private static T? ReadId<T>(string text, TryParseId<T> parse, Func<string, JsonProblem> notKnown, List<JsonProblem> problems)
        where T : struct
    {
        if (parse(text, out var id))
        {
            return id;
        }
        if (text.Length > 0)
        {
            problems.Add(notKnown(text));
        }
        return null;
    }

    /// <summary>The image reference, or null when there is none (or it is unreadable, reported).</summary>
    private static ProtocolImage? ReadImage(JsonFields f)
    {
        if (f.Object("image", "sha256", "type") is not { } i)
        {
            return null;
        }
        var sha = i.String("sha256");
        var type = i.String("type");
        if (sha.Length > 0 && ProtocolImage.TryParse(sha, ProtocolImage.MediaTypes[0]) is null)
        {
            i.Problem("sha256", "must be the image's SHA-256 as 64 lower-case hex digits");
        }
        if (type.Length > 0 && !ProtocolImage.MediaTypes.Contains(type))
        {
            i.Problem("type", $"'{type}' is not one of {string.Join(", ", ProtocolImage.MediaTypes)}");
        }
        return ProtocolImage.TryParse(sha, type);
    }

    /// <summary>
    /// The figures of one object of <paramref name="names"/>, in their order. A name is matched without making it a string: first
    /// against the name that follows in sorted order (the canonical form sorts them, so a signed protocol matches at once), then
    /// against every name; a figure's path is spelled only for a problem.
    /// </summary>
    private static ImmutableArray<int> ReadFigures(JsonFields f, string name, FigureNames.Set names, string what, List<JsonProblem> problems)
    {
        var path = f.PathOf(name);
        if (f.Raw(name) is not { } raw)
        {
            problems.Add(new JsonProblem(path, $"is missing (expected an object with a figure for each {what})"));
            return [];
        }
        if (raw.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new JsonProblem(path, $"expected an object with a figure for each {what}, found {JsonFields.Describe(raw)}"));
            return [];
        }
        var count = names.Text.Length;
        var figures = new int[count];
        Span<bool> seen = count <= 256 ? stackalloc bool[count] : new bool[count];
        var next = 0;
        foreach (var property in raw.EnumerateObject())
        {
            var i = names.IndexOf(property, ref next);
            if (i < 0)
            {
                problems.Add(new JsonProblem($"{path}.{property.Name}", $"'{property.Name}' is not a {what}"));
                continue;
            }
            if (seen[i])
            {
                problems.Add(new JsonProblem($"{path}.{property.Name}", "appears twice"));
                continue;
            }
            seen[i] = true;
            var value = property.Value;
            figures[i] = value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var figure) && figure >= 0
                ? figure
                : (int)(JsonFields.ReadInteger(value, $"{path}.{property.Name}", problems) ?? 0);
        }
        if (seen.Contains(false))
        {
            var missing = new List<string>();
            for (var i = 0; i < count; i++)
            {
                if (!seen[i])
                {
                    missing.Add(names.Text[i]);
                }
            }
            problems.Add(new JsonProblem(path, $"has no figure for {string.Join(", ", missing)} (write 0 for none)"));
        }
        return ImmutableCollectionsMarshal.AsImmutableArray(figures);
    }
}
