using System.CommandLine;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NSec.Cryptography;
using Sanoo.Contracts;
using Sanoo.Cli.Input;
using Sanoo.Cli.Output;
using Spectre.Console;

namespace Sanoo.Cli.Commands;

/// <summary>
/// <c>sanoo submit --key KEYFILE --url URL PROTOCOLS</c>: what a counting machine runs. It signs
/// each protocol's canonical bytes with the station's device key (or sends an operator token),
/// and retries with exponential backoff, honouring Retry-After, until it holds a receipt; then it
/// saves the receipts. A refusal that retrying cannot fix (4xx other than 408 and 429) stops it.
/// </summary>
public static class SubmitCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(IAnsiConsole console)
    {
        var key = new Option<FileInfo?>("--key") { Description = "The station device's key file (from 'sanoo keys new'), to sign machine counts." };
        var token = new Option<string?>("--token")
        {
            Description = "An operator token, to send hand counts, corrections and parties' copies (visible to other users in the "
                + "process list: prefer --token-file or SANOO_TOKEN).",
        };
        var tokenFile = new Option<FileInfo?>("--token-file")
        {
            Description = "A file holding the operator token (readable by you only); or set the environment variable SANOO_TOKEN.",
        };
        var url = new Option<string>("--url") { Description = "The server, e.g. http://127.0.0.1:5080.", Required = true };
        url.Validators.Add(r =>
        {
            if (!Uri.TryCreate(r.GetValueOrDefault<string>(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                r.AddError($"--url must be an http or https URL such as http://127.0.0.1:5080, not '{r.GetValueOrDefault<string>()}'.");
            }
        });
        var file = new Argument<FileInfo>("protocols")
        {
            Description = "A protocol file (JSON Lines: one protocol per line, canonical form; a line already signed, "
                + "{\"protocol\": {…}, \"signature\": \"…\"}, is sent as it is).",
        };
        var receipts = new Option<FileInfo?>("--receipts")
        {
            Description = "Where to save the receipts (JSON Lines); default: PROTOCOLS.receipts.jsonl.",
        };
        var attempts = new Option<int>("--max-attempts")
        {
            Description = "Give up after this many attempts per request (0: never).",
            DefaultValueFactory = _ => 0,
        };
        var image = new Option<FileInfo?>("--image")
        {
            Description = "The image of the signed paper protocol (JPEG, PNG or PDF) for a file of one protocol: its metadata is stripped, it "
                + "is uploaded, and its SHA-256 and type are put in the protocol before it is signed.",
        };
        var command = new Command("submit", "Sign and send protocols to a server, retrying until each has a receipt, and save the receipts.")
        {
            key, token, tokenFile, url, file, receipts, attempts, image,
        };
        command.SetAction((r, ct) => OperatorToken.Resolve(console, r.GetValue(token), r.GetValue(tokenFile), r.GetValue(key) is not null)
            is { } resolved
            ? RunAsync(
                console,
                r.GetValue(key),
                resolved.Token,
                new Uri(r.GetValue(url)!),
                r.GetValue(file)!,
                r.GetValue(receipts),
                r.GetValue(attempts),
                ct,
                r.GetValue(image))
            : Task.FromResult(SanooCli.BadInput));
        return command;
    }

    private static async Task<int> RunAsync(
        IAnsiConsole console,
        FileInfo? keyFile,
        string? token,
        Uri url,
        FileInfo file,
        FileInfo? receiptsFile,
        int maxAttempts,
        CancellationToken cancellationToken,
        FileInfo? imageFile = null)
    {
        if ((keyFile is null) == (token is null))
        {
            console.MarkupLine(
                "[red]Give either --key (a station device signing machine counts) or an operator's token (--token-file FILE or SANOO_TOKEN).[/]");
            return SanooCli.BadInput;
        }
        if (!file.Exists || keyFile is { Exists: false })
        {
            console.MarkupLineInterpolated($"[red]{(file.Exists ? keyFile!.FullName : file.FullName)} does not exist.[/]");
            return SanooCli.BadInput;
        }
        var station = keyFile is null
            ? null
            : JsonSerializer.Deserialize<DeviceKeyFile>(await File.ReadAllTextAsync(keyFile.FullName, cancellationToken))?.Station;
        using var key = keyFile is null ? null : LoadKey(keyFile);
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
        var output = receiptsFile?.FullName ?? file.FullName + ".receipts.jsonl";
        await using var saved = new StreamWriter(output, append: true);
        var count = 0;
        var lines = JsonLines.Read(file.FullName).ToList();
        JsonObject? imageReference = null;
        if (imageFile is not null)
        {
            if (lines.Count != 1 || ProtocolLine.IsSubmission(lines[0].Bytes.Span))
            {
                console.MarkupLine("[red]--image goes with a file of one unsigned protocol: the image is named inside the bytes signed.[/]");
                return SanooCli.BadInput;
            }
            imageReference = await UploadImageAsync(console, http, imageFile, key, station, token, cancellationToken);
            if (imageReference is null)
            {
                return SanooCli.BadInput;
            }
        }
        foreach (var line in lines)
        {
            // A line already in signed form (ProtocolLine) goes as it is; a bare protocol is signed in its RFC 8785 form, the bytes
            // the server rebuilds and checks, so spacing and member order in the file do not matter.
            Submission submission;
            try
            {
                var bytes = imageReference is null ? line.Bytes : WithImage(line.Bytes, imageReference);
                submission = ProtocolLine.IsSubmission(line.Bytes.Span)
                    ? JsonSerializer.Deserialize(line.Bytes.Span, WireJson.Default.Submission)!
                    : key is null
                        ? new Submission(JsonElement.Parse(bytes.Span))
                        : DeviceSigning.Sign(key, Core.Json.CanonicalJson.Canonicalize(bytes));
            }
            catch (Exception e) when (e is JsonException or FormatException)
            {
                console.MarkupLineInterpolated($"[red]{file.Name}:{line.Number} is not a protocol in JSON ({e.Message}); nothing more was sent.[/]");
                return SanooCli.BadInput;
            }
            var of = JsonSerializer.Deserialize(submission.Protocol, WireJson.Default.ProtocolDocument)?.Station;
            if (station is not null && of is not null && of != station)
            {
                var whose = $"{file.Name}:{line.Number} is station {of}'s protocol, but this key is station {station}'s";
                console.MarkupLineInterpolated($"[red]{whose}; a device signs only its own station's counts.[/]");
                return SanooCli.BadInput;
            }
            var body = JsonSerializer.Serialize(submission, WireJson.Default.Submission);
            var (status, answer) = await SendAsync(console, http, body, token, maxAttempts, cancellationToken);
            if (status != HttpStatusCode.OK)
            {
                console.MarkupLineInterpolated($"[red]{file.Name}:{line.Number} refused ({(int)status}): {answer}[/]");
                return SanooCli.BadInput;
            }
            var receipt = JsonSerializer.Deserialize(answer, WireJson.Default.ReceiptAnswer)!.Receipt;
            await saved.WriteLineAsync(JsonSerializer.Serialize(receipt, WireJson.Default.Receipt));
            await saved.FlushAsync(cancellationToken);
            count++;
            console.MarkupLineInterpolated($"{file.Name}:{line.Number} {WireWords.Of(receipt.Outcome)} at log position {receipt.Sequence}");
        }
        console.MarkupLineInterpolated($"{count} receipt(s) saved to {output}.");
        return SanooCli.Ok;
    }

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(
        IAnsiConsole console, HttpClient http, string body, string? token, int maxAttempts, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan? retryAfter = null;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/protocols")
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/json"),
                };
                if (token is not null)
                {
                    request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
                }
                using var response = await http.SendAsync(request, cancellationToken);
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                var status = response.StatusCode;
                if (status == HttpStatusCode.OK
                    || ((int)status is >= 400 and < 500 && status is not (HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout)))
                {
                    return (status, text);
                }
                retryAfter = response.Headers.RetryAfter?.Delta;
                console.MarkupLineInterpolated($"[yellow]attempt {attempt}: {(int)status}; retrying[/]");
            }
            catch (HttpRequestException e)
            {
                console.MarkupLineInterpolated($"[yellow]attempt {attempt}: {e.Message}; retrying[/]");
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                console.MarkupLineInterpolated($"[yellow]attempt {attempt}: no answer in 30 s; retrying[/]");
            }
            if (maxAttempts > 0 && attempt >= maxAttempts)
            {
                return (HttpStatusCode.ServiceUnavailable, $"no receipt after {attempt} attempts");
            }
            var wait = retryAfter ?? delay + TimeSpan.FromMilliseconds(Random.Shared.Next((int)delay.TotalMilliseconds));
            await Task.Delay(wait, cancellationToken);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 30_000));
        }
    }

    /// <summary>
    /// Strips the image's metadata (JPEG and PNG re-encoded from their pixels), uploads it signed by the device key or with the
    /// token, and returns the protocol's <c>image</c> member; null (reported) when it is no image or the server refuses it.
    /// </summary>
    private static async Task<JsonObject?> UploadImageAsync(
        IAnsiConsole console, HttpClient http, FileInfo file, Key? key, string? station, string? token, CancellationToken cancellationToken)
    {
        var original = await File.ReadAllBytesAsync(file.FullName, cancellationToken);
        var bytes = Web.Images.ImageCheck.Strip(original);
        var type = bytes is null ? null : Storage.Images.StoredImage.Sniff(bytes);
        if (bytes is null || type is null)
        {
            console.MarkupLineInterpolated($"[red]{file.FullName} is not a JPEG, PNG or PDF that decodes; nothing was sent.[/]");
            return null;
        }
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/images/{sha256}") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type);
        if (key is not null)
        {
            request.Headers.Add(Web.Images.ImageEndpoints.StationHeader, station);
            request.Headers.Add(Web.Images.ImageEndpoints.SignatureHeader, Convert.ToBase64String(SignatureAlgorithm.Ed25519.Sign(key, bytes)));
        }
        else
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var answer = await response.Content.ReadAsStringAsync(cancellationToken);
            console.MarkupLineInterpolated($"[red]{file.Name} refused ({(int)response.StatusCode}): {answer}[/]");
            return null;
        }
        console.MarkupLineInterpolated($"{file.Name}: image {sha256[..16]}… ({type}, {bytes.Length:N0} bytes, metadata stripped) stored");
        return new JsonObject { ["sha256"] = sha256, ["type"] = type };
    }

    /// <summary>The protocol's JSON with its <c>image</c> member set.</summary>
    private static ReadOnlyMemory<byte> WithImage(ReadOnlyMemory<byte> protocol, JsonObject image)
    {
        var node = JsonNode.Parse(protocol.Span) as JsonObject ?? throw new JsonException("a protocol is a JSON object");
        node["image"] = image.DeepClone();
        return Encoding.UTF8.GetBytes(node.ToJsonString());
    }

    private static Key LoadKey(FileInfo file)
    {
        var stored = JsonSerializer.Deserialize<DeviceKeyFile>(File.ReadAllText(file.FullName))
            ?? throw new InvalidDataException($"{file.FullName} is not a key file");
        return Key.Import(SignatureAlgorithm.Ed25519, Convert.FromBase64String(stored.PrivateKey), KeyBlobFormat.RawPrivateKey);
    }
}
