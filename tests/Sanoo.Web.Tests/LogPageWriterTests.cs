using System.Collections.Immutable;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Sanoo.Contracts;
using Sanoo.Core.Definitions;
using Sanoo.Storage.Register;
using Sanoo.Web.PublicApi;
using StoredEntry = Sanoo.Storage.Log.LogEntry;
using StoredOutcome = Sanoo.Storage.Log.StoredOutcome;

namespace Sanoo.Web.Tests;

/// <summary>
/// The pages of <c>/api/v1/entries</c> and <c>/api/v1/register</c> written straight from the store's rows
/// (<see cref="LogPageWriter"/>) are byte for byte what serializing the wire records gave: with the server's encoder and with the
/// stricter default one, for records whose bytes are written as they are and for records that must be parsed (escapes, spaces,
/// letters outside ASCII, characters an encoder escapes), with and without a signature, for every outcome.
/// </summary>
public sealed class LogPageWriterTests
{
    private static readonly string[] Documents =
    [
        """{"contest":"list","lines":{"valid":12},"station":"s0001","version":1}""",
        """{"image":"sha256+x/y=","station":"s0001"}""",
        """{"reason":"a recount <ordered> & 'done'","station":"s0001"}""",
        """{"name":"Бишкек","note":"tab\there \"quoted\" \u00e9 \\ end","n":[1,-2,0]}""",
        """{"a":true,"b":null,"c":false,"d":"`tick`"}""",
    ];

    public static TheoryData<string> Encoders => ["server", "default"];

    private static JsonSerializerOptions OptionsOf(string encoder)
    {
        var options = new Microsoft.AspNetCore.Http.Json.JsonOptions().SerializerOptions; // as the server starts with
        options.TypeInfoResolverChain.Insert(0, WireJson.Default);
        if (encoder == "default")
        {
            options.Encoder = JavaScriptEncoder.Default;
        }
        return options;
    }

    private static StoredEntry EntryOf(int i, string document) => new(
        i + 1,
        new AreaId($"s{i:0000}"),
        new ContestId("list"),
        new SourceId("machine"),
        1 + (i % 3),
        Enum.GetValues<StoredOutcome>()[i % Enum.GetValues<StoredOutcome>().Length],
        [.. Enumerable.Range(0, 32).Select(b => (byte)(b * 7 + i))],
        [.. Encoding.UTF8.GetBytes(document)],
        [1, 2, 3],
        null,
        null,
        i % 2 == 0 ? $"device:s{i:0000}" : "operator:Айгүл <dec-01>",
        DateTimeOffset.FromUnixTimeMilliseconds(1637936103120 + i),
        null,
        i % 2 == 0 ? [.. Enumerable.Range(0, 64).Select(b => (byte)(250 - b - i))] : []);

    /// <summary>The wire record of one log entry, as the server made it before <see cref="LogPageWriter"/>: what the pages must equal.</summary>
    private static LogEntry WireOf(StoredEntry e) => new(
        e.Sequence,
        e.Station.Value,
        e.Contest.Value,
        e.Source.Value,
        e.Version,
        WireEnums.Of<Contracts.StoredOutcome>(e.Outcome),
        e.Sender,
        Convert.ToHexStringLower(e.ContentHash.AsSpan()),
        e.Signature.IsDefaultOrEmpty ? "" : Convert.ToBase64String(e.Signature.AsSpan()),
        e.ReceivedAt.ToUnixTimeMilliseconds(),
        Convert.ToHexStringLower(e.LeafHash()),
        Convert.ToBase64String(e.Canonical.AsSpan()),
        JsonElement.Parse(e.Canonical.AsSpan()));

    /// <summary>The wire record of one register record, as the server made it before <see cref="LogPageWriter"/>.</summary>
    private static RegisterRecord WireOf(RegisterRow row) => new(
        row.Sequence,
        row.Kind,
        Convert.ToBase64String(row.Record.AsSpan()),
        Convert.ToHexStringLower(Core.Transparency.MerkleHash.Leaf(row.Record.AsSpan())),
        JsonElement.Parse(row.Record.AsSpan()));

    [Theory]
    [MemberData(nameof(Encoders))]
    public void An_entries_page_is_the_serializers_bytes(string encoder)
    {
        var options = OptionsOf(encoder);
        var entries = Enumerable.Range(0, 2 * Documents.Length).Select(i => EntryOf(i, Documents[i % Documents.Length])).ToList();
        var expected = JsonSerializer.SerializeToUtf8Bytes(new EntriesPage(4000, [.. entries.Select(WireOf)]), options);

        var written = LogPageResult.Entries(new LogPageWriter(options), 4000, entries).ToBytes();

        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(written));
        Assert.Equal(expected, written);
    }

    [Theory]
    [MemberData(nameof(Encoders))]
    public void A_register_page_is_the_serializers_bytes(string encoder)
    {
        var options = OptionsOf(encoder);
        var records = Documents.Select((d, i) => new RegisterRow(i + 1, i % 2 == 0 ? "device-key" : "operator", [.. Encoding.UTF8.GetBytes(d)]))
            .ToList();
        var expected = JsonSerializer.SerializeToUtf8Bytes(new RegisterPage(0, [.. records.Select(WireOf)]), options);

        var written = LogPageResult.Register(new LogPageWriter(options), 0, records).ToBytes();

        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(written));
    }

    [Fact]
    public void An_empty_page_is_the_serializers_bytes()
    {
        var options = OptionsOf("server");
        Assert.Equal(
            JsonSerializer.SerializeToUtf8Bytes(new EntriesPage(0, []), options),
            LogPageResult.Entries(new LogPageWriter(options), 0, ImmutableArray<StoredEntry>.Empty).ToBytes());
    }
}
