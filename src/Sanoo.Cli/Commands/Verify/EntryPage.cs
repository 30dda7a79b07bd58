using System.Buffers;
using System.Text.Json;
using Sanoo.Contracts;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// Reads a page of <c>/api/v1/entries</c> (<see cref="EntriesPage"/>) token by token from its UTF-8 bytes, keeping of each entry
/// only what the verifier checks: the fields of its Merkle leaf, and its canonical bytes and signature decoded from base64 straight
/// from the page's bytes. The page's copy of each protocol as JSON and each leaf hash are skipped unread (the verifier rebuilds
/// both). A page that is not such JSON is a <see cref="JsonException"/>, as a page the serializer could not read.
/// </summary>
internal static class EntryPage
{
    private static readonly string[] OutcomeWords = [.. Enum.GetValues<StoredOutcome>().Select(o => WireWords.Of(o))];

    /// <summary>The entries of the page in <paramref name="json"/>, in the order served.</summary>
    public static List<(ServedEntry Entry, byte[] Canonical, byte[] Signature)> Read(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        var entries = new List<(ServedEntry, byte[], byte[])>(EntryStream.PageSize);
        Expect(ref reader, JsonTokenType.StartObject);
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals("entries"u8))
            {
                reader.Skip();
                continue;
            }
            Expect(ref reader, JsonTokenType.StartArray);
            while (Next(ref reader) == JsonTokenType.StartObject)
            {
                entries.Add(ReadEntry(ref reader));
            }
            if (reader.TokenType != JsonTokenType.EndArray)
            {
                throw new JsonException($"an entries page lists {reader.TokenType} among its entries");
            }
        }
        return entries;
    }

    /// <summary>Word of the wire for each outcome, made once (the leaf of every entry names one).</summary>
    public static string WordOf(StoredOutcome outcome) => OutcomeWords[(int)outcome];

    private static (ServedEntry, byte[], byte[]) ReadEntry(ref Utf8JsonReader reader)
    {
        long sequence = 0, receivedAt = 0;
        var version = 0;
        string station = "", contest = "", source = "", sender = "", contentHash = "";
        var outcome = StoredOutcome.Accepted;
        byte[] canonical = [], signature = [];
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("sequence"u8))
            {
                sequence = Number(ref reader);
            }
            else if (reader.ValueTextEquals("station"u8))
            {
                station = Text(ref reader);
            }
            else if (reader.ValueTextEquals("contest"u8))
            {
                contest = Text(ref reader);
            }
            else if (reader.ValueTextEquals("source"u8))
            {
                source = Text(ref reader);
            }
            else if (reader.ValueTextEquals("version"u8))
            {
                version = checked((int)Number(ref reader));
            }
            else if (reader.ValueTextEquals("outcome"u8))
            {
                outcome = Outcome(ref reader);
            }
            else if (reader.ValueTextEquals("sender"u8))
            {
                sender = Text(ref reader);
            }
            else if (reader.ValueTextEquals("contentHash"u8))
            {
                contentHash = Text(ref reader);
            }
            else if (reader.ValueTextEquals("signature"u8))
            {
                signature = Base64(ref reader);
            }
            else if (reader.ValueTextEquals("receivedAt"u8))
            {
                receivedAt = Number(ref reader);
            }
            else if (reader.ValueTextEquals("canonical"u8))
            {
                canonical = Base64(ref reader);
            }
            else
            {
                reader.Skip(); // the protocol again as JSON, the leaf hash: rebuilt from the signed bytes, never read
            }
        }
        return (new ServedEntry(sequence, station, contest, source, version, outcome, sender, contentHash, receivedAt), canonical, signature);
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new JsonException("an entries page ends early");

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token)
    {
        if (Next(ref reader) != token)
        {
            throw new JsonException($"an entries page has {reader.TokenType} where {token} belongs");
        }
    }

    private static long Number(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        return reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value)
            ? value
            : throw new JsonException($"an entry has {reader.TokenType} where a whole number belongs");
    }

    private static string Text(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        return reader.TokenType == JsonTokenType.String
            ? reader.GetString()!
            : throw new JsonException($"an entry has {reader.TokenType} where a string belongs");
    }

    private static StoredOutcome Outcome(ref Utf8JsonReader reader)
    {
        var word = Text(ref reader);
        var index = Array.IndexOf(OutcomeWords, word);
        return index >= 0 ? (StoredOutcome)index : throw new JsonException($"an entry's outcome '{word}' is not one of the log's");
    }

    /// <summary>A base64 string's bytes, decoded from the page's own bytes (unescaped first only when the page escaped it).</summary>
    private static byte[] Base64(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"an entry has {reader.TokenType} where base64 belongs");
        }
        ReadOnlySpan<byte> text = reader.ValueIsEscaped || reader.HasValueSequence
            ? System.Text.Encoding.UTF8.GetBytes(reader.GetString()!)
            : reader.ValueSpan;
        if (text.IsEmpty)
        {
            return [];
        }
        var most = System.Buffers.Text.Base64.GetMaxDecodedFromUtf8Length(text.Length);
        var rented = most > 2048 ? ArrayPool<byte>.Shared.Rent(most) : null;
        try
        {
            var decoded = rented is null ? stackalloc byte[most] : rented.AsSpan(0, most);
            if (System.Buffers.Text.Base64.DecodeFromUtf8(text, decoded, out _, out var written) != OperationStatus.Done)
            {
                throw new JsonException("an entry's canonical bytes or signature are not base64");
            }
            return decoded[..written].ToArray();
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
