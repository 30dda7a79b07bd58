using System.Text.Json;

namespace Sanoo.Web.Publishing;

/// <summary>
/// What one <c>sanoo publish</c> wrote into a folder (<c>publish-manifest.json</c>, written last): the snapshot, the fingerprint of
/// everything every page shows beside its own figures (<see cref="Frame"/>), and every file by the page it belongs to, so that the
/// next publish renders only the pages whose figures changed and removes only files that an earlier publish wrote. A station's
/// page files are not listed one by one (a million stations would make the manifest larger than a refresh can read): they are
/// <see cref="StationFiles"/> in each of <see cref="Languages"/>, under the station's address, and <see cref="StationApi"/> (its
/// entries with their proofs for the pages' own check).
/// </summary>
/// <param name="Snapshot">The log position of the snapshot published.</param>
/// <param name="Frame">The fingerprint of what every page shows beside its own figures (the count's stage, the commission's acts,
/// the site's code); another one means every page is rendered again.</param>
/// <param name="Compressed">Whether text files have their gzip and Brotli copies.</param>
/// <param name="Languages">The site's languages.</param>
/// <param name="StationFiles">The file names of a station's page, in each language.</param>
/// <param name="Site">The files of the whole site (not of one area's page), by address under the folder.</param>
/// <param name="Areas">The files of each area's pages above the stations, by area id.</param>
/// <param name="Stations">Each station published, with the files beyond its page files (its protocols' images).</param>
/// <param name="Flags">Each station the forensics flag, with the fingerprint of why (its page says so).</param>
/// <param name="StationApi">The API files of every station, by address under the folder with <c>{station}</c> for its id.</param>
/// <param name="Exports">The snapshot whose files of the whole election (open data, the ledger) the folder holds, and when they were
/// written (the snapshot's publication time and the time the publish took to write them); null when there are none.</param>
/// <param name="Made">The ids of the areas and stations whose pages the folder holds, by the snapshot (the signed tree's size) they
/// were made from and show: the signed heads kept for the pages' own check (<c>api/v1/tree-heads/{size}.json</c>) are those of these
/// sizes, and a head no page shows any more is removed.</param>
public sealed record PublishManifest(
    long Snapshot,
    string Frame,
    bool Compressed,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> StationFiles,
    IReadOnlyList<string> Site,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Areas,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Stations,
    IReadOnlyDictionary<string, string> Flags,
    IReadOnlyList<string> StationApi,
    (long Snapshot, DateTimeOffset At)? Exports,
    IReadOnlyDictionary<long, IReadOnlyList<string>> Made)
{
    /// <summary>The manifest's file name in the published folder.</summary>
    public const string FileName = "publish-manifest.json";

    private const int Format = 3;

    /// <summary>The files of a station's page and its images, by address under the folder.</summary>
    public IEnumerable<string> FilesOfStation(string station) =>
        Languages.SelectMany(l => StationFiles.Select(f => $"/{l}/station/{Uri.EscapeDataString(station)}/{f}"))
            .Concat(StationApi.Select(f => f.Replace("{station}", station, StringComparison.Ordinal)))
            .Concat(Stations.GetValueOrDefault(station) ?? []);

    /// <summary>Every file the manifest lists, by address under the folder.</summary>
    public IEnumerable<string> AllFiles() =>
        Site.Concat(Areas.Values.SelectMany(files => files)).Concat(Stations.Keys.SelectMany(FilesOfStation));

    /// <summary>
    /// The files <paramref name="earlier"/> lists and this manifest does not, found without listing every station's files when both
    /// name a station's files alike (a refresh at a million stations compares only what differs): the site's files, the files of
    /// each area and the extra files of each station that changed, and every file of a station no longer published.
    /// </summary>
    public IEnumerable<string> NoLongerListed(PublishManifest earlier)
    {
        var alike = Languages.SequenceEqual(earlier.Languages) && StationFiles.SequenceEqual(earlier.StationFiles)
            && StationApi.SequenceEqual(earlier.StationApi);
        if (!alike)
        {
            var now = AllFiles().ToHashSet(StringComparer.Ordinal);
            return earlier.AllFiles().Where(f => !now.Contains(f)).ToList();
        }
        var gone = new List<string>();
        gone.AddRange(earlier.Site);
        foreach (var (area, files) in earlier.Areas)
        {
            if (!Areas.TryGetValue(area, out var still))
            {
                gone.AddRange(files);
            }
            else if (!ReferenceEquals(still, files))
            {
                gone.AddRange(files.Except(still));
            }
        }
        foreach (var (station, files) in earlier.Stations)
        {
            if (!Stations.TryGetValue(station, out var still))
            {
                gone.AddRange(earlier.FilesOfStation(station));
            }
            else if (files.Count > 0 && !ReferenceEquals(still, files))
            {
                gone.AddRange(files.Except(still));
            }
        }
        if (gone.Count == 0)
        {
            return gone;
        }
        // A file may move between groups (an image first written with another station): only what no group lists any more goes.
        var listed = Site.Concat(Areas.Values.SelectMany(f => f)).Concat(Stations.Values.SelectMany(f => f)).ToHashSet(StringComparer.Ordinal);
        return gone.Where(f => !listed.Contains(f)).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// <see cref="Made"/> after a publish at <paramref name="snapshot"/> that made the pages of <paramref name="areas"/> (and kept the
    /// others as this manifest says): each keeps the snapshot of the publish that last made it; groups left empty go.
    /// </summary>
    public Dictionary<long, IReadOnlyList<string>> MadeAfter(long snapshot, IReadOnlyCollection<string> areas)
    {
        var now = areas as IReadOnlySet<string> ?? areas.ToHashSet(StringComparer.Ordinal);
        var made = Made.Where(m => m.Key != snapshot)
            .Select(m => (m.Key, Ids: (IReadOnlyList<string>)[.. m.Value.Where(id => !now.Contains(id))]))
            .Where(m => m.Ids.Count > 0)
            .ToDictionary(m => m.Key, m => m.Ids);
        made[snapshot] = [.. areas];
        return made;
    }

    /// <summary>Reads the manifest of <paramref name="folder"/>: null with the reason when there is none or it cannot be read.</summary>
    public static (PublishManifest? Manifest, string? Missing) Read(string folder)
    {
        var file = Path.Combine(folder, FileName);
        if (!File.Exists(file))
        {
            return (null, $"no {FileName} in the folder");
        }
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            var root = document.RootElement;
            if (root.GetProperty("format").GetInt32() != Format)
            {
                return (null, $"{FileName} is of another format");
            }
            return (new PublishManifest(
                root.GetProperty("snapshot").GetInt64(),
                root.GetProperty("frame").GetString()!,
                root.GetProperty("compressed").GetBoolean(),
                Strings(root.GetProperty("languages")),
                Strings(root.GetProperty("stationFiles")),
                Strings(root.GetProperty("site")),
                Groups(root.GetProperty("areas")),
                Groups(root.GetProperty("stations")),
                root.GetProperty("flags").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal),
                Strings(root.GetProperty("stationApi")),
                root.GetProperty("exports") is { ValueKind: JsonValueKind.Object } exports
                    ? (exports.GetProperty("snapshot").GetInt64(), DateTimeOffset.FromUnixTimeMilliseconds(exports.GetProperty("at").GetInt64()))
                    : null,
                root.GetProperty("made").EnumerateObject().ToDictionary(
                    p => long.Parse(p.Name, System.Globalization.CultureInfo.InvariantCulture), p => Strings(p.Value))), null);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IOException or FormatException)
        {
            return (null, $"{FileName} cannot be read ({e.Message})");
        }

        // Most stations list no file beyond their page's: one empty list stands for all of them (a million lists otherwise).
        static IReadOnlyList<string> Strings(JsonElement array) =>
            array.GetArrayLength() == 0 ? [] : array.EnumerateArray().Select(s => s.GetString()!).ToList();

        static Dictionary<string, IReadOnlyList<string>> Groups(JsonElement groups) =>
            groups.EnumerateObject().ToDictionary(p => p.Name, p => Strings(p.Value), StringComparer.Ordinal);
    }

    /// <summary>The manifest as the bytes of its file.</summary>
    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("format", Format);
            json.WriteNumber("snapshot", Snapshot);
            json.WriteString("frame", Frame);
            json.WriteBoolean("compressed", Compressed);
            WriteStrings("languages", Languages);
            WriteStrings("stationFiles", StationFiles);
            WriteStrings("site", Site);
            WriteGroups("areas", Areas);
            WriteGroups("stations", Stations);
            json.WriteStartObject("flags");
            foreach (var (station, flag) in Flags.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                json.WriteString(station, flag);
            }
            json.WriteEndObject();
            WriteStrings("stationApi", StationApi);
            if (Exports is { } exports)
            {
                json.WriteStartObject("exports");
                json.WriteNumber("snapshot", exports.Snapshot);
                json.WriteNumber("at", exports.At.ToUnixTimeMilliseconds());
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("exports");
            }
            WriteGroups("made", Made.ToDictionary(
                m => m.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), m => m.Value, StringComparer.Ordinal));
            json.WriteEndObject();

            void WriteStrings(string name, IEnumerable<string> values)
            {
                json.WriteStartArray(name);
                foreach (var value in values)
                {
                    json.WriteStringValue(value);
                }
                json.WriteEndArray();
            }

            void WriteGroups(string name, IReadOnlyDictionary<string, IReadOnlyList<string>> groups)
            {
                json.WriteStartObject(name);
                foreach (var (key, files) in groups.OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    WriteStrings(key, files);
                }
                json.WriteEndObject();
            }
        }
        return buffer.ToArray();
    }
}
