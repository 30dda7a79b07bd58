using System.Security.Cryptography;
using System.Text;
using Sanoo.Core.Definitions;
using Sanoo.Web.Publishing;

namespace Sanoo.Web.Site;

/// <summary>
/// Which pages <c>sanoo publish</c> makes: every page when the folder has no usable manifest or when what every page shows beside
/// its own figures changed (<see cref="Frame"/>); else only the pages of the stations with protocol versions newer than the
/// manifest's snapshot or whose forensics flag changed, and of every area above them (in the tree and in the groupings). Every
/// other page's figures are those of the last snapshot that changed them, and that page is kept as it is.
/// </summary>
/// <param name="Areas">The areas whose pages are made, stations included.</param>
/// <param name="Kept">The ids of the areas whose pages are kept from the earlier publish.</param>
/// <param name="Frame">The fingerprint of what every page shows beside its own figures.</param>
/// <param name="Flags">The forensics flag of each flagged station, as a fingerprint.</param>
/// <param name="FullBecause">Why every page is made; null when only the changed ones are.</param>
/// <param name="Unchanged">Whether the folder already holds this snapshot, so nothing is to be written.</param>
public sealed record StaticSitePlan(
    IReadOnlyList<Area> Areas,
    IReadOnlySet<string> Kept,
    string Frame,
    IReadOnlyDictionary<string, string> Flags,
    string? FullBecause,
    bool Unchanged)
{
    /// <summary>The plan for publishing <paramref name="published"/> over the folder an earlier publish left.</summary>
    public static async Task<StaticSitePlan> OfAsync(
        SiteContent content,
        Published published,
        PublishManifest? earlier,
        string? missing,
        bool compressed,
        byte[]? commissionKey,
        CancellationToken cancellationToken)
    {
        var snapshot = published.Snapshot!;
        var election = content.Election;
        var frame = FrameOf(content, published, compressed, commissionKey);
        var flags = published.StationFlags.ToDictionary(
            f => f.Key.Value, f => Fingerprint(f.Value), StringComparer.Ordinal);
        var fullBecause = earlier is null ? missing
            : earlier.Frame != frame ? "what every page shows beside its figures changed (the count's stage, the commission's acts, the "
                + "languages, the words, the signing key, compressed copies or Sanoo itself)"
            : earlier.Snapshot > snapshot.Position ? $"the folder holds a later snapshot ({earlier.Snapshot}) than the store"
            : null;
        if (fullBecause is not null)
        {
            return new(election.Areas, new HashSet<string>(), frame, flags, fullBecause, false);
        }
        if (earlier!.Snapshot == snapshot.Position)
        {
            return new([], election.Areas.Select(a => a.Id.Value).ToHashSet(StringComparer.Ordinal), frame, flags, null, true);
        }
        var changed = new HashSet<int>();
        void Touch(AreaId station)
        {
            if (election.TryAreaIndex(station, out var index) && election.TryStationOrdinal(index, out var ordinal) && changed.Add(index))
            {
                changed.UnionWith(election.AreasAbove(ordinal));
            }
        }
        await foreach (var entry in content.Log.EntriesAsync(earlier.Snapshot, false, cancellationToken))
        {
            if (entry.Sequence > snapshot.Position)
            {
                break;
            }
            Touch(entry.Station);
        }
        foreach (var station in flags.Keys.Union(earlier.Flags.Keys).Where(s => flags.GetValueOrDefault(s) != earlier.Flags.GetValueOrDefault(s)))
        {
            Touch(new AreaId(station));
        }
        var made = changed.Order().Select(i => election.Areas[i]).ToList();
        var kept = election.Areas.Select(a => a.Id.Value).Except(made.Select(a => a.Id.Value)).ToHashSet(StringComparer.Ordinal);
        return new(made, kept, frame, flags, null, false);
    }

    /// <summary>
    /// The fingerprint of everything a page shows that is not its own figures and does not change with every snapshot: the count's
    /// stage and pause in each language, the commission's acts, the definition, the key, the public address, the word catalogs in force
    /// (a catalog the register records anew rewords every page), and Sanoo's own build.
    /// </summary>
    private static string FrameOf(SiteContent content, Published published, bool compressed, byte[]? commissionKey)
    {
        var snapshot = published.Snapshot!;
        var election = content.Election;
        var text = new StringBuilder()
            .AppendLine(typeof(StaticSite).Assembly.ManifestModule.ModuleVersionId.ToString())
            .AppendLine(Convert.ToHexStringLower(content.Log.DefinitionSha256))
            .AppendLine(commissionKey is null ? "" : Convert.ToBase64String(commissionKey))
            .AppendLine(content.PublicAddress?.ToString())
            .AppendLine(content.RefreshMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .AppendLine(compressed ? "compressed" : "identity")
            .AppendLine(published.Halted)
            .AppendLine(published.Acts.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .AppendLine(Catalogs.WordCatalogs.Fingerprint);
        foreach (var language in election.Definition.Languages)
        {
            text.AppendLine(language).AppendLine(PageFrames.Stage(snapshot, published.Acts, SiteLanguage.Of(language)));
        }
        return Fingerprint(text.ToString());
    }

    private static string Fingerprint(object value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value.ToString() ?? "")))[..32];
}
