using System.CommandLine;
using System.Net.Http.Json;
using System.Text.Json;
using NSec.Cryptography;
using Sanoo.Contracts;
using Sanoo.Web.PublicApi;
using Spectre.Console;

namespace Sanoo.Cli.Commands;

/// <summary>
/// <c>sanoo witness --url URL --key FILE</c>: what an independent witness runs. It follows the server as <c>sanoo verify
/// --follow</c> does and, for each tree head that verified (signature, consistency with the last one, every entry, signature
/// and total), signs the head's exact signed bytes with its own key and posts the cosignature to the server, which publishes
/// it. It never cosigns a head that did not verify, and stops with an alarm when shown a head of a size it already cosigned
/// with another root. <c>sanoo witness keygen</c> makes its key.
/// </summary>
public static class WitnessCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(IAnsiConsole console)
    {
        var url = new Option<string?>("--url") { Description = "The server's public URL." };
        var keyFile = new Option<FileInfo?>("--key") { Description = "The witness's key file (sanoo witness keygen)." };
        var name = new Option<string?>("--name") { Description = "The name the commission enrolled the witness under (default: the key file's)." };
        var commission = new Option<string?>("--commission-key")
        {
            Description = "The commission's public key (base64) to pin; without it the key the server names is used, with a warning.",
        };
        var definition = new Option<string?>("--definition-sha256")
        {
            Description = "The SHA-256 (hex) of the election definition published before election day; any other definition is refused.",
        };
        var state = new Option<FileInfo>("--state")
        {
            Description = "What the witness cosigned (and, in FILE.verify.json, the head it last verified).",
            DefaultValueFactory = _ => new FileInfo("sanoo-witness-state.json"),
        };
        var interval = new Option<double>("--interval") { Description = "Seconds between checks.", DefaultValueFactory = _ => 10 };
        var rounds = new Option<int>("--rounds") { Description = "Stop after this many checks (0: until Ctrl+C).", DefaultValueFactory = _ => 0 };
        var command = new Command(
            "witness",
            "Witness a server: verify each new tree head as sanoo verify does, and cosign and post only the heads that verified.")
        {
            url, keyFile, name, commission, definition, state, interval, rounds, Keygen(console),
        };
        command.Validators.Add(r =>
        {
            if (r.GetValue(url) is null || r.GetValue(keyFile) is null)
            {
                r.AddError("Give --url (the server) and --key (the witness's key file, made with sanoo witness keygen).");
            }
        });
        command.SetAction((r, ct) => RunAsync(console, new Run(
            new Uri(r.GetValue(url)!),
            r.GetValue(keyFile)!,
            r.GetValue(name),
            new VerifyCommand.Pins(r.GetValue(commission), r.GetValue(definition)?.Trim().ToLowerInvariant()),
            r.GetValue(state)!,
            TimeSpan.FromSeconds(r.GetValue(interval)),
            r.GetValue(rounds)), ct));
        return command;
    }

    /// <summary>What <c>sanoo witness</c> was asked.</summary>
    private sealed record Run(
        Uri Url, FileInfo Key, string? Name, VerifyCommand.Pins Pins, FileInfo State, TimeSpan Interval, int Rounds);

    private static Command Keygen(IAnsiConsole console)
    {
        var output = new Option<FileInfo>("--out")
        {
            Description = "Where to write the private key file (keep it on the witness's machine).",
            Required = true,
        };
        var name = new Option<string?>("--name") { Description = "The name the witness will be enrolled under (optional)." };
        var keygen = new Command("keygen", "Make a witness's Ed25519 key pair: writes the private key file and prints the public key to enrol.")
        {
            output, name,
        };
        keygen.SetAction(r =>
        {
            var file = r.GetValue(output)!;
            if (file.Exists)
            {
                console.MarkupLineInterpolated($"[red]{file.FullName} exists; a key file is never overwritten. Choose another path.[/]");
                return SanooCli.BadInput;
            }
            var written = AccessCommands.WriteKeyFile(file, (privateKey, publicKey) => new WitnessKeyFile(r.GetValue(name), privateKey, publicKey));
            console.MarkupLineInterpolated($"Wrote the witness's private key to {file.FullName} (readable by you only).");
            console.MarkupLineInterpolated($"Public key, for the commission to enrol (sanoo witnesses enrol): [bold]{written.PublicKey}[/]");
            console.WriteLine(written.PublicKey);
            return SanooCli.Ok;
        });
        return keygen;
    }

    private static async Task<int> RunAsync(IAnsiConsole console, Run run, CancellationToken cancellationToken)
    {
        WitnessKeyFile file;
        Key key;
        try
        {
            file = JsonSerializer.Deserialize<WitnessKeyFile>(await File.ReadAllTextAsync(run.Key.FullName, cancellationToken))
                ?? throw new JsonException("the key file holds null");
            key = Key.Import(SignatureAlgorithm.Ed25519, Convert.FromBase64String(file.PrivateKey), KeyBlobFormat.RawPrivateKey);
        }
        catch (Exception e) when (e is IOException or JsonException or FormatException or ArgumentException)
        {
            console.MarkupLineInterpolated($"[red]Cannot read the witness's key file {run.Key.FullName}: {e.Message}[/]");
            return SanooCli.BadInput;
        }
        using (key)
        {
            if ((run.Name ?? file.Witness) is not { } name)
            {
                console.MarkupLine("[red]Give --name: the name the commission enrolled this witness under.[/]");
                return SanooCli.BadInput;
            }
            using var poster = new HttpClient { BaseAddress = run.Url, Timeout = TimeSpan.FromMinutes(1) };
            var witness = new Cosigner(console, poster, key, name, run.State);
            try
            {
                var code = await VerifyCommand.FollowAsync(
                    console,
                    () => new VerifyCommand.Server(new HttpClient { BaseAddress = run.Url, Timeout = TimeSpan.FromMinutes(2) }),
                    run.Pins,
                    new FileInfo(run.State.FullName + ".verify.json"),
                    follow: run.Rounds != 1,
                    run.Interval,
                    Math.Max(0, run.Rounds - 1),
                    cancellationToken,
                    witness.CosignAsync);
                if (code == VerifyCommand.Mismatch)
                {
                    await witness.RepeatLastAsync(cancellationToken);
                }
                return code;
            }
            catch (Cosigner.Alarm alarm)
            {
                console.MarkupLineInterpolated($"[red bold]ALARM: {alarm.Message}[/]");
                console.MarkupLine("[red]Nothing was cosigned. Keep the state file and this output as evidence.[/]");
                return VerifyCommand.Mismatch;
            }
        }
    }

    /// <summary>Signs and posts each verified head; throws <see cref="Alarm"/> at a head of a size cosigned before with another root.</summary>
    private sealed class Cosigner(IAnsiConsole console, HttpClient server, Key key, string name, FileInfo stateFile)
    {
        private const string Path = "/api/v1/cosignatures";

        public async Task CosignAsync(TreeHead head, CancellationToken cancellationToken)
        {
            var state = await WitnessState.ReadAsync(stateFile, cancellationToken);
            if (state.OtherRoot(head.TreeSize, head.RootHash) is { } earlier)
            {
                // Tell the server too: its own record may have been lost; with the register root it can check this signature and publish the alarm.
                using var told = await server.PostAsJsonAsync(Path, earlier, WireJson.Default.CosignatureRequest, cancellationToken);
                throw new Alarm($"the server shows a head of {head.TreeSize} entries with root {head.RootHash}, but this witness cosigned "
                    + $"a head of that size with root {earlier.RootHash} (signed by the commission at {earlier.Timestamp}): "
                    + "the log was forked or rewritten.");
            }
            var signed = TransparencyJson.Head(head);
            var cosignature = new CosignatureRequest(name, head.TreeSize, head.RegisterSize, head.Timestamp, head.RootHash,
                Convert.ToBase64String(SignatureAlgorithm.Ed25519.Sign(key, signed.Head.SignedBytes())), head.RegisterRoot);
            await state.With(cosignature).WriteAsync(stateFile, cancellationToken);
            using var answer = await server.PostAsJsonAsync(Path, cosignature, WireJson.Default.CosignatureRequest, cancellationToken);
            if (answer.IsSuccessStatusCode)
            {
                console.MarkupLineInterpolated($"Cosigned the tree head of {head.TreeSize} entries (root {head.RootHash[..16]}…) as {name}.");
                return;
            }
            var problem = await answer.Content.ReadAsStringAsync(cancellationToken);
            if (answer.StatusCode == System.Net.HttpStatusCode.Conflict)
            {
                throw new Alarm($"the server itself reports two roots for a tree size: {problem}");
            }
            console.MarkupLineInterpolated($"[yellow]The server refused the cosignature ({(int)answer.StatusCode}): {problem}[/]");
        }

        /// <summary>
        /// After a round that did not verify (a history rewritten, say): posts the witness's last cosignature back to the server, so
        /// that if the rewritten log kept a size this witness cosigned, the server's own alarm logic sees two roots for it and
        /// publishes the alarm, even when the server forgot the cosignature.
        /// </summary>
        public async Task RepeatLastAsync(CancellationToken cancellationToken)
        {
            if ((await WitnessState.ReadAsync(stateFile, cancellationToken)).Cosigned is not [.., var last])
            {
                return;
            }
            string said;
            try
            {
                using var answer = await server.PostAsJsonAsync(Path, last, WireJson.Default.CosignatureRequest, cancellationToken);
                said = answer.StatusCode == System.Net.HttpStatusCode.Conflict
                    ? "the server recorded an ALARM: it now holds two roots for that size"
                    : $"the server answered {(int)answer.StatusCode}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                said = $"the server could not be reached ({e.Message}); the state file keeps the cosignature as evidence";
            }
            var (size, root) = (last.TreeSize, last.RootHash[..16]);
            console.MarkupLineInterpolated(
                $"[yellow]Posted this witness's last cosignature (head of {size} entries, root {root}…) back to the server: {said}.[/]");
        }

        /// <summary>Two roots for one tree size: the witness stops.</summary>
        public sealed class Alarm(string message) : Exception(message);
    }
}
