using Sanoo.Web.Site;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// The snapshots a published folder's whole-election exports state, read before the replay so that the verifier freezes its tally
/// when the log reaches each size below the head (<see cref="LogReplay.FrozenAt"/>), and the figures each export is then held to
/// (<see cref="Of"/>): the head's, or those frozen at the earlier size it states. A publish with <c>--exports-every</c> leaves the ERR
/// report, <c>protocols.csv</c> and the discrepancy ledger at an earlier snapshot and keeps that snapshot's signed head; an export
/// of an earlier size is compared as one of the head is, with the same code, so an insider gains nothing by stating one.
/// The size is read ahead by a plain search of the file's first <see cref="HeadBytes"/> for the word that states it (the ledger's
/// <c>"snapshot":</c>, its first field; the ERR report's <c>sanoo-snapshot</c> identifier, which the JSON form writes first and the
/// XML form states in a comment before its root element): each export is then read whole once, by the comparison. An export the
/// search misreads, or one whose head states another snapshot than its body, is held to the head's figures and named, never
/// passed. A server's exports are of its head: none is read ahead.
/// </summary>
internal sealed class ExportSnapshots
{
    /// <summary>How much of an export's start is searched for the snapshot it states: its first field, or a comment before it.</summary>
    public const int HeadBytes = 4096;

    private static readonly byte[] ErrWord = "sanoo-snapshot"u8.ToArray();
    private static readonly byte[] LedgerWord = "\"snapshot\":"u8.ToArray();

    private readonly LogReplay _replay;
    private readonly Dictionary<string, long> _stated;
    private readonly HashSet<long> _keptHeads;
    private readonly Dictionary<long, ExportFigures> _figures = [];

    private ExportSnapshots(LogReplay replay, Dictionary<string, long> stated, HashSet<long> keptHeads)
    {
        _replay = replay;
        _stated = stated;
        _keptHeads = keptHeads;
    }

    /// <summary>
    /// Reads the sizes a folder's exports state and marks those below <paramref name="size"/> (the head) for the replay to freeze its
    /// tally at; a size the replay already stands at (kept from the last round of <c>--follow</c>) is frozen now. A tally kept from an
    /// earlier round that no export states any more is let go.
    /// </summary>
    public static async Task<ExportSnapshots> ReadAsync(
        VerifyCommand.IPublished origin, LogReplay replay, long size, CancellationToken cancellationToken)
    {
        var stated = new Dictionary<string, long>(StringComparer.Ordinal);
        if (!origin.Live)
        {
            var words = ExportComparison.Reports.Select(r => (r.Path, ErrWord))
                .Concat(replay.Election.Definition.Languages.Select(l => (SitePaths.Discrepancies(l) + SitePaths.DataJson, LedgerWord)));
            foreach (var (path, word) in words)
            {
                if (await SizeAfterAsync(origin, path, word, cancellationToken) is { } found)
                {
                    stated[path] = found;
                }
            }
        }
        foreach (var unstated in replay.FrozenAt.Keys.Where(s => !stated.ContainsValue(s)).ToList())
        {
            replay.FrozenAt.Remove(unstated);
        }
        foreach (var earlier in stated.Values.Where(s => s < size && s >= replay.Entries.Size))
        {
            if (earlier == replay.Entries.Size)
            {
                replay.FrozenAt[earlier] ??= replay.Frozen();
            }
            else
            {
                replay.FrozenAt.TryAdd(earlier, null);
            }
        }
        return new(replay, stated, [.. origin.KeptHeads().Select(k => k.Size)]);
    }

    /// <summary>The snapshot the export at <paramref name="path"/> was read ahead to state; null when none was found.</summary>
    public long? Stated(string path) => _stated.TryGetValue(path, out var size) ? size : null;

    /// <summary>
    /// The figures an export stating <paramref name="stated"/> is held to at a head of <paramref name="size"/> entries (at most it):
    /// the head's, or those of the tally frozen at that earlier size. Null, with <paramref name="why"/>, for an earlier size that is
    /// no snapshot the folder could have published (no signed head of that size is kept beside it, or the log's tally there breaks
    /// its invariants, which no server publishes) or one the verifier kept no tally of. Thread-safe.
    /// </summary>
    public ExportFigures? Of(long stated, long size, out string? why)
    {
        why = null;
        if (stated < size && !_keptHeads.Contains(stated))
        {
            why = $"is of snapshot {stated:N0}, but the folder keeps no signed head of that size (a publish that leaves its exports at "
                + "an earlier snapshot keeps that snapshot's head): no snapshot it published";
            return null;
        }
        FrozenTally? frozen = null;
        if (stated < size && !(_replay.FrozenAt.TryGetValue(stated, out frozen) && frozen is not null))
        {
            why = $"is of snapshot {stated:N0}, of which the verifier kept no tally: its figures cannot be held to the log";
            return null;
        }
        if (frozen is { Snapshot.IsPublishable: false })
        {
            why = $"is of snapshot {stated:N0}, at which the log's tally breaks {frozen.Snapshot.InvariantViolations.Length:N0} of its "
                + "invariants: no server publishes such a snapshot";
            return null;
        }
        lock (_figures)
        {
            if (!_figures.TryGetValue(stated, out var figures))
            {
                _figures[stated] = figures = frozen is null ? new ExportFigures(_replay) : new ExportFigures(_replay, frozen);
            }
            return figures;
        }
    }

    /// <summary>
    /// The number that follows the first <paramref name="word"/> in the first <see cref="HeadBytes"/> of the file at
    /// <paramref name="path"/> (within a few bytes: the field's name and quotes, or the XML tags between); null when the file is not
    /// there or its head holds no such number. Reads no further than the head.
    /// </summary>
    private static async Task<long?> SizeAfterAsync(
        VerifyCommand.IPublished origin, string path, byte[] word, CancellationToken cancellationToken)
    {
        const int Reach = 40;
        Stream stream;
        try
        {
            stream = await origin.OpenAsync(path, cancellationToken);
        }
        catch (IOException)
        {
            return null; // the comparison names a file missing
        }
        var head = new byte[HeadBytes];
        int filled;
        await using (stream)
        {
            filled = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        }
        var at = head.AsSpan(0, filled).IndexOf(word);
        return at < 0 ? null : NumberIn(head.AsSpan(at + word.Length, Math.Min(Reach, filled - at - word.Length)));
    }

    /// <summary>The first run of ASCII digits in <paramref name="bytes"/> as a number; null when there is none or it overflows.</summary>
    private static long? NumberIn(ReadOnlySpan<byte> bytes)
    {
        var start = bytes.IndexOfAnyInRange((byte)'0', (byte)'9');
        if (start < 0)
        {
            return null;
        }
        var digits = bytes[start..];
        var end = digits.IndexOfAnyExceptInRange((byte)'0', (byte)'9');
        return long.TryParse(end < 0 ? digits : digits[..end], System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : null;
    }
}
