using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Json;
using NSec.Cryptography;
using Sanoo.Cli.Input;
using Sanoo.Core.Definitions;
using Sanoo.Storage;
using Sanoo.Storage.Access;
using Spectre.Console;

namespace Sanoo.Cli.Commands;

/// <summary>
/// Who may write: <c>sanoo keys new</c> makes a station device's Ed25519 key pair, <c>sanoo keys
/// enrol</c> registers its public key with the store the server uses, <c>sanoo operators
/// add</c> creates a commission operator and prints their token once (only its hash is stored), and <c>sanoo operators
/// revoke</c> ends an operator's token in the register.
/// </summary>
public static class AccessCommands
{
    /// <summary>The <c>keys</c> command with <c>new</c> and <c>enrol</c>.</summary>
    public static Command Keys(IAnsiConsole console)
    {
        var station = new Option<string?>("--station") { Description = "The polling station the device counts for." };
        var commission = new Option<bool>("--commission")
        {
            Description = "Make the commission's key, which signs the server's tree heads (sanoo serve --signing-key).",
        };
        var output = new Option<FileInfo>("--out")
        {
            Description = "Where to write the private key file (keep it on the device, or the server, only).",
            Required = true,
        };
        var create = new Command(
            "new", "Make a station device's (or the commission's) key pair: writes the private key file and prints the public key.")
        {
            station, commission, output,
        };
        create.Validators.Add(r =>
        {
            if ((r.GetValue(station) is null) == !r.GetValue(commission))
            {
                r.AddError("Give either --station ID (a device key) or --commission (the key that signs tree heads).");
            }
        });
        create.SetAction(r => NewKey(console, r.GetValue(station) ?? "commission", r.GetValue(output)!));

        var db = StoreOptions.Database(required: true);
        var enrolStation = new Option<string?>("--station") { Description = "The station." };
        var publicKey = new Option<string?>("--public-key") { Description = "The device's public key (base64, as 'sanoo keys new' printed it)." };
        var keysFile = new Option<FileInfo?>("--keys")
        {
            Description = "Enrol many devices at once from a JSON Lines file, one {\"station\": \"ID\", \"publicKey\": \"BASE64\"} a line "
                + "(as 'sanoo generate kg-2021' writes devices.jsonl); all or none are enrolled.",
        };
        var by = new Option<string>("--by") { Description = "Who enrols it, for the record.", DefaultValueFactory = _ => Environment.UserName };
        var commissionKey = new Option<FileInfo?>("--commission-key", "--signing-key")
        {
            Description = "The commission's key file (sanoo keys new --commission): its public key is never enrolled for a device.",
        };
        var enrol = new Command("enrol", "Register a station device's public key with the store; it replaces the station's earlier key.")
        {
            db, enrolStation, publicKey, keysFile, by, commissionKey,
        };
        enrol.Validators.Add(r =>
        {
            var one = (Station: r.GetValue(enrolStation), Key: r.GetValue(publicKey));
            if (r.GetValue(keysFile) is null ? one.Station is null || one.Key is null : (one.Station ?? one.Key) is not null)
            {
                r.AddError("Give either --station ID --public-key KEY (one device) or --keys FILE (many).");
            }
        });
        enrol.SetAction((r, ct) => r.GetValue(keysFile) is { } file
            ? EnrolFileAsync(console, r.GetValue(db)!, file, r.GetValue(by)!, r.GetValue(commissionKey), ct)
            : EnrolAsync(
                console,
                r.GetValue(db)!,
                new Enrolment(r.GetValue(enrolStation)!, r.GetValue(publicKey)!, r.GetValue(by)!, r.GetValue(commissionKey)),
                ct));
        var revokeStation = new Option<string>("--station") { Description = "The station whose device key is revoked.", Required = true };
        var revoke = Revocation(
            "Revoke a station's device key (lost, stolen, compromised): from the next entry on, nothing it signs is taken; the revocation is a "
                + "register record every observer sees.",
            db, revokeStation, "lost, stolen, compromised", (store, station, reason, by, ct) => RevokeAsync(console, store, station, reason, by, ct));
        return new Command("keys", "Station device keys (Ed25519).") { create, enrol, revoke };
    }

    private static Task<int> RevokeAsync(
        IAnsiConsole console, string db, string station, string reason, string by, CancellationToken cancellationToken) =>
        RevokeInStoreAsync(console, db, reason, "key", async (store, ct) =>
        {
            if (await AreaCheckAsync(store, station, district: false, ct) is { } problem)
            {
                throw new StoreException(problem);
            }
            var revoked = await store.RevokeDeviceAsync(new AreaId(station), reason, by, ct);
            return $"Revoked the device key {Convert.ToBase64String(revoked)} of station {station} in {store.Description}: a running server "
                + "refuses what it signs from its next decision on. Enrol the station's new key with sanoo keys enrol.";
        }, cancellationToken);

    /// <summary>Whether a revocation's <c>--reason</c> is published text that says why; if not, says what is wrong.</summary>
    private static bool ReasonIsSound(IAnsiConsole console, string reason, string what)
    {
        if ((reason.Trim().Length == 0 ? $"is empty; say why the {what} is revoked" : Core.Json.FreeText.ProblemWithText(reason)) is { } problem)
        {
            console.MarkupLineInterpolated($"[red]--reason {problem}.[/]");
            return false;
        }
        return true;
    }

    /// <summary>The <c>operators revoke</c> command.</summary>
    private static Command RevokeOperator(IAnsiConsole console, Option<string> db) => Revocation(
        "Revoke an operator's, observer's or party agent's token (leaked, or they left): from this register record on the server "
            + "refuses it and records nothing more in their name; the verifier holds every later act to it.",
        db,
        new Option<string>("--name") { Description = "The operator's (observer's, party agent's) name.", Required = true },
        "the token leaked, the operator left",
        (store, name, reason, by, ct) => RevokeOperatorAsync(console, store, name, reason, by, ct));

    /// <summary>
    /// A <c>revoke</c> command (of keys, operators, witnesses): the store, <paramref name="whose"/> (what is revoked), a
    /// <c>--reason</c> and a <c>--by</c> for the published record, handed to <paramref name="act"/> in that order.
    /// </summary>
    internal static Command Revocation(
        string description,
        Option<string> db,
        Option<string> whose,
        string reasons,
        Func<string, string, string, string, CancellationToken, Task<int>> act)
    {
        var reason = new Option<string>("--reason")
        {
            Description = $"Why, in the commission's words (published in the register): {reasons} …",
            Required = true,
        };
        var by = new Option<string>("--by")
        {
            Description = "Who revokes it, for the record (published in the register).",
            DefaultValueFactory = _ => Environment.UserName,
        };
        var revoke = new Command("revoke", description) { db, whose, reason, by };
        revoke.SetAction((r, ct) => act(r.GetValue(db)!, r.GetValue(whose)!, r.GetValue(reason)!, r.GetValue(by)!, ct));
        return revoke;
    }

    private static Task<int> RevokeOperatorAsync(
        IAnsiConsole console, string db, string name, string reason, string by, CancellationToken cancellationToken) =>
        RevokeInStoreAsync(console, db, reason, "token", async (store, ct) =>
        {
            var revoked = await store.RevokeOperatorAsync(name, reason, by, ct);
            return $"Revoked operator {name}'s token in {store.Description} (register record {revoked.Sequence}): a running server "
                + "refuses it within seconds, and nothing more is recorded in their name. If they are to go on, enrol them under a new "
                + "name with sanoo operators add.";
        }, cancellationToken);

    /// <summary>
    /// Runs a revocation (of a device key, an operator's token, a witness): the <c>--reason</c> checked (<paramref name="what"/> is what
    /// it revokes), the store opened and given to <paramref name="revoke"/>, whose answer is printed; a refusal of the store (none
    /// enrolled, or revoked already, or no such station) is printed in red.
    /// </summary>
    internal static async Task<int> RevokeInStoreAsync(
        IAnsiConsole console, string db, string reason, string what, Func<IProtocolStore, CancellationToken, Task<string>> revoke,
        CancellationToken cancellationToken)
    {
        if (!ReasonIsSound(console, reason, what))
        {
            return SanooCli.BadInput;
        }
        try
        {
            await using var store = await StoreAddress.OpenAsync(db, cancellationToken);
            console.MarkupLine(Markup.Escape(await revoke(store, cancellationToken)));
            return SanooCli.Ok;
        }
        catch (StoreException e)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return SanooCli.BadInput;
        }
    }

    /// <summary>The <c>operators</c> command with <c>add</c> and <c>revoke</c>.</summary>
    public static Command Operators(IAnsiConsole console)
    {
        var db = StoreOptions.Database(required: true);
        var name = new Option<string>("--name")
        {
            Description = "The operator's unique name (recorded as the sender of what they enter): 1 to 64 letters, digits, '.', '_', '-' "
                + "and spaces inside.",
            Required = true,
        };
        var role = new Option<string>("--role")
        {
            Description = "district (one district's stations), admin (all stations), observer (files reports), or party-agent "
                + "(files reports and enters its party's copies of the protocols).",
            Required = true,
        };
        role.AcceptOnlyFromAmong("district", "admin", ReporterEnrolment.Observer, ReporterEnrolment.PartyAgent);
        var district = new Option<string?>("--district") { Description = "The district's id, for --role district." };
        var area = new Option<string?>("--area")
        {
            Description = "An observer's or party agent's accreditation: an area of the map at any level (none: the whole election).",
        };
        var party = new Option<string?>("--party") { Description = "A party agent's party: its choice id in the definition." };
        var add = new Command("add", "Create an operator and print their token once; only its hash is stored.")
        {
            db, name, role, district, area, party,
        };
        add.SetAction((r, ct) => ReporterEnrolment.Is(r.GetValue(role)!)
            ? ReporterEnrolment.AddAsync(console, r.GetValue(db)!, r.GetValue(name)!, r.GetValue(role)!, r.GetValue(area), r.GetValue(party), ct)
            : AddOperatorAsync(console, r.GetValue(db)!, r.GetValue(name)!, r.GetValue(role)!, r.GetValue(district), ct));
        return new Command("operators", "Commission operators who enter hand counts and corrections, and accredited observers.")
        {
            add, RevokeOperator(console, db),
        };
    }

    /// <summary>
    /// Makes an Ed25519 key pair for <paramref name="owner"/> and writes it to <paramref name="output"/>, readable by its owner only.
    /// </summary>
    internal static DeviceKeyFile WriteKeyFile(string owner, FileInfo output) =>
        WriteKeyFile(output, (privateKey, publicKey) => new DeviceKeyFile(owner, privateKey, publicKey));

    /// <summary>
    /// Makes an Ed25519 key pair and writes the file <paramref name="record"/> makes of it (private and public key, base64) to
    /// <paramref name="output"/>, readable by its owner only: the one way every key file (device, commission, witness) is made.
    /// </summary>
    internal static T WriteKeyFile<T>(FileInfo output, Func<string, string, T> record)
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var file = record(
            Convert.ToBase64String(key.Export(KeyBlobFormat.RawPrivateKey)),
            Convert.ToBase64String(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)));
        File.WriteAllText(output.FullName, JsonSerializer.Serialize(file));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(output.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return file;
    }

    private static int NewKey(IAnsiConsole console, string station, FileInfo output)
    {
        if (output.Exists)
        {
            console.MarkupLineInterpolated($"[red]{output.FullName} exists; a key file is never overwritten. Choose another path.[/]");
            return SanooCli.BadInput;
        }
        var file = WriteKeyFile(station, output);
        console.MarkupLineInterpolated($"Wrote the private key of station {station}'s device to {output.FullName} (readable by you only).");
        console.MarkupLineInterpolated($"Public key, to enrol: [bold]{file.PublicKey}[/]");
        console.WriteLine(file.PublicKey);
        return SanooCli.Ok;
    }

    /// <summary>What <c>sanoo keys enrol</c> was asked: the station, its device's public key (base64), who enrols it, and the
    /// commission's key file when given.</summary>
    private sealed record Enrolment(string Station, string PublicKey, string By, FileInfo? CommissionKey);

    /// <summary>The 32 bytes of an Ed25519 public key written in base64, or null when the text is not one.</summary>
    internal static byte[]? Ed25519PublicKey(string base64)
    {
        try
        {
            return Convert.FromBase64String(base64) is { Length: 32 } raw ? raw : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static async Task<int> EnrolAsync(IAnsiConsole console, string db, Enrolment asked, CancellationToken cancellationToken)
    {
        var (station, publicKey, by) = (asked.Station, asked.PublicKey, asked.By);
        if (Ed25519PublicKey(publicKey) is not { } raw)
        {
            console.MarkupLine("[red]--public-key must be a 32-byte Ed25519 public key in base64, as 'sanoo keys new' prints it.[/]");
            return SanooCli.BadInput;
        }
        try
        {
            await using var store = await StoreAddress.OpenAsync(db, cancellationToken);
            if (await AreaCheckAsync(store, station, district: false, cancellationToken) is { } problem)
            {
                console.MarkupLineInterpolated($"[red]{problem}[/]");
                return SanooCli.BadInput;
            }
            if (await KeyProblemAsync(store, db, station, raw, asked.CommissionKey, cancellationToken) is { } keyProblem)
            {
                console.MarkupLineInterpolated($"[red]{keyProblem}[/]");
                return SanooCli.BadInput;
            }
            await store.EnrolDeviceAsync(new DeviceKey(new AreaId(station), raw, DateTimeOffset.UtcNow, by), cancellationToken);
            console.MarkupLineInterpolated(
                $"Enrolled the device key of station {station} in {store.Description}; a running server accepts its signatures within seconds.");
            return SanooCli.Ok;
        }
        catch (StoreException e)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return SanooCli.BadInput;
        }
        catch (Exception e) when (e is JsonException or FormatException or IOException or ArgumentNullException)
        {
            console.MarkupLineInterpolated($"[red]Cannot read the commission's key or the kept tree head: {e.Message}[/]");
            return SanooCli.BadInput;
        }
    }

    /// <summary>Enrols every device key of <paramref name="file"/> (<see cref="DeviceKeyList"/>) in one go, or none if any is wrong.</summary>
    private static async Task<int> EnrolFileAsync(
        IAnsiConsole console, string db, FileInfo file, string by, FileInfo? commissionKey, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            console.MarkupLineInterpolated($"[red]Device keys file {file.FullName} does not exist.[/]");
            return SanooCli.BadInput;
        }
        try
        {
            await using var store = await StoreAddress.OpenAsync(db, cancellationToken);
            if (await store.ReadDefinitionAsync(cancellationToken) is not { } stored)
            {
                console.MarkupLineInterpolated($"[red]{store.Description} holds no election yet: ingest or serve with --definition first.[/]");
                return SanooCli.BadInput;
            }
            var election = ((DefinitionResult.Loaded)DefinitionReader.Read(stored.Definition)).Election;
            var commission = await CommissionKeysAsync(db, commissionKey, cancellationToken);
            var enrolled = await store.ReadDeviceKeysAsync(0, cancellationToken);
            var (keys, problems) = DeviceKeyList.Read(file, election, commission, enrolled, by, DateTimeOffset.UtcNow);
            if (problems.Count > 0)
            {
                foreach (var problem in problems.Take(20))
                {
                    console.MarkupLineInterpolated($"[red]{problem}[/]");
                }
                var shown = problems.Count > 20 ? " (the first 20 shown)" : "";
                console.MarkupLineInterpolated($"[red]{problems.Count} problem(s) in {file.FullName}{shown}; nothing enrolled.[/]");
                return SanooCli.BadInput;
            }
            foreach (var chunk in keys.Chunk(10_000))
            {
                await store.EnrolDevicesAsync(chunk, cancellationToken); // one transaction per 10,000 devices
            }
            console.MarkupLineInterpolated($"Enrolled {keys.Count:N0} device keys from {file.Name} in {store.Description}.");
            return SanooCli.Ok;
        }
        catch (StoreException e)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return SanooCli.BadInput;
        }
        catch (Exception e) when (e is JsonException or FormatException or IOException or ArgumentNullException)
        {
            console.MarkupLineInterpolated($"[red]Cannot read {file.FullName}, the commission's key or the kept tree head: {e.Message}[/]");
            return SanooCli.BadInput;
        }
    }

    private static async Task<int> AddOperatorAsync(
        IAnsiConsole console, string db, string name, string role, string? district, CancellationToken cancellationToken)
    {
        if ((role == "district") != (district is not null))
        {
            console.MarkupLine("[red]A district operator needs --district ID; an admin takes none.[/]");
            return SanooCli.BadInput;
        }
        if (OperatorName.Problem(name) is { } badName)
        {
            console.MarkupLineInterpolated($"[red]--name: {badName}[/]");
            return SanooCli.BadInput;
        }
        try
        {
            await using var store = await StoreAddress.OpenAsync(db, cancellationToken);
            if (district is not null && await AreaCheckAsync(store, district, district: true, cancellationToken) is { } problem)
            {
                console.MarkupLineInterpolated($"[red]{problem}[/]");
                return SanooCli.BadInput;
            }
            var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            var tokenHash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token));
            var areaId = district is null ? (AreaId?)null : new AreaId(district); // checked above: a district of the election
            await store.AddOperatorAsync(new Operator(name, role == "admin" ? OperatorRole.Admin : OperatorRole.District, areaId, tokenHash),
                cancellationToken);
            console.MarkupLineInterpolated(
                $"Created operator {name} ({role}{
                    (district is null ? "" : $" of {district}")}). Their token, shown this once (send it as 'Authorization: Bearer TOKEN'):");
            console.WriteLine(token);
            return SanooCli.Ok;
        }
        catch (StoreException e)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return SanooCli.BadInput;
        }
    }

    /// <summary>
    /// Why <paramref name="publicKey"/> may not be a device key of <paramref name="station"/>: it is the commission's (from
    /// <paramref name="commissionKey"/>, or the key that signed the tree head kept beside the store), or it is, or was, enrolled
    /// for another station, whose signatures it would then also make. Null when it may.
    /// </summary>
    private static async Task<string?> KeyProblemAsync(
        IProtocolStore store, string db, string station, byte[] publicKey, FileInfo? commissionKey, CancellationToken cancellationToken)
    {
        var commission = await CommissionKeysAsync(db, commissionKey, cancellationToken);
        if (commission.FirstOrDefault(c => c.Key.AsSpan().SequenceEqual(publicKey)) is { Where: { } where })
        {
            return $"This public key is the commission's (the key in {where}), which signs tree heads; a device needs a key of its own "
                + "(sanoo keys new --station ID).";
        }
        var other = (await store.ReadDeviceKeysAsync(0, cancellationToken))
            .FirstOrDefault(k => k.Station.Value != station && k.PublicKey.AsSpan().SequenceEqual(publicKey));
        return other is null
            ? null
            : $"This public key is already enrolled for station {other.Station} (by {other.EnrolledBy}); one key signs for one station only. "
                + $"Make a key for {station} with sanoo keys new --station {station}.";
    }

    /// <summary>
    /// The commission's public keys known beside <paramref name="db"/>: the one in <paramref name="commissionKey"/> when given, and
    /// the one that signed the tree head kept beside an SQLite store; each with the file it came from.
    /// </summary>
    internal static async Task<IReadOnlyList<(string Where, byte[] Key)>> CommissionKeysAsync(
        string db, FileInfo? commissionKey, CancellationToken cancellationToken)
    {
        var commission = new List<(string Where, byte[] Key)>();
        if (commissionKey is not null)
        {
            var file = JsonSerializer.Deserialize<DeviceKeyFile>(await File.ReadAllTextAsync(commissionKey.FullName, cancellationToken));
            commission.Add((commissionKey.FullName, Convert.FromBase64String(file!.PublicKey)));
        }
        if (StoreAddress.DefaultTreeHeadFile(db) is { } headFile && File.Exists(headFile))
        {
            var head = JsonSerializer.Deserialize(await File.ReadAllBytesAsync(headFile, cancellationToken), Contracts.WireJson.Default.TreeHead);
            commission.Add((headFile, Convert.FromBase64String(head!.PublicKey)));
        }
        return commission;
    }

    /// <summary>Null when <paramref name="id"/> is a station of the stored election (or, for a district operator, an area above the
    /// stations); else what is wrong.</summary>
    private static async Task<string?> AreaCheckAsync(IProtocolStore store, string id, bool district, CancellationToken cancellationToken)
    {
        if (await store.ReadDefinitionAsync(cancellationToken) is not { } stored)
        {
            return $"{store.Description} holds no election yet: ingest or serve with --definition first.";
        }
        var election = ((DefinitionResult.Loaded)DefinitionReader.Read(stored.Definition)).Election;
        return AreaId.TryParse(id, out var areaId) && election.Area(areaId) is { } area && area.IsStation != district
            ? null
            : $"'{id}' is not {(district ? "an area above the polling stations" : "a polling station")} of election {election.Id}.";
    }
}
