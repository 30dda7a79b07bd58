using System.CommandLine;
using System.Net.Http.Json;
using System.Runtime;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Sanoo.Contracts;
using Sanoo.Core.Transparency;
using Spectre.Console;

namespace Sanoo.Cli.Commands;

/// <summary>
/// <c>sanoo verify --url URL</c> (or <c>--dir FOLDER</c>, a copy written by <c>sanoo publish</c>):
/// what an observer runs with nothing but the public URL or a published copy. It
/// checks the signed tree head (against a pinned commission key, and for consistency with the
/// head saved on the previous run), fetches the whole register and every entry, checks each
/// protocol's content hash, replays the register beside the log (<see cref="Verify.RegisterReplay"/>) so that
/// each device signature, sender and double entry is held to what the register said at that entry,
/// rebuilds both Merkle roots, re-adds every contest's totals at every area from the station
/// protocols, recomputes the seats, and compares both with what the server publishes. Entries stream through
/// (<see cref="Verify.EntryStream"/>, <see cref="Verify.LogReplay"/>): none is kept, and with <c>--follow</c> each round goes on
/// from what the last one verified. Exit 0: verified; 4: a mismatch.
/// </summary>
public static class VerifyCommand
{
    /// <summary>Exit code when anything does not verify.</summary>
    public const int Mismatch = 4;

    /// <summary>Builds the command.</summary>
    public static Command Create(IAnsiConsole console)
    {
        var url = new Option<string?>("--url") { Description = "The server's public URL." };
        var dir = new Option<DirectoryInfo?>("--dir")
        {
            Description = "Instead of --url: a folder written by sanoo publish (for example a copy fetched from a CDN).",
        };
        var key = new Option<string?>("--commission-key")
        {
            Description = "The commission's public key (base64) to pin; without it the key the server names is used, with a warning.",
        };
        var pinnedDefinition = new Option<string?>("--definition-sha256")
        {
            Description = "The SHA-256 (hex) of the election definition published before election day; any other definition is refused.",
        };
        var state = new Option<FileInfo>("--state")
        {
            Description = "Where the last verified tree head is kept, to prove the next one extends it.",
            DefaultValueFactory = _ => new FileInfo("sanoo-verify-state.json"),
        };
        var follow = new Option<bool>("--follow")
        {
            Description = "Keep watching: verify each new tree head against the last one, and stop with an alarm at the first problem.",
        };
        var interval = new Option<double>("--interval") { Description = "Seconds between checks with --follow.", DefaultValueFactory = _ => 10 };
        var rounds = new Option<int>("--rounds")
        {
            Description = "With --follow, stop after this many further checks (0: until Ctrl+C).",
            DefaultValueFactory = _ => 0,
        };
        var strict = new Option<bool>("--strict")
        {
            Description = "Count entries of a double-entry source that one person entered (not matched by two) as problems, not warnings.",
        };
        var skipImages = new Option<bool>("--skip-images")
        {
            Description = "Do not download the images of the signed paper protocols that entries name (by default each is fetched and re-hashed).",
        };
        var skipExports = new Option<bool>("--skip-exports")
        {
            Description = "Do not hold the whole-election exports (ERR JSON and XML, protocols.csv, the discrepancy ledger, a folder's "
                + "compressed copies) to the replay (by default every number in them is compared).",
        };
        var pages = new Option<string>("--pages")
        {
            Description = "Which pages the check holds to the verifier's own: 'share' (on a live server every page above the districts and a "
                + "random share of the district pages that differs each round, so --follow reads them all within "
                + $"{Verify.PageShare.Rounds} rounds; in a folder every page above the districts, the districts' all up to "
                + $"{Verify.PageShare.SampledLowestPages:N0} pages and the stations' all up to {Verify.PageShare.SampledStations:N0} "
                + "stations, a random sample of about as many above, drawn afresh each run) or 'all'.",
            DefaultValueFactory = _ => "share",
        };
        pages.AcceptOnlyFromAmong("share", "all");
        var timings = new Option<bool>("--timings")
        {
            Description = "Print where the check spent its time and memory: each phase's seconds and bytes allocated, and the peak working set.",
        };
        var words = StoreOptions.Words();
        words.Description = "For a site published before Sanoo recorded its word catalogs in the register: the folder it was published or "
            + "served with (sanoo publish --words FOLDER), for the languages the register holds no catalog for. The register's catalogs "
            + "win: the pages are held to them.";
        var command = new Command(
            "verify",
            "Verify a server from its public URL: signed tree head, consistency with the last run, every entry and device signature, the Merkle " +
                "root, and every total and seat re-added independently.")
        {
            url, dir, key, pinnedDefinition, state, follow, interval, rounds, strict, skipImages, skipExports, pages, timings, words,
        };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(url) is null) == (result.GetValue(dir) is null))
            {
                result.AddError("Give either --url (a live server) or --dir (a folder written by sanoo publish).");
            }
        });
        command.SetAction((r, ct) =>
        {
            // The verifier's own process: no background collections, so the heap does not grow while one runs (the server's
            // process, the same binary, keeps the runtime's default).
            GCSettings.LatencyMode = GCLatencyMode.Batch;
            System.Collections.Immutable.ImmutableArray<Web.Catalogs.WordCatalog> given = [];
            if (r.GetValue(words) is { } catalogs)
            {
                try
                {
                    given = Web.Catalogs.WordCatalogs.ReadFolder(catalogs.FullName);
                    Web.Catalogs.WordCatalogs.Add(given);
                }
                catch (Web.Catalogs.WordCatalogException e)
                {
                    console.MarkupLineInterpolated($"[red]{e.Message}[/]");
                    return Task.FromResult(SanooCli.BadInput);
                }
            }
            var folder = r.GetValue(dir);
            Func<IPublished> source = folder is null
                ? () => new Server(new HttpClient(new Verify.PatientHandler(TimeSpan.FromMinutes(5)))
                {
                    BaseAddress = new Uri(r.GetValue(url)!),
                    Timeout = TimeSpan.FromMinutes(10),
                })
                : () => new Folder(folder.FullName);
            var pins = new Pins(r.GetValue(key), r.GetValue(pinnedDefinition)?.Trim().ToLowerInvariant(), r.GetValue(strict))
            {
                SkipImages = r.GetValue(skipImages),
                SkipExports = r.GetValue(skipExports),
                Timings = r.GetValue(timings),
                Pages = r.GetValue(pages) == "all" ? Verify.PageShare.All : Verify.PageShare.Random(),
                Words = new Verify.RegisterWords(given),
            };
            return FollowAsync(
                console,
                source,
                pins,
                r.GetValue(state)!,
                r.GetValue(follow),
                TimeSpan.FromSeconds(r.GetValue(interval)),
                r.GetValue(rounds),
                ct);
        });
        return command;
    }


    /// <summary>
    /// What the observer pins instead of trusting the server: the commission's key and the definition's SHA-256; and, with
    /// <paramref name="Strict"/>, that single-person entries of a double-entry source are problems rather than warnings.
    /// </summary>
    internal sealed record Pins(string? CommissionKey, string? DefinitionSha256, bool Strict = false)
    {
        /// <summary>Whether the images that entries name are left unchecked (<c>--skip-images</c>).</summary>
        public bool SkipImages { get; init; }

        /// <summary>Whether the whole-election exports are left unchecked (<c>--skip-exports</c>).</summary>
        public bool SkipExports { get; init; }

        /// <summary>Whether each round prints where it spent its time and memory (<c>--timings</c>).</summary>
        public bool Timings { get; init; }

        /// <summary>Which of a live server's lowest area pages' HTML a round holds (<c>--pages</c>); every page by default.</summary>
        public Verify.PageShare Pages { get; init; } = Verify.PageShare.All;

        /// <summary>The round of <c>--follow</c> this check is (0 for the first): the share of the pages it reads.</summary>
        public int Round { get; init; }

        /// <summary>The words the pages are rendered with: the register's, and the observer's <c>--words</c> for a site before them.</summary>
        public Verify.RegisterWords Words { get; init; } = new([]);
    }

    /// <summary>
    /// Verifies once, or keeps verifying with <paramref name="follow"/>; after each round that verified, <paramref name="verified"/>
    /// (when given) is told the tree head it verified (a witness cosigns it).
    /// </summary>
    internal static async Task<int> FollowAsync(
        IAnsiConsole console,
        Func<IPublished> source,
        Pins pins,
        FileInfo stateFile,
        bool follow,
        TimeSpan interval,
        int rounds,
        CancellationToken cancellationToken,
        Func<Contracts.TreeHead, CancellationToken, Task>? verified = null)
    {
        // What the last round verified, kept so that the next costs only what was added since.
        var kept = new StrongBox<Verify.LogReplay?>(null);
        if (pins.Timings)
        {
            console.WriteLine(FormattableString.Invariant(
                $"  the collector conserving memory at level {Verify.ConservingCollector.Current} ({Verify.ConservingCollector.Variable})"));
        }
        try
        {
            for (var round = 0; ; round++)
            {
                CheckRun run = new CheckRun.Moved();
                for (var attempt = 0; run is CheckRun.Moved && attempt < 20; attempt++)
                {
                    using var published = source();
                    try
                    {
                        run = await RunAsync(console, published, pins with { Round = round }, stateFile, kept, cancellationToken);
                    }
                    catch (Exception e) when (published.Live && !cancellationToken.IsCancellationRequested
                        && e is HttpRequestException or TaskCanceledException or JsonException)
                    {
                        // Not a verdict on the log: the server could not be read. Following, try again at the next interval.
                        var why = e is TaskCanceledException ? "it did not answer in time" : e.Message;
                        console.MarkupLineInterpolated($"[yellow]Could not read the server ({why}). Is the URL right and the server up?[/]");
                        if (!follow)
                        {
                            return SanooCli.BadInput;
                        }
                        run = new CheckRun.Unreachable();
                        break;
                    }
                    if (run is CheckRun.Moved)
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
                    }
                }
                if (run is CheckRun.Unreachable)
                {
                    if (rounds > 0 && round >= rounds)
                    {
                        return SanooCli.BadInput;
                    }
                    await Task.Delay(interval, cancellationToken);
                    continue;
                }
                if (run is not CheckRun.Done { Code: var code, Head: var head })
                {
                    console.MarkupLine(
                        "[yellow]The server kept publishing newer snapshots during every check; run again when the log is quieter.[/]");
                    return Mismatch;
                }
                if (code != SanooCli.Ok)
                {
                    if (follow)
                    {
                        console.MarkupLine("[red bold]ALARM: the log no longer verifies. Keep the saved state file and this output as evidence.[/]");
                    }
                    return code;
                }
                if (verified is not null && head is not null)
                {
                    await verified(head, cancellationToken);
                }
                if (!follow || (rounds > 0 && round >= rounds))
                {
                    return SanooCli.Ok;
                }
                await Task.Delay(interval, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return SanooCli.Ok;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            console.MarkupLineInterpolated(
                $"[red]NOT VERIFIED: the folder lacks a file a published copy must hold ({e.Message}). Was it written by sanoo publish, whole?[/]");
            return Mismatch;
        }
    }

    /// <summary>Where the published data comes from: a live server, or a folder written by <c>sanoo publish</c>.</summary>
    internal interface IPublished : IDisposable
    {
        /// <summary>Whether it answers proofs (a folder does not: consistency is then checked by recomputing the old root).</summary>
        bool Live { get; }

        Task<T> JsonAsync<T>(string pathAndQuery, JsonTypeInfo<T> type, CancellationToken cancellationToken);

        Task<byte[]> BytesAsync(string path, CancellationToken cancellationToken);

        /// <summary>Reads the answer to <paramref name="pathAndQuery"/> with <paramref name="read"/>, from a buffer lent for the call.</summary>
        Task<T> ReadAsync<T>(string pathAndQuery, Verify.LentBytes.Reader<T> read, CancellationToken cancellationToken);

        /// <summary>The answer to <paramref name="pathAndQuery"/> as a stream, to be read as it arrives.</summary>
        Task<Stream> OpenAsync(string pathAndQuery, CancellationToken cancellationToken);

        /// <summary>
        /// A page (its <c>index.html</c>, <c>data.json</c>, <c>data.csv</c>), read whole; a folder does not add it to <see cref="Read"/>
        /// (there are millions: the page check holds their compressed copies as it reads them).
        /// </summary>
        Task<byte[]> PageAsync(string path, CancellationToken cancellationToken) => BytesAsync(path, cancellationToken);

        /// <summary>A page as <see cref="PageAsync"/> reads it, as a stream.</summary>
        Task<Stream> OpenPageAsync(string path, CancellationToken cancellationToken) => OpenAsync(path, cancellationToken);

        /// <summary>A published folder's compressed copy of <paramref name="path"/> (<c>.gz</c>, <c>.br</c>), or null where it has none.</summary>
        Stream? OpenCopy(string path, string suffix) => null;

        /// <summary>The addresses a published folder was read at so far (a server: none), whose compressed copies are then checked.</summary>
        IReadOnlyList<string> Read => [];

        /// <summary>
        /// A published folder's kept signed heads (<c>api/v1/tree-heads/{size}.json</c>, against which the pages' own check proves a
        /// page a later publish kept), by size and file; a server: none.
        /// </summary>
        IReadOnlyList<(long Size, string File)> KeptHeads() => [];
    }

    internal sealed class Server(HttpClient http) : IPublished
    {
        public bool Live => true;

        public async Task<T> JsonAsync<T>(string pathAndQuery, JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
            await http.GetFromJsonAsync(pathAndQuery, type, cancellationToken) ?? throw new JsonException($"{pathAndQuery} answered null");

        /// <summary>
        /// The answer's bytes in an array of their own, read without the shared pool: <see cref="HttpClient.GetByteArrayAsync(string?)"/>
        /// reads an answer of unknown length (a national definition, some 80 MB) into pooled buffers doubled up to 128 MB, and the
        /// pool kept that one: a 128 MB array was still live at the end of the entries' phase at a million stations.
        /// </summary>
        public async Task<byte[]> BytesAsync(string path, CancellationToken cancellationToken)
        {
            using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            response.EnsureSuccessStatusCode();
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var length = response.Content.Headers.ContentLength;
            using var bytes = new MemoryStream(length is > 0 and <= int.MaxValue ? (int)length : 1 << 16);
            await stream.CopyToAsync(bytes, cancellationToken);
            return bytes.Length == bytes.Capacity ? bytes.GetBuffer() : bytes.ToArray();
        }

        public async Task<T> ReadAsync<T>(string pathAndQuery, Verify.LentBytes.Reader<T> read, CancellationToken cancellationToken)
        {
            await using var stream = await http.GetStreamAsync(pathAndQuery, cancellationToken);
            return await Verify.LentBytes.ReadAsync(stream, read, cancellationToken);
        }

        public Task<Stream> OpenAsync(string pathAndQuery, CancellationToken cancellationToken) =>
            http.GetStreamAsync(pathAndQuery, cancellationToken);

        public void Dispose() => http.Dispose();
    }

    private sealed class Folder(string root) : IPublished
    {
        private readonly HashSet<string> _read = new(StringComparer.Ordinal);

        public bool Live => false;

        public IReadOnlyList<string> Read
        {
            get
            {
                lock (_read)
                {
                    return [.. _read];
                }
            }
        }

        public Stream? OpenCopy(string path, string suffix) =>
            File.Exists(PageFile(path) + suffix) ? File.OpenRead(PageFile(path) + suffix) : null;

        public IReadOnlyList<(long Size, string File)> KeptHeads()
        {
            var folder = Path.Combine(root, Path.GetDirectoryName(Web.Site.PublishedApi.KeptHeadPath(0))!);
            return Directory.Exists(folder)
                ? [.. Directory.EnumerateFiles(folder, "*.json")
                    .Select(f => (Size: long.TryParse(Path.GetFileNameWithoutExtension(f), out var n) ? n : -1, File: f))
                    .OrderBy(k => k.Size)]
                : [];
        }

        public async Task<T> JsonAsync<T>(string pathAndQuery, JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
            JsonSerializer.Deserialize(await BytesAsync(pathAndQuery, cancellationToken), type)
                ?? throw new JsonException($"{pathAndQuery} holds null");

        public Task<byte[]> BytesAsync(string path, CancellationToken cancellationToken) => File.ReadAllBytesAsync(FileOf(path), cancellationToken);

        public Task<byte[]> PageAsync(string path, CancellationToken cancellationToken) => File.ReadAllBytesAsync(PageFile(path), cancellationToken);

        public Task<Stream> OpenPageAsync(string path, CancellationToken cancellationToken) =>
            Task.FromResult<Stream>(File.OpenRead(PageFile(path)));

        private const string SearchIndex = "/search/" + Web.Site.SearchPages.IndexFile;

        /// <summary>
        /// The file of <paramref name="path"/> (a page's HTML, the search page's index, the snapshot marker and the files pages load
        /// too), not added to <see cref="Read"/>.
        /// </summary>
        private string PageFile(string path) => Path.Combine(root, Web.Site.PublishedApi.FileOf(path)
            ?? ((path.EndsWith(".html", StringComparison.Ordinal) || path.EndsWith(SearchIndex, StringComparison.Ordinal)
                    || path == Web.Site.SitePaths.SnapshotJson || Web.Site.SiteAssets.Files.Any(a => a.Path == path))
                && !path.Contains("..", StringComparison.Ordinal)
                ? path.TrimStart('/')
                : throw new FileNotFoundException($"a published folder does not answer {path}")));

        public async Task<T> ReadAsync<T>(string pathAndQuery, Verify.LentBytes.Reader<T> read, CancellationToken cancellationToken)
        {
            await using var stream = File.OpenRead(FileOf(pathAndQuery));
            return await Verify.LentBytes.ReadAsync(stream, read, cancellationToken);
        }

        public Task<Stream> OpenAsync(string pathAndQuery, CancellationToken cancellationToken) =>
            Task.FromResult<Stream>(File.OpenRead(FileOf(pathAndQuery)));

        private string FileOf(string path)
        {
            var file = Path.Combine(
                root, Web.Site.PublishedApi.FileOf(path) ?? throw new FileNotFoundException($"a published folder does not answer {path}"));
            lock (_read)
            {
                _read.Add(path);
            }
            return file;
        }

        public void Dispose()
        {
        }
    }

    private static async Task<CheckRun> RunAsync(
        IAnsiConsole console,
        IPublished origin,
        Pins pins,
        FileInfo stateFile,
        StrongBox<Verify.LogReplay?> kept,
        CancellationToken cancellationToken)
    {
        var timings = new Verify.VerifyTimings(pins.Timings);
        var pinnedKey = pins.CommissionKey;
        var problems = new List<string>();
        var notes = new List<string>();
        (long Size, byte[] Root)? earlier = null;
        var head = await origin.JsonAsync("/api/v1/tree-head", WireJson.Default.TreeHead, cancellationToken);
        var size = head.TreeSize;
        var root = Convert.FromHexString(head.RootHash);
        var servedKey = head.PublicKey;
        if (pinnedKey is null)
        {
            console.MarkupLine(
                "[yellow]No --commission-key: checking the tree head against the key the server names; pin the commission's published key to rule " +
                    "out a substitute.[/]");
        }
        else if (pinnedKey != servedKey)
        {
            problems.Add($"the tree head names key {servedKey}, not the pinned commission key {pinnedKey}");
        }
        if (!SignatureOk(head, pinnedKey ?? servedKey))
        {
            problems.Add($"the signature of the tree head of {size} entries does not verify");
        }
        // A replay kept from the last round goes on when the head names the definition it was read from and extends its sizes.
        var replay = kept.Value is { } goesOn && goesOn.DefinitionSha256 == head.DefinitionSha256
            && goesOn.Entries.Size <= size && goesOn.Records.Size <= head.RegisterSize ? goesOn : null;
        kept.Value = null; // given back only by a round that leaves it sound
        if (pins.DefinitionSha256 is { } pinnedDefinition && pinnedDefinition != head.DefinitionSha256)
        {
            problems.Add($"DEFINITION CHANGED: the tree head names definition {head.DefinitionSha256}, not the pinned {pinnedDefinition}");
        }
        if (replay is null)
        {
            var definition = await origin.BytesAsync("/api/v1/definition", cancellationToken);
            var definitionHash = Convert.ToHexStringLower(SHA256.HashData(definition));
            if (definitionHash != head.DefinitionSha256)
            {
                problems.Add($"the definition served (SHA-256 {definitionHash}) is not the one the tree head signs ({head.DefinitionSha256})");
            }
            if (Core.Definitions.DefinitionReader.Read(definition) is not Core.Definitions.DefinitionResult.Loaded { Election: var loaded })
            {
                problems.Add("the definition the server publishes does not load");
                return Report(console, problems);
            }
            replay = new Verify.LogReplay(loaded, definitionHash, source =>
                pins.Strict || loaded.Sources.Any(s => s.Id.Value == source && s.DoubleEntryRequired));
            // Reading a national definition leaves gigabytes of garbage behind it; give that memory back before the entries come.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
        var election = replay.Election;
        // The register replay adds its problems to the replay's list: this round's list from here on.
        replay.Problems.Clear();
        replay.Problems.AddRange(problems);
        problems = replay.Problems;
        var saved = stateFile.Exists ? await VerifiedHead.ReadAsync(stateFile, cancellationToken) : null;
        if (saved is not null)
        {
            if (saved.DefinitionSha256 is { } before && before != head.DefinitionSha256)
            {
                problems.Add($"DEFINITION CHANGED: the tree head now names definition {head.DefinitionSha256}; "
                    + $"the log verified earlier was counted under {before}");
            }
            if (saved.PublicKey != servedKey)
            {
                if (pinnedKey is not null && pinnedKey == servedKey)
                {
                    var (then, now) = (saved.PublicKey, servedKey);
                    console.MarkupLineInterpolated(
                        $"[yellow]The commission key changed since the last run ({then} then, {now} now); allowed: the new key is pinned.[/]");
                }
                else
                {
                    problems.Add($"COMMISSION KEY CHANGED: the tree head is signed by {servedKey}; the log verified earlier was signed by "
                        + $"{saved.PublicKey} (pin a legitimate new key with --commission-key)");
                }
            }
            var (m, oldRoot) = (saved.TreeSize, Convert.FromHexString(saved.RootHash));
            if (m > size)
            {
                problems.Add($"the log shrank: {size} entries now, {m} when last verified");
            }
            else if (!origin.Live)
            {
                earlier = (m, oldRoot); // checked below, from the entries themselves
            }
            else
            {
                var query = $"/api/v1/proofs/consistency?first={m}&second={size}";
                var consistency = await origin.JsonAsync(query, WireJson.Default.ConsistencyProof, cancellationToken);
                var proof = consistency.Proof.Select(Convert.FromHexString).ToList();
                if (!MerkleProof.VerifyConsistency(m, size, oldRoot, root, proof))
                {
                    problems.Add(
                        $"HISTORY REWRITTEN: the tree of {size} entries does not extend the tree of {m} verified earlier " +
                            $"(root {Convert.ToHexStringLower(oldRoot)})");
                }
            }
        }
        timings.Mark("tree head, definition, consistency");
        var register = replay.Register;
        var (keptEntries, keptRecords) = (replay.Entries.Size, replay.Records.Size);
        Task<Verify.KeyListComparison>? keys = null;
        Verify.ExportSnapshots? exportSnapshots = null;
        await console.Progress().StartAsync(async context =>
        {
            var registerTask = context.AddTask("Fetching and checking the register", maxValue: Math.Max(1, head.RegisterSize - keptRecords));
            await AddRegisterAsync(origin, head, saved, replay, registerTask, problems, cancellationToken);
            pins.Words.PutInForce(replay.Register.WordCatalogs, problems, notes);
            timings.Mark("register");
            // The keys the register ends with are known once it is fetched: /api/v1/keys is compared with them while the entries come.
            keys = ReadKeysAsync(origin, register.LastKeys, cancellationToken);
            foreach (var (keptSize, _) in origin.KeptHeads().Where(k => k.Size > replay.Entries.Size && k.Size <= size))
            {
                replay.RootsAt[keptSize] = null;
            }
            // The exports of an earlier snapshot are held to the tally frozen when the entries reach the size they state.
            exportSnapshots = pins.SkipExports ? null : await Verify.ExportSnapshots.ReadAsync(origin, replay, size, cancellationToken);
            var task = context.AddTask("Fetching and checking entries", maxValue: Math.Max(1, size - keptEntries));
            await ApplyEntriesAsync(origin, replay, size, earlier, !pins.SkipExports, task, problems, notes, cancellationToken);
            timings.Mark("entries (fetch, hash, read, replay; /api/v1/keys beside them)");
        });
        var summary = register.Finish(size);
        if (replay.Entries.Size == size && !replay.Entries.Root().AsSpan().SequenceEqual(root))
        {
            problems.Add(keptEntries > 0
                ? $"HISTORY REWRITTEN: the {size} entries do not hash to the signed root from the {keptEntries} verified earlier and the "
                    + "entries served since"
                : $"the entries served do not hash to the signed root of {size} entries");
        }
        CheckKeptHeads(origin, head, pinnedKey ?? servedKey, replay, problems);
        var moved = !await CompareKeysAsync(origin, head, await keys!, problems, cancellationToken);
        timings.Mark("device keys (the rest of the wait)");
        moved = moved || !await Verify.PublishedComparison.TotalsAsync(origin, replay, size, problems, cancellationToken);
        timings.Mark("totals and seats");
        moved = moved || !await Verify.PublishedComparison.ProgressAsync(origin, replay, size, problems, cancellationToken);
        moved = moved || !await Verify.TurnoutCheck.CheckAsync(origin, replay, size, problems, notes, cancellationToken);
        Verify.VouchedWitnesses? vouched = null;
        moved = moved || (origin.Live && (vouched = await Verify.CosignatureCheck.CheckAsync(origin, head, register, problems, cancellationToken))
            is null);
        timings.Mark("progress, turnout, cosignatures");
        if (!pins.SkipExports)
        {
            moved = moved || !await Verify.ExportComparison.CheckAsync(
                origin, replay, size, exportSnapshots!, origin.Read, problems, cancellationToken);
            timings.Mark("exports (ERR JSON and XML; a folder's compressed copies)");
        }
        else
        {
            notes.Add("the whole-election exports (ERR JSON and XML, protocols.csv, the discrepancy ledger, compressed copies) were not "
                + "checked (--skip-exports)");
        }
        string htmlShare;
        int stationsHeld;
        await using (var pages = new Verify.PageDataCheck(
            new(replay), size, root, pinnedKey ?? servedKey, head.RegisterSize, pins.Pages, pins.Round, vouched, head))
        {
            moved = moved || !await pages.CheckAsync(origin, !origin.Live, problems, cancellationToken);
            htmlShare = pages.HtmlShare;
            stationsHeld = pages.StationsHeld;
        }
        timings.Mark("pages' data");
        if (moved)
        {
            kept.Value = problems.Count == 0 ? replay : null; // sound up to this head: the next attempt goes on from it
            return new CheckRun.Moved();
        }
        var images = replay.Images;
        if (!pins.SkipImages)
        {
            await images.CheckAsync(console, origin, problems, cancellationToken);
            timings.Mark("images");
        }
        console.MarkupLineInterpolated(
            $"Images: {images.Count - images.ReportPhotos:N0} named by entries and {images.ReportPhotos:N0} by reports only, {(pins.SkipImages
                ? "not downloaded (--skip-images)" : "each downloaded and re-hashed")}.");
        console.MarkupLineInterpolated($"Pages' HTML: {htmlShare} area pages held to the verifier's own this round ({(
            pins.Pages.Whole ? "--pages all"
                : !origin.Live ? $"every page above the districts and the districts' all up to {Verify.PageShare.SampledLowestPages:N0}, a "
                    + "random sample of about as many above, drawn afresh each run; --pages all for every page"
                : $"every page above the districts and a random share of the districts' pages, all within {Verify.PageShare.Rounds} rounds"
                    + " of --follow; --pages all for every page")}).");
        if (!origin.Live)
        {
            var stationCount = election.StationCount;
            console.MarkupLineInterpolated($"Stations' pages: {stationsHeld:N0} of {stationCount:N0} stations' data, entries and HTML held ({(
                stationsHeld == stationCount ? "every one"
                    : $"a random sample drawn afresh each run, about {Verify.PageShare.SampledStations:N0} of any election; "
                        + "--pages all for every one")}).");
        }
        foreach (var line in summary)
        {
            console.MarkupLineInterpolated($"Register: {line}.");
        }
        WarnSingleEntries(console, register, election, pins.Strict, problems);
        foreach (var note in notes)
        {
            console.MarkupLineInterpolated($"[yellow]NOTE: {note}[/]");
        }
        timings.Print(console);
        if (problems.Count > 0)
        {
            return Report(console, [.. problems]);
        }
        var verifiedHead = new VerifiedHead(
            size, Convert.ToHexStringLower(root), servedKey, head.DefinitionSha256, head.RegisterSize, head.RegisterRoot);
        await verifiedHead.WriteAsync(stateFile, cancellationToken);
        kept.Value = replay;
        var shortRoot = Convert.ToHexStringLower(root)[..16];
        const string Checked = "the register and both Merkle roots, every device signature against the register's keys, every sender "
            + "against its operators and matched hand entries, every published total re-added from the station protocols";
        var added = keptEntries > 0 ? $" ({size - keptEntries:N0} new since the last round)" : "";
        var file = stateFile.Name;
        console.MarkupLineInterpolated(
            $"[green bold]VERIFIED[/]: {size:N0} entries{added}; signed tree head {shortRoot}…; {Checked}. Saved to {file} for the next run.");
        return new CheckRun.Done(SanooCli.Ok, head);
    }

    /// <summary>
    /// Fetches the register's records after the replay's and adds each to its register replay as it is read: no list of them is
    /// held (at a million stations, a million enrolments held as records took over 100 MB until the first entry applied them).
    /// </summary>
    private static async Task AddRegisterAsync(
        IPublished origin,
        Contracts.TreeHead head,
        VerifiedHead? saved,
        Verify.LogReplay replay,
        ProgressTask task,
        List<string> problems,
        CancellationToken cancellationToken)
    {
        void Add(Core.Register.RegisterRecord record)
        {
            replay.Register.Add(record);
            replay.Images.NoteReport(record);
        }
        await Verify.RegisterFetch.FetchAsync(origin, head, saved, replay.Records, Add, task, problems, cancellationToken);
        replay.Register.CheckDefinition(head);
    }

    /// <summary>
    /// Fetches the entries after the replay's frontier up to <paramref name="size"/> and applies each in log order; with
    /// <paramref name="earlier"/> (a published folder verified before), the frontier's root at that size must be the one saved.
    /// </summary>
    private static async Task ApplyEntriesAsync(
        IPublished origin,
        Verify.LogReplay replay,
        long size,
        (long Size, byte[] Root)? earlier,
        bool exports,
        ProgressTask task,
        List<string> problems,
        List<string> notes,
        CancellationToken cancellationToken)
    {
        var start = replay.Entries.Size;
        // /data/protocols.csv is read in step with the entries, each row held to its entry (Verify.ProtocolsCsvCheck).
        await using var rows = exports ? await origin.OpenAsync(Verify.ProtocolsCsvCheck.Path, cancellationToken) : null;
        using var csv = rows is null ? null : new Verify.ProtocolsCsvCheck(replay.Election, rows, replay.ProtocolRows, problems);
        csv?.SkipTo(start + 1);
        void HoldToEarlier()
        {
            if (earlier is { } old && replay.Entries.Size == old.Size && old.Size > start
                && !replay.Entries.Root().AsSpan().SequenceEqual(old.Root))
            {
                problems.Add($"HISTORY REWRITTEN: the first {old.Size} entries no longer hash to the root verified earlier " +
                    $"({Convert.ToHexStringLower(old.Root)})");
            }
        }
        // A folder has pages at multiples of a page only; a server starts where the replay stopped.
        var from = origin.Live ? start : start - (start % Verify.EntryStream.PageSize);
        var pages = Verify.EntryStream.PagesAsync(origin, replay.Election, from, size, replay.Register.LastKeys, cancellationToken);
        await foreach (var page in pages)
        {
            foreach (var prepared in page)
            {
                var (expected, served) = (replay.Entries.Size + 1, prepared.Entry.Sequence);
                if (served < expected || expected > size)
                {
                    continue;
                }
                if (served != expected)
                {
                    problems.Add($"the server served entry {served} where entry {expected} belongs");
                    return;
                }
                replay.Apply(prepared, problems);
                csv?.Check(prepared);
                HoldToEarlier();
            }
            task.Value = replay.Entries.Size - start;
        }
        if (replay.Entries.Size < size)
        {
            problems.Add($"the server served {replay.Entries.Size} entries of the {size} its tree head claims");
        }
        if (csv is not null)
        {
            replay.ProtocolRows = csv.Finish(size, origin.Live, notes);
        }
    }

    /// <summary>
    /// Names, in a yellow block, the entries of double-entry sources that one person entered; with --strict, or for a source whose
    /// definition requires double entry (<c>doubleEntryRequired</c>), each is a problem.
    /// </summary>
    private static void WarnSingleEntries(
        IAnsiConsole console, Verify.RegisterReplay register, Core.Definitions.Election election, bool strict, List<string> problems)
    {
        foreach (var (source, single) in register.SingleEntriesBySource)
        {
            var title = $"{single.Count:N0} entries of the double-entry source {source} were entered by one person, not twice:";
            console.MarkupLineInterpolated($"[yellow bold]WARNING: {title}[/]");
            foreach (var e in single.Entries.Take(Verify.RegisterReplay.SingleEntries.Listed))
            {
                console.MarkupLineInterpolated($"[yellow]  entry {e.Sequence}, station {e.Station}, sent by {e.Sender}[/]");
            }
            if (single.Count > Verify.RegisterReplay.SingleEntries.Listed)
            {
                console.MarkupLineInterpolated($"[yellow]  … and {single.Count - Verify.RegisterReplay.SingleEntries.Listed:N0} more[/]");
            }
            var required = election.Sources.Any(s => s.Id.Value == source && s.DoubleEntryRequired);
            if (strict || required)
            {
                var why = required ? "the definition requires double entry" : "--strict";
                problems.AddRange(single.Entries.Select(e =>
                    $"entry {e.Sequence} (station {e.Station}): a {e.Source} count entered by one person ({e.Sender}), not twice ({why})"));
            }
        }
    }

    private static CheckRun Report(IAnsiConsole console, List<string> problems)
    {
        console.MarkupLineInterpolated($"[red bold]NOT VERIFIED[/] [red]({problems.Count} problem(s)):[/]");
        foreach (var problem in problems.Take(200))
        {
            console.MarkupLineInterpolated($"  [red]{problem}[/]");
        }
        return new CheckRun.Done(Mismatch);
    }

    /// <summary>
    /// Reads <c>/api/v1/keys</c> as it streams in, comparing the keys it lists as current with <paramref name="register"/>'s (the
    /// keys the register ends with): the list is the server's convenience, the register the record, and they must agree.
    /// </summary>
    private static async Task<Verify.KeyListComparison> ReadKeysAsync(
        IPublished origin, Verify.DeviceKeyBook register, CancellationToken cancellationToken)
    {
        // Compared as the answer streams in: at a million stations the answer held whole, or as strings, took hundreds of megabytes.
        var comparison = new Verify.KeyListComparison(register);
        await using var answer = await origin.OpenAsync("/api/v1/keys", cancellationToken);
        await comparison.ReadAsync(answer, cancellationToken);
        return comparison;
    }

    /// <summary>Names each station where <c>/api/v1/keys</c> differed from the register (<see cref="ReadKeysAsync"/>).</summary>
    /// <returns>False when they differ and the register grew meanwhile (the list is newer than the head: check again).</returns>
    private static async Task<bool> CompareKeysAsync(
        IPublished origin, Contracts.TreeHead head, Verify.KeyListComparison comparison, List<string> problems, CancellationToken cancellationToken)
    {
        if (comparison.Differences > 0
            && (await origin.JsonAsync("/api/v1/tree-head", WireJson.Default.TreeHead, cancellationToken)).RegisterSize != head.RegisterSize)
        {
            return false;
        }
        foreach (var (station, key) in comparison.Differing)
        {
            problems.Add($"/api/v1/keys lists {key ?? "no key"} as station {station}'s device key; "
                + $"the register makes it {comparison.RegisterKey(station) ?? "none"}");
        }
        return true;
    }

    /// <summary>
    /// Holds a published folder's kept heads to the log verified: each must be signed with the commission's key, of the head's
    /// election and definition, and its root that of the log's first entries of its size. A page a later publish kept is checked in
    /// the reader's browser against the kept head of its size alone, so a head of a forked log, signed with the commission key and
    /// put beside the pages, would let a page show figures the log never held. Sizes below what a round kept from the last one are
    /// checked by the first round (and every new process), not again.
    /// </summary>
    private static void CheckKeptHeads(IPublished origin, Contracts.TreeHead head, string key, Verify.LogReplay replay, List<string> problems)
    {
        foreach (var (keptSize, file) in origin.KeptHeads())
        {
            var where = Web.Site.PublishedApi.KeptHeadPath(keptSize);
            Contracts.TreeHead kept;
            try
            {
                kept = JsonSerializer.Deserialize(File.ReadAllBytes(file), WireJson.Default.TreeHead) ?? throw new JsonException("null");
            }
            catch (JsonException e)
            {
                problems.Add($"{where}: not a signed tree head ({e.Message})");
                continue;
            }
            if (kept.TreeSize != keptSize)
            {
                problems.Add($"{where}: a head of {kept.TreeSize} entries kept under another size");
            }
            else if (keptSize > head.TreeSize)
            {
                problems.Add($"{where}: a kept head of {keptSize} entries, past the folder's head of {head.TreeSize}");
            }
            else if (kept.Election != head.Election || kept.DefinitionSha256 != head.DefinitionSha256 || !SignatureOk(kept, key))
            {
                problems.Add($"{where}: not signed with the commission key for this election and definition");
            }
            else if (replay.RootsAt.GetValueOrDefault(keptSize) is { } own && !own.AsSpan().SequenceEqual(Convert.FromHexString(kept.RootHash)))
            {
                problems.Add($"FORKED KEPT HEAD: {where} signs root {kept.RootHash} for {keptSize} entries, but the log's first {keptSize} "
                    + $"entries hash to {Convert.ToHexStringLower(own)}: a page checked against it shows a log that was never published");
            }
            else if (!KeptProofHolds(file[..^where.Length], kept, head))
            {
                problems.Add($"{where}: no consistency proof to the folder's head in {Web.Site.PublishedApi.KeptProofPath(keptSize)}, or one "
                    + "that does not hold: the pages' own check refuses the pages made from it");
            }
        }
    }

    /// <summary>Whether the folder at <paramref name="root"/> proves the kept head a part of its head, as the pages' own check asks.</summary>
    private static bool KeptProofHolds(string root, Contracts.TreeHead kept, Contracts.TreeHead head)
    {
        if (kept.TreeSize == head.TreeSize)
        {
            return kept.RootHash == head.RootHash;
        }
        try
        {
            var proof = JsonSerializer.Deserialize(
                File.ReadAllBytes(Path.Combine(root, Web.Site.PublishedApi.KeptProofPath(kept.TreeSize))), WireJson.Default.ConsistencyProof);
            return proof is not null && proof.First == kept.TreeSize && proof.Second == head.TreeSize && MerkleProof.VerifyConsistency(
                kept.TreeSize, head.TreeSize, Convert.FromHexString(kept.RootHash), Convert.FromHexString(head.RootHash),
                [.. proof.Proof.Select(Convert.FromHexString)]);
        }
        catch (Exception e) when (e is IOException or JsonException or FormatException)
        {
            return false;
        }
    }

    private static bool SignatureOk(Contracts.TreeHead head, string publicKey)
    {
        try
        {
            return Web.Publishing.CommissionKey.Verify(Web.PublicApi.TransparencyJson.Head(head), Convert.FromBase64String(publicKey));
        }
        catch (FormatException)
        {
            return false; // a hash, key or signature that is not even hex or base64
        }
    }

    /// <summary>What one check came to: an exit code, or that the server published a newer snapshot while it ran.</summary>
    private abstract record CheckRun
    {
        /// <summary>Checked: the command's exit code, and the head verified (null when it did not verify).</summary>
        public sealed record Done(int Code, Contracts.TreeHead? Head = null) : CheckRun;

        /// <summary>Nothing could be compared: the check is repeated on the newer snapshot.</summary>
        public sealed record Moved : CheckRun;

        /// <summary>The server could not be read this round (following: tried again at the next interval).</summary>
        public sealed record Unreachable : CheckRun;
    }
}
