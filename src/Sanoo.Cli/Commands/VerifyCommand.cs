using System.CommandLine;
using System.Net.Http.Json;
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
/// protocols, recomputes the seats, and compares both with what the server publishes. Exit 0: verified; 4: a mismatch.
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
        var command = new Command(
            "verify",
            "Verify a server from its public URL: signed tree head, consistency with the last run, every entry and device signature, the Merkle " +
                "root, and every total and seat re-added independently.")
        {
            url, dir, key, pinnedDefinition, state, follow, interval, rounds, strict, skipImages,
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
                        run = await RunAsync(console, published, pins, stateFile, cancellationToken);
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
    }

    internal sealed class Server(HttpClient http) : IPublished
    {
        public bool Live => true;

        public async Task<T> JsonAsync<T>(string pathAndQuery, JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
            await http.GetFromJsonAsync(pathAndQuery, type, cancellationToken) ?? throw new JsonException($"{pathAndQuery} answered null");

        public Task<byte[]> BytesAsync(string path, CancellationToken cancellationToken) => http.GetByteArrayAsync(path, cancellationToken);

        public void Dispose() => http.Dispose();
    }

    private sealed class Folder(string root) : IPublished
    {
        public bool Live => false;

        public async Task<T> JsonAsync<T>(string pathAndQuery, JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
            JsonSerializer.Deserialize(await BytesAsync(pathAndQuery, cancellationToken), type)
                ?? throw new JsonException($"{pathAndQuery} holds null");

        public Task<byte[]> BytesAsync(string path, CancellationToken cancellationToken) =>
            File.ReadAllBytesAsync(
                Path.Combine(
                    root, Web.Site.PublishedApi.FileOf(path) ?? throw new FileNotFoundException($"a published folder does not answer {path}")),
                cancellationToken);

        public void Dispose()
        {
        }
    }

    private static async Task<CheckRun> RunAsync(
        IAnsiConsole console, IPublished origin, Pins pins, FileInfo stateFile, CancellationToken cancellationToken)
    {
        var pinnedKey = pins.CommissionKey;
        var problems = new List<string>();
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
        var definition = await origin.BytesAsync("/api/v1/definition", cancellationToken);
        var definitionHash = Convert.ToHexStringLower(SHA256.HashData(definition));
        if (definitionHash != head.DefinitionSha256)
        {
            problems.Add($"the definition served (SHA-256 {definitionHash}) is not the one the tree head signs ({head.DefinitionSha256})");
        }
        if (pins.DefinitionSha256 is { } pinnedDefinition && pinnedDefinition != head.DefinitionSha256)
        {
            problems.Add($"DEFINITION CHANGED: the tree head names definition {head.DefinitionSha256}, not the pinned {pinnedDefinition}");
        }
        if (Core.Definitions.DefinitionReader.Read(definition) is not Core.Definitions.DefinitionResult.Loaded { Election: var election })
        {
            problems.Add("the definition the server publishes does not load");
            return Report(console, problems);
        }
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
        var tree = new MerkleTree();
        Verify.RegisterReplay? register = null;
        Replay? engine = null;
        var images = new Verify.ImageFetch();
        long after = 0;
        await console.Progress().StartAsync(async context =>
        {
            var registerTask = context.AddTask("Fetching and checking the register", maxValue: Math.Max(1, head.RegisterSize));
            var records = await Verify.RegisterFetch.FetchAsync(origin, head, saved, registerTask, problems, cancellationToken);
            var tally = new Core.Tally.TallyEngine(election);
            register = new Verify.RegisterReplay(election, records, problems, tally.Freeze);
            register.CheckDefinition(head);
            var replay = new Replay(election, tally, register);
            var task = context.AddTask("Fetching and checking entries", maxValue: Math.Max(1, size));
            while (tree.Size < size)
            {
                var query = $"/api/v1/entries?after={after}&limit=1000";
                var entries = (await origin.JsonAsync(query, WireJson.Default.EntriesPage, cancellationToken)).Entries;
                if (entries.Count == 0)
                {
                    problems.Add($"the server served {tree.Size} entries of the {size} its tree head claims");
                    break;
                }
                foreach (var e in entries.TakeWhile(_ => tree.Size < size))
                {
                    CheckEntry(e, tree, replay, problems);
                    images.Note(election, e, Convert.FromBase64String(e.Canonical));
                    after = e.Sequence;
                }
                task.Value = tree.Size;
            }
            images.NoteReports(records);
            engine = replay;
        });
        var summary = register!.Finish(size);
        if (!await CompareKeysAsync(origin, head, register, problems, cancellationToken))
        {
            return new CheckRun.Moved();
        }
        if (tree.Size == size && !tree.Root(size).AsSpan().SequenceEqual(root))
        {
            problems.Add($"the entries served do not hash to the signed root of {size} entries");
        }
        if (earlier is { } old && tree.Size >= old.Size && !tree.Root(old.Size).AsSpan().SequenceEqual(old.Root))
        {
            problems.Add(
                $"HISTORY REWRITTEN: the first {old.Size} entries no longer hash to the root verified earlier " +
                    $"({Convert.ToHexStringLower(old.Root)})");
        }
        if (!await CompareTotalsAsync(origin, engine!, size, problems, cancellationToken)
            || !await CompareProgressAsync(origin, engine!, size, problems, cancellationToken))
        {
            return new CheckRun.Moved();
        }
        if (origin.Live && !await Verify.CosignatureCheck.CheckAsync(origin, head, register, problems, cancellationToken))
        {
            return new CheckRun.Moved();
        }
        if (!pins.SkipImages)
        {
            await images.CheckAsync(console, origin, problems, cancellationToken);
        }
        console.MarkupLineInterpolated(
            $"Images: {images.Count - images.ReportPhotos:N0} named by entries and {images.ReportPhotos:N0} by reports only, {(pins.SkipImages
                ? "not downloaded (--skip-images)" : "each downloaded and re-hashed")}.");
        foreach (var line in summary)
        {
            console.MarkupLineInterpolated($"Register: {line}.");
        }
        WarnSingleEntries(console, register, election, pins.Strict, problems);
        if (problems.Count > 0)
        {
            return Report(console, problems);
        }
        var verifiedHead = new VerifiedHead(
            size, Convert.ToHexStringLower(root), servedKey, head.DefinitionSha256, head.RegisterSize, head.RegisterRoot);
        await verifiedHead.WriteAsync(stateFile, cancellationToken);
        var shortRoot = Convert.ToHexStringLower(root)[..16];
        const string Checked = "the register and both Merkle roots, every device signature against the register's keys, every sender "
            + "against its operators and matched hand entries, every published total re-added from the station protocols";
        console.MarkupLineInterpolated(
            $"[green bold]VERIFIED[/]: {size:N0} entries; signed tree head {shortRoot}…; {Checked}. Saved to {stateFile.Name} for the next run.");
        return new CheckRun.Done(SanooCli.Ok, head);
    }

    /// <summary>
    /// Names, in a yellow block, the entries of double-entry sources that one person entered; with --strict, or for a source whose
    /// definition requires double entry (<c>doubleEntryRequired</c>), each is a problem.
    /// </summary>
    private static void WarnSingleEntries(
        IAnsiConsole console, Verify.RegisterReplay register, Core.Definitions.Election election, bool strict, List<string> problems)
    {
        foreach (var group in register.SingleEntries.GroupBy(e => e.Source, StringComparer.Ordinal))
        {
            var entries = group.ToList();
            var title = $"{entries.Count:N0} entries of the double-entry source {group.Key} were entered by one person, not twice:";
            console.MarkupLineInterpolated($"[yellow bold]WARNING: {title}[/]");
            foreach (var e in entries.Take(20))
            {
                console.MarkupLineInterpolated($"[yellow]  entry {e.Sequence}, station {e.Station}, sent by {e.Sender}[/]");
            }
            if (entries.Count > 20)
            {
                console.MarkupLineInterpolated($"[yellow]  … and {entries.Count - 20:N0} more[/]");
            }
            var required = election.Sources.Any(s => s.Id.Value == group.Key && s.DoubleEntryRequired);
            if (strict || required)
            {
                var why = required ? "the definition requires double entry" : "--strict";
                problems.AddRange(entries.Select(e =>
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
    /// The verifier's own replay of the log: the definition's rules, a tally engine fed every entry in log order, and the register
    /// replayed beside it.
    /// </summary>
    private sealed record Replay(Core.Definitions.Election Election, Core.Tally.TallyEngine Engine, Verify.RegisterReplay Register)
    {
        /// <summary>Every version the replay counted, with the time its leaf records: what the night's progress is recomputed from.</summary>
        public List<Core.Progress.CountedVersion> Counted { get; } = [];
    }

    /// <summary>
    /// Compares the keys <c>/api/v1/keys</c> lists as current with those the register made current: the list is the server's
    /// convenience, the register the record, and they must agree.
    /// </summary>
    /// <returns>False when they differ and the register grew meanwhile (the list is newer than the head: check again).</returns>
    private static async Task<bool> CompareKeysAsync(
        IPublished origin, Contracts.TreeHead head, Verify.RegisterReplay register, List<string> problems, CancellationToken cancellationToken)
    {
        var listed = (await origin.JsonAsync("/api/v1/keys", WireJson.Default.DeviceKeys, cancellationToken)).Devices
            .ToDictionary(k => k.Station, k => k.PublicKey, StringComparer.Ordinal);
        var current = register.CurrentKeys();
        var differing = listed.Keys.Union(current.Keys).Where(s => listed.GetValueOrDefault(s) != current.GetValueOrDefault(s)).ToList();
        if (differing.Count > 0
            && (await origin.JsonAsync("/api/v1/tree-head", WireJson.Default.TreeHead, cancellationToken)).RegisterSize != head.RegisterSize)
        {
            return false;
        }
        foreach (var station in differing.Take(20))
        {
            problems.Add($"/api/v1/keys lists {listed.GetValueOrDefault(station) ?? "no key"} as station {station}'s device key; "
                + $"the register makes it {current.GetValueOrDefault(station) ?? "none"}");
        }
        return true;
    }

    private static void CheckEntry(
        LogEntry e,
        MerkleTree tree,
        Replay replay,
        List<string> problems)
    {
        var canonical = Convert.FromBase64String(e.Canonical);
        if (Convert.ToHexStringLower(SHA256.HashData(canonical)) != e.ContentHash)
        {
            problems.Add($"entry {e.Sequence} (station {e.Station}): the protocol served does not match its content hash");
        }
        var deviceSigned = Core.Definitions.SourceId.TryParse(e.Source, out var source)
            && replay.Election.TrySourceIndex(source, out var index) && replay.Election.Sources[index].Signed;
        if (deviceSigned && e.Signature.Length == 0)
        {
            problems.Add($"entry {e.Sequence} (station {e.Station}): a {e.Source} count must carry its device's signature, and this one has none");
        }
        var signature = e.Signature.Length > 0 ? Convert.FromBase64String(e.Signature) : [];
        replay.Register.CheckEntry(e, canonical, signature);
        var receivedAt = DateTimeOffset.FromUnixTimeMilliseconds(e.ReceivedAt);
        var (outcome, hash) = (WireWords.Of(e.Outcome), Convert.FromHexString(e.ContentHash));
        tree.Append(MerkleHash.Leaf(
            LogLeaf.Encode(e.Sequence, e.Station, e.Contest, e.Source, e.Version, outcome, e.Sender, hash, signature, receivedAt)));
        var derived = Rederive(replay, e, canonical, problems);
        if (derived is not null && derived != e.Outcome)
        {
            problems.Add($"entry {e.Sequence} (station {e.Station}): published as {WireWords.Of(e.Outcome)}, "
                + $"but the definition's rules and the versions before it make it {WireWords.Of(derived.Value)}");
        }
    }

    /// <summary>
    /// What the entry's outcome must be, recomputed, never taken from the server: its protocol read
    /// under the definition and applied in log order (control relations decide accepted or rejected,
    /// version order decides conflict and stale). Null when the protocol does not even read.
    /// </summary>
    private static StoredOutcome? Rederive(Replay replay, LogEntry e, byte[] canonical, List<string> problems)
    {
        if (Core.Protocols.ProtocolReader.Read(replay.Election, canonical) is not Core.Protocols.ProtocolReadResult.Ok { Checked: var read }
            || read.Protocol.Station.Value != e.Station || read.Protocol.Contest.Value != e.Contest
            || read.Protocol.Source.Value != e.Source || read.Protocol.Version != e.Version)
        {
            problems.Add($"entry {e.Sequence} (station {e.Station}): its protocol does not read under the definition, or names another slot");
            return null;
        }
        var applied = replay.Engine.Apply(read);
        if (applied is Core.Tally.ApplyOutcome.Accepted counted)
        {
            replay.Counted.Add(new(replay.Engine.Position, e.ReceivedAt, counted.Protocol, counted.Superseded));
        }
        return applied switch
        {
            Core.Tally.ApplyOutcome.Accepted => StoredOutcome.Accepted,
            Core.Tally.ApplyOutcome.Rejected => StoredOutcome.Rejected,
            Core.Tally.ApplyOutcome.Conflict => StoredOutcome.Conflict,
            Core.Tally.ApplyOutcome.Stale => StoredOutcome.Stale,
            _ => null, // an identical version again: the log never stores one (it answers with the original receipt)
        };
    }

    /// <summary>
    /// Re-adds every contest's votes at every area from the protocols the verifier's own replay
    /// counts (plain sums over the definition's map, not the engine's totals) and compares them,
    /// and the seats those protocols give, with what the server publishes at the same snapshot.
    /// </summary>
    /// <returns>False when the server published a newer snapshot meanwhile (nothing can be compared; check again).</returns>
    private static async Task<bool> CompareTotalsAsync(
        IPublished origin,
        Replay replay,
        long size,
        List<string> problems,
        CancellationToken cancellationToken)
    {
        // Seats come from the replay's tally of the verified protocols; each station's place in the map is looked up once.
        var election = replay.Election;
        var verified = replay.Engine.Freeze();
        var protocols = replay.Engine.CurrentProtocols()
            .Select(p => (
                Contest: p.Contest.Value,
                Source: p.Source.Value,
                Ordinal: election.StationOrdinal(election.AreaIndex(p.Station)),
                Protocol: p))
            .ToList();
        var bySlot = protocols.ToLookup(c => (c.Contest, c.Source));
        foreach (var plan in election.Contests)
        {
            foreach (var source in election.ResultSources)
            {
                var mine = bySlot[(plan.Contest.Id.Value, source.Id.Value)].ToDictionary(c => c.Ordinal, c => c.Protocol);
                // Each area's sums from its own stations as the definition lists them (a range of the tree, or a grouping's
                // list): linear in the map. The published area, and every child and grouping area it lists, are held to them.
                var sums = new Dictionary<string, (int Stations, long[] Votes)>(StringComparer.Ordinal);
                foreach (var areaIndex in plan.TallyAreas)
                {
                    var votes = new long[plan.Choices.Length];
                    var stations = 0;
                    foreach (var ordinal in election.StationsOf(areaIndex))
                    {
                        if (mine.TryGetValue(ordinal, out var counted))
                        {
                            stations++;
                            for (var i = 0; i < votes.Length; i++)
                            {
                                votes[i] += counted.Votes[i];
                            }
                        }
                    }
                    sums[election.Areas[areaIndex].Id.Value] = (stations, votes);
                }
                void Compare(string where, string area, int stations, IReadOnlyList<long> votes)
                {
                    if (!sums.TryGetValue(area, out var own))
                    {
                        problems.Add($"{where}: lists area {area}, which the contest is not tallied in");
                        return;
                    }
                    if (stations != own.Stations)
                    {
                        problems.Add($"{where}: {stations} stations published as reporting, {own.Stations} counted in the log");
                    }
                    for (var i = 0; i < plan.Choices.Length; i++)
                    {
                        var published = i < votes.Count ? votes[i] : -1;
                        if (published != own.Votes[i])
                        {
                            problems.Add($"{where}: {plan.Choices[i].Id} is published with {published:N0} votes, "
                                + $"but the station protocols add up to {own.Votes[i]:N0}");
                        }
                    }
                }
                foreach (var areaIndex in plan.TallyAreas)
                {
                    var area = election.Areas[areaIndex].Id.Value;
                    var query = $"/api/v1/results?contest={plan.Contest.Id}&source={source.Id}&area={area}";
                    var published = await origin.JsonAsync(query, WireJson.Default.AreaResults, cancellationToken);
                    if (published.Snapshot != size)
                    {
                        return false;
                    }
                    var here = $"{plan.Contest.Id}/{source.Id}/{area}";
                    var byId = plan.Choices.Select(c => c.Id.Value).ToList();
                    Compare(
                        here,
                        area,
                        published.Reporting.Stations,
                        [.. byId.Select(id => published.Choices.FirstOrDefault(c => c.Id == id)?.Votes ?? -1)]);
                    foreach (var child in published.Children.Concat(published.Groupings))
                    {
                        Compare($"{here}, its listed area {child.Id}", child.Id, child.Reporting.Stations, child.Votes);
                    }
                    if (areaIndex == plan.AreaIndex && published.Seats is { } seats)
                    {
                        var mineSeats = Core.Seats.ContestSeats.PartyList(plan, verified, source.Id);
                        foreach (var party in seats.Parties)
                        {
                            var id = new Core.Definitions.ChoiceId(party.Id);
                            if (party.Seats != mineSeats.SeatsOf(id))
                            {
                                problems.Add($"{plan.Contest.Id}/{source.Id}: {id} is published with {party.Seats} seats, "
                                    + $"but the verified protocols give {mineSeats.SeatsOf(id)}");
                            }
                        }
                    }
                }
            }
        }
        return true;
    }

    /// <summary>
    /// Recomputes the main contest's count through the night over its whole area from the replay's counted versions and their
    /// received times (docs/site.md), and compares every point of every count source with what the server publishes at the same
    /// snapshot.
    /// </summary>
    /// <returns>False when the server published a newer snapshot meanwhile.</returns>
    private static async Task<bool> CompareProgressAsync(
        IPublished origin, Replay replay, long size, List<string> problems, CancellationToken cancellationToken)
    {
        var election = replay.Election;
        var plan = election.DefaultContest;
        var area = plan.Contest.Area;
        var published = await origin.JsonAsync(
            $"/api/v1/progress?contest={plan.Contest.Id}&area={area}", WireJson.Default.ProgressReport, cancellationToken);
        if (published.Snapshot != size)
        {
            return false;
        }
        var verified = replay.Engine.Freeze();
        foreach (var source in election.ResultSources)
        {
            var mine = Core.Progress.NightProgress.Of(verified, plan, source.Id, area, replay.Counted)!;
            var where = $"progress {plan.Contest.Id}/{source.Id}/{area}";
            if (published.Sources.FirstOrDefault(s => s.Source == source.Id.Value) is not { } theirs)
            {
                problems.Add($"{where}: not published");
                continue;
            }
            if (theirs.BinSeconds != mine.BinSeconds || theirs.Points.Count != mine.Points.Length)
            {
                problems.Add($"{where}: published as {theirs.Points.Count} points of {theirs.BinSeconds} s, "
                    + $"the log's versions and times give {mine.Points.Length} of {mine.BinSeconds} s");
                continue;
            }
            var differs = mine.Points.Select((p, i) => (Mine: p, Theirs: theirs.Points[i])).FirstOrDefault(pair =>
                pair.Mine.At != pair.Theirs.At || pair.Mine.StationsReporting != pair.Theirs.Reporting
                || pair.Mine.Participation != pair.Theirs.Participation || !pair.Mine.Votes.SequenceEqual(pair.Theirs.Votes));
            if (differs.Mine is { } point)
            {
                problems.Add($"{where}: the point at {point.At:O} is published as {differs.Theirs.Reporting} stations and "
                    + $"{differs.Theirs.Participation:N0} voters; the log gives {point.StationsReporting} and {point.Participation:N0}");
            }
        }
        return true;
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
