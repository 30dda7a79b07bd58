using System.CommandLine;
using System.Text.Json;
using Sanoo.Storage;
using Sanoo.Storage.Access;
using Spectre.Console;

namespace Sanoo.Cli.Commands;

/// <summary>
/// The commission's side of witnessing: <c>sanoo witnesses enrol</c> records an independent witness (an observer mission, a
/// party, a newsroom) and its Ed25519 public key in the register, so the server accepts its cosignatures of tree heads;
/// <c>sanoo witnesses revoke</c> ends an enrolment (a <c>witness-revoked</c> register record: no head signed after it is cosigned
/// by that witness); <c>sanoo witnesses list</c> shows who is enrolled and who was revoked. The witness makes its key itself
/// (<c>sanoo witness keygen</c>).
/// </summary>
public static class WitnessesCommand
{
    /// <summary>The <c>witnesses</c> command with <c>enrol</c>, <c>revoke</c> and <c>list</c>.</summary>
    public static Command Create(IAnsiConsole console)
    {
        var db = StoreOptions.Database(required: true);
        var name = new Option<string>("--name")
        {
            Description = "The witness's name as it will be published: 1 to 64 letters, digits, '.', '_', '-' and spaces inside.",
            Required = true,
        };
        var publicKey = new Option<string>("--public-key")
        {
            Description = "The witness's Ed25519 public key (base64, as 'sanoo witness keygen' printed it).",
            Required = true,
        };
        var by = new Option<string>("--by") { Description = "Who enrols it, for the record.", DefaultValueFactory = _ => Environment.UserName };
        var commissionKey = new Option<FileInfo?>("--commission-key", "--signing-key")
        {
            Description = "The commission's key file: its public key is never enrolled for a witness.",
        };
        var enrol = new Command("enrol", "Enrol an independent witness whose cosignatures of tree heads the server accepts and publishes.")
        {
            db, name, publicKey, by, commissionKey,
        };
        enrol.SetAction((r, ct) => EnrolAsync(
            console, r.GetValue(db)!, r.GetValue(name)!, r.GetValue(publicKey)!, r.GetValue(by)!, r.GetValue(commissionKey), ct));
        var listDb = StoreOptions.Database(required: true);
        var list = new Command("list", "List the enrolled witnesses.") { listDb };
        list.SetAction((r, ct) => ListAsync(console, r.GetValue(listDb)!, ct));
        var revoke = AccessCommands.Revocation(
            "Revoke a witness (its key leaked, the mission withdrew or is found not independent): from this register record on the "
                + "server accepts and lists no cosignature of a head signed after it, and a verifier names one as forged; its earlier "
                + "cosignatures stay, marked.",
            StoreOptions.Database(required: true),
            new Option<string>("--name") { Description = "The witness's name, as enrolled.", Required = true },
            "the mission's key leaked, the mission withdrew",
            (store, witness, reason, revokedBy, ct) => RevokeAsync(console, store, witness, reason, revokedBy, ct));
        return new Command("witnesses", "Independent witnesses who verify and cosign the tree heads (the commission's side).")
        {
            enrol, revoke, list,
        };
    }

    private static Task<int> RevokeAsync(
        IAnsiConsole console, string db, string name, string reason, string by, CancellationToken cancellationToken) =>
        AccessCommands.RevokeInStoreAsync(console, db, reason, "witness", async (store, ct) =>
        {
            var revoked = await store.RevokeWitnessAsync(name, reason, by, ct);
            return $"Revoked witness {name} (key {Convert.ToBase64String(revoked.PublicKey.AsSpan())}) in {store.Description} (register "
                + $"record {revoked.Sequence}): a running server accepts and lists no cosignature of a head signed after it. If the "
                + "mission goes on, enrol it under a new name with a new key.";
        }, cancellationToken);

    private static async Task<int> EnrolAsync(
        IAnsiConsole console, string db, string name, string publicKey, string by, FileInfo? commissionKey, CancellationToken cancellationToken)
    {
        if (OperatorName.Problem(name) is { } badName)
        {
            console.MarkupLineInterpolated($"[red]--name: {badName.Replace("An operator's name", "A witness's name", StringComparison.Ordinal)}[/]");
            return SanooCli.BadInput;
        }
        if (AccessCommands.Ed25519PublicKey(publicKey) is not { } raw)
        {
            console.MarkupLine("[red]--public-key must be a 32-byte Ed25519 public key in base64, as 'sanoo witness keygen' prints it.[/]");
            return SanooCli.BadInput;
        }
        try
        {
            var commission = await AccessCommands.CommissionKeysAsync(db, commissionKey, cancellationToken);
            if (commission.FirstOrDefault(c => c.Key.AsSpan().SequenceEqual(raw)) is { Where: { } where })
            {
                console.MarkupLineInterpolated(
                    $"[red]This public key is the commission's (the key in {where}): a witness checks the commission, so it needs its own.[/]");
                return SanooCli.BadInput;
            }
            await using var store = await StoreAddress.OpenAsync(db, cancellationToken);
            if ((await store.ReadWitnessesAsync(cancellationToken)).FirstOrDefault(w => w.PublicKey.AsSpan().SequenceEqual(raw)) is { } same)
            {
                console.MarkupLineInterpolated($"[red]This public key is already enrolled for witness {same.Name}; each witness needs its own.[/]");
                return SanooCli.BadInput;
            }
            if ((await store.ReadDeviceKeysAsync(0, cancellationToken)).FirstOrDefault(k => k.PublicKey.AsSpan().SequenceEqual(raw)) is { } device)
            {
                console.MarkupLineInterpolated($"[red]This public key is the device key of station {device.Station}; a witness needs its own.[/]");
                return SanooCli.BadInput;
            }
            await store.EnrolWitnessAsync(new Witness(name, raw, DateTimeOffset.UtcNow, by), cancellationToken);
            console.MarkupLineInterpolated(
                $"Enrolled witness {name} in {store.Description}: the server accepts its cosignatures now; the next tree head covers it.");
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

    private static async Task<int> ListAsync(IAnsiConsole console, string db, CancellationToken cancellationToken)
    {
        try
        {
            await using var store = await StoreAddress.OpenAsync(db, cancellationToken);
            var witnesses = await store.ReadWitnessesAsync(cancellationToken);
            if (witnesses.Count == 0)
            {
                console.MarkupLineInterpolated($"No witness is enrolled in {store.Description}.");
                return SanooCli.Ok;
            }
            var table = new Table().AddColumns("Witness", "Public key", "Enrolled (UTC)", "By", "Revoked");
            foreach (var w in witnesses)
            {
                table.AddRow(
                    Markup.Escape(w.Name),
                    Convert.ToBase64String(w.PublicKey),
                    w.EnrolledAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                    Markup.Escape(w.EnrolledBy),
                    w.RevokedBy is { } record ? $"by register record {record}" : "");
            }
            console.Write(table);
            return SanooCli.Ok;
        }
        catch (StoreException e)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return SanooCli.BadInput;
        }
    }
}
