using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// Reads a page of <c>/api/v1/register</c> (<see cref="Contracts.RegisterPage"/>) token by token from its UTF-8 bytes, handing on
/// of each record only what the verifier checks: its place, its kind, its bytes decoded from base64 straight from the page's
/// bytes, and the leaf hash served. The same record again as JSON is skipped unread (the verifier reads the bytes, which are
/// what the register's root commits to). A page that is not such JSON is a <see cref="JsonException"/> naming the record, as a
/// page the serializer could not read.
/// </summary>
internal static class RegisterPageReader
{
    /// <summary>
    /// One record served: <paramref name="kind"/> and <paramref name="leafHash"/> as UTF-8, <paramref name="bytes"/> decoded (empty
    /// and <paramref name="isBase64"/> false when they are not base64); none of the spans outlives the call. A member the page
    /// left out is 0 or empty, and named in <paramref name="missing"/> (null when none is missing).
    /// </summary>
    public delegate void Each(
        long sequence, ReadOnlySpan<byte> kind, ReadOnlySpan<byte> bytes, bool isBase64, ReadOnlySpan<byte> leafHash, string? missing);

    /// <summary>Hands each record of the page in <paramref name="json"/> to <paramref name="each"/>, in the order served; gives how many.</summary>
    public static int Read(ReadOnlySpan<byte> json, Each each)
    {
        var count = 0;
        try
        {
            return Read(json, each, ref count);
        }
        catch (JsonException e) when (e.GetType() != typeof(JsonException))
        {
            throw new JsonException($"a register page is not JSON (in or after its record {count}): {e.Message}", e);
        }
    }

    private static int Read(ReadOnlySpan<byte> json, Each each, ref int count)
    {
        var reader = new Utf8JsonReader(json);
        Expect(ref reader, JsonTokenType.StartObject, 0);
        while (Next(ref reader, count) == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals("records"u8))
            {
                reader.Skip();
                continue;
            }
            Expect(ref reader, JsonTokenType.StartArray, count);
            while (Next(ref reader, count) == JsonTokenType.StartObject)
            {
                ReadRecord(ref reader, ++count, each);
            }
            if (reader.TokenType != JsonTokenType.EndArray)
            {
                throw new JsonException($"a register page lists {reader.TokenType} among its records (after its record {count})");
            }
        }
        return count;
    }

    private static void ReadRecord(ref Utf8JsonReader reader, int index, Each each)
    {
        long? sequence = null;
        ReadOnlySpan<byte> kind = default, leafHash = default, text = default;
        bool hasKind = false, hasLeaf = false, hasBytes = false;
        byte[]? lent = null, decoded = null;
        try
        {
            while (Next(ref reader, index) == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("sequence"u8))
                {
                    Next(ref reader, index);
                    sequence = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var n)
                        ? n
                        : throw new JsonException($"record {index} of a register page has {reader.TokenType} where its sequence belongs");
                }
                else if (reader.ValueTextEquals("kind"u8))
                {
                    kind = Text(ref reader, index, "kind");
                    hasKind = true;
                }
                else if (reader.ValueTextEquals("leafHash"u8))
                {
                    leafHash = Text(ref reader, index, "leafHash");
                    hasLeaf = true;
                }
                else if (reader.ValueTextEquals("bytes"u8))
                {
                    Next(ref reader, index);
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        throw new JsonException($"record {index} of a register page has {reader.TokenType} where its bytes belong");
                    }
                    if (reader.ValueIsEscaped)
                    {
                        lent = ArrayPool<byte>.Shared.Rent(reader.ValueSpan.Length);
                        text = lent.AsSpan(0, reader.CopyString(lent));
                    }
                    else
                    {
                        text = reader.ValueSpan;
                    }
                    hasBytes = true;
                }
                else
                {
                    reader.Skip(); // the record again as JSON: its bytes are what is read and checked
                }
            }
            var missing = sequence is null || !hasKind || !hasBytes || !hasLeaf
                ? string.Join(", ", new[] { (sequence is null, "sequence"), (!hasKind, "kind"), (!hasBytes, "bytes"), (!hasLeaf, "leafHash") }
                    .Where(m => m.Item1).Select(m => m.Item2))
                : null;
            decoded = ArrayPool<byte>.Shared.Rent(Math.Max(1, Base64.GetMaxDecodedFromUtf8Length(text.Length)));
            var isBase64 = Decode(text, decoded, out var written);
            each(sequence ?? 0, kind, decoded.AsSpan(0, written), isBase64, leafHash, missing);
        }
        finally
        {
            GiveBack(lent);
            GiveBack(decoded);
        }
    }

    private static void GiveBack(byte[]? lent)
    {
        if (lent is not null)
        {
            ArrayPool<byte>.Shared.Return(lent);
        }
    }

    /// <summary>
    /// Decodes the base64 <paramref name="text"/> into <paramref name="into"/>; what the strict decoder refuses is read as
    /// <see cref="Convert.FromBase64String"/> reads it (white space allowed), so that nothing the verifier took before is refused now.
    /// </summary>
    private static bool Decode(ReadOnlySpan<byte> text, byte[] into, out int written)
    {
        if (Base64.DecodeFromUtf8(text, into, out _, out written) == OperationStatus.Done)
        {
            return true;
        }
        if (Convert.TryFromBase64String(Encoding.UTF8.GetString(text), into, out written))
        {
            return true;
        }
        written = 0;
        return false;
    }

    private static ReadOnlySpan<byte> Text(scoped ref Utf8JsonReader reader, int index, string member)
    {
        Next(ref reader, index);
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"record {index} of a register page has {reader.TokenType} where its {member} belongs");
        }
        return reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(reader.GetString()!) : reader.ValueSpan;
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader, int index) =>
        reader.Read() ? reader.TokenType : throw new JsonException($"a register page ends early (in or after its record {index})");

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token, int index)
    {
        if (Next(ref reader, index) != token)
        {
            throw new JsonException($"a register page has {reader.TokenType} where {token} belongs (after its record {index})");
        }
    }
}
