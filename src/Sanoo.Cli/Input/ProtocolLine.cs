using System.Text.Json;
using System.Text.Json.Serialization;
using Sanoo.Contracts;
using Sanoo.Core.Definitions;
using Sanoo.Core.Json;
using Sanoo.Core.Protocols;

namespace Sanoo.Cli.Input;

/// <summary>
/// One line of a protocol file (JSON Lines) in either of its two forms: a bare protocol (docs/protocol-format.md), as
/// official counts and imports are written; or a station device's signed submission <c>{"protocol": {…}, "signature":
/// "…"}</c>, the same JSON a device POSTs to <c>/api/v1/protocols</c> (<see cref="Submission"/>), as counts of a signed
/// source must be. A line is the signed form when its first field is <c>protocol</c> or <c>signature</c>, which no
/// protocol has. The signature is only decoded here; whether it verifies is for whoever stores the protocol.
/// </summary>
public static class ProtocolLine
{
    /// <summary>The wire records, read strictly: a field the submission does not define is a problem, not ignored.</summary>
    private static readonly WireJson Strict = new(new JsonSerializerOptions(WireJson.Default.Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        PropertyNameCaseInsensitive = false,
    });

    /// <summary>The line's protocol (or why it is unreadable) and, for the signed form, the signature's bytes (null when it has none).</summary>
    public static (ProtocolReadResult Result, byte[]? Signature) Read(Election election, ReadOnlyMemory<byte> utf8Json)
    {
        if (!IsSubmission(utf8Json.Span))
        {
            return (ProtocolReader.Read(election, utf8Json), null);
        }
        Submission? submission;
        try
        {
            submission = JsonSerializer.Deserialize(utf8Json.Span, Strict.Submission);
        }
        catch (JsonException e)
        {
            return (Invalid(e.Path ?? "$", $"not a signed submission {{\"protocol\": {{…}}, \"signature\": \"…\"}}: {e.Message}"), null);
        }
        if (submission is null || submission.Protocol.ValueKind != JsonValueKind.Object)
        {
            return (Invalid("$.protocol", "is missing (expected the protocol object)"), null);
        }
        byte[]? signature = null;
        if (submission.Signature is { } text)
        {
            try
            {
                signature = Convert.FromBase64String(text);
            }
            catch (FormatException)
            {
                return (Invalid("$.signature", "is not base64"), null);
            }
        }
        return ProtocolReader.Read(election, submission.Protocol) switch
        {
            ProtocolReadResult.Invalid invalid => (new ProtocolReadResult.Invalid(
                [.. invalid.Problems.Select(p => p with { Path = $"$.protocol{p.Path[1..]}" })]), null),
            var ok => (ok, signature),
        };
    }

    /// <summary>Whether the line is in the signed form: an object whose first field is <c>protocol</c> or <c>signature</c>.</summary>
    public static bool IsSubmission(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        try
        {
            return reader.Read() && reader.TokenType == JsonTokenType.StartObject
                && reader.Read() && reader.TokenType == JsonTokenType.PropertyName
                && (reader.ValueTextEquals("protocol"u8) || reader.ValueTextEquals("signature"u8));
        }
        catch (JsonException)
        {
            return false; // not JSON: the protocol reader says so in its own words
        }
    }

    private static ProtocolReadResult.Invalid Invalid(string path, string message) => new([new JsonProblem(path, message)]);
}
