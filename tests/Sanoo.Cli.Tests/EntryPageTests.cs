using System.Text;
using System.Text.Json;
using Sanoo.Cli.Commands.Verify;
using Sanoo.Contracts;

namespace Sanoo.Cli.Tests;

/// <summary>The verifier's own reading of an entries page gives what the wire's serializer gives, without the protocol's JSON.</summary>
public sealed class EntryPageTests
{
    [Fact]
    public void A_page_reads_to_the_fields_the_serializer_reads_with_the_canonical_bytes_and_signature_decoded()
    {
        var canonical = Encoding.UTF8.GetBytes("{\"contest\":\"list\",\"station\":\"s1\"}");
        var signature = Enumerable.Range(0, 64).Select(i => unchecked((byte)(i * 7))).ToArray();
        using var protocol = JsonDocument.Parse(canonical);
        LogEntry[] entries =
        [
            new(1, "s1", "list", "hand", 1, StoredOutcome.Accepted, "file:hand.jsonl", new string('a', 64), "", 1000, "ab",
                Convert.ToBase64String(canonical), protocol.RootElement),
            new(2, "s2", "list", "machine", 2, StoredOutcome.Conflict, "device:s2", new string('b', 64),
                Convert.ToBase64String(signature), 2000, "cd", Convert.ToBase64String(canonical), protocol.RootElement),
        ];
        var json = JsonSerializer.SerializeToUtf8Bytes(new EntriesPage(0, entries), WireJson.Default.EntriesPage);
        var text = Encoding.UTF8.GetString(json).Replace("\\u002B", "+", StringComparison.Ordinal); // as the server writes it
        Assert.Contains('+', text);
        var (plain, escaped) = (Encoding.UTF8.GetBytes(text), Encoding.UTF8.GetBytes(text.Replace("+", "\\u002B", StringComparison.Ordinal)));

        foreach (var page in new[] { plain, escaped })
        {
            var read = EntryPage.Read(page);

            Assert.Equal(2, read.Count);
            for (var i = 0; i < entries.Length; i++)
            {
                var (e, served) = (entries[i], read[i].Entry);
                Assert.Equal(
                    new ServedEntry(e.Sequence, e.Station, e.Contest, e.Source, e.Version, e.Outcome, e.Sender, e.ContentHash, e.ReceivedAt),
                    served);
                Assert.Equal(canonical, read[i].Canonical);
            }
            Assert.Empty(read[0].Signature);
            Assert.Equal(signature, read[1].Signature);
        }
    }

    [Fact]
    public void A_page_that_is_not_an_entries_page_is_a_json_error()
    {
        Assert.ThrowsAny<JsonException>(() => EntryPage.Read("{\"entries\":[{\"sequence\":\"one\"}]}"u8));
        Assert.ThrowsAny<JsonException>(() => EntryPage.Read("{\"entries\":[{\"canonical\":\"not base64!\"}]}"u8));
        Assert.ThrowsAny<JsonException>(() => EntryPage.Read("{\"entries\":[{\"outcome\":\"counted\"}]}"u8));
        Assert.ThrowsAny<JsonException>(() => EntryPage.Read("{\"entries\":["u8));
    }
}
