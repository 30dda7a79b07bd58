using System.Text;
using System.Text.Json;
using Sanoo.Cli.Commands.Verify;
using Sanoo.Contracts;
using Sanoo.Core.Register;
using RegisterRecord = Sanoo.Core.Register.RegisterRecord;
using Sanoo.Testing;

namespace Sanoo.Cli.Tests;

/// <summary>
/// The verifier's own readers of the register and of <c>/api/v1/keys</c>, token by token: they take what the strict readers take,
/// refuse the rest with a message naming the record or station, and hold keys raw by station.
/// </summary>
public sealed class VerifyRegisterReadingTests
{
    private static readonly byte[] Key = [.. Enumerable.Range(0, 32).Select(i => unchecked((byte)(i * 9 + 250)))]; // its base64 has '+' and '/'

    private static DeviceKeyRecord Enrolment(long sequence = 7, string station = "n1-2") =>
        new(sequence, 3, DateTimeOffset.FromUnixTimeMilliseconds(1_780_000_000_123), "keys enrol", station, [.. Key]);

    [Fact]
    public void A_canonical_device_key_record_reads_as_the_register_decoder_reads_it()
    {
        var bytes = Enrolment().Encode();

        var fast = new DeviceKeyRecordReader().TryRead(bytes);

        AssertSame(RegisterRecord.Decode(bytes), Assert.IsType<DeviceKeyRecord>(fast));
        Assert.Null(new DeviceKeyRecordReader().TryRead(new DefinitionRecord(1, 0, DateTimeOffset.UnixEpoch, "x", "e", [.. Key]).Encode()));
    }

    [Fact]
    public void No_change_to_a_device_key_record_is_taken_that_the_register_decoder_refuses_or_reads_otherwise()
    {
        var bytes = Enrolment().Encode();
        var reader = new DeviceKeyRecordReader();
        var (taken, refused) = (0, 0);
        for (var at = 0; at < bytes.Length; at++)
        {
            foreach (var changed in Changes(bytes, at))
            {
                if (reader.TryRead(changed) is not { } fast)
                {
                    refused++;
                    continue;
                }
                taken++;
                AssertSame(RegisterRecord.Decode(changed), fast);
            }
        }

        Assert.True(taken > 50, $"only {taken} changed records were read at all"); // digits, names and key letters changed still read
        Assert.True(refused > 500, $"only {refused} changed records were left to the decoder");
    }

    [Theory]
    [InlineData("{\"at\":\"2026-05-28T20:26:40.123Z\",\"by\":\"keys enrol\",\"kind\":\"device-key\",\"logSize\":3, \"publicKey\":\"{key}\","
        + "\"sequence\":7,\"station\":\"n1-2\"}")]
    [InlineData("{\"by\":\"keys enrol\",\"at\":\"2026-05-28T20:26:40.123Z\",\"kind\":\"device-key\",\"logSize\":3,\"publicKey\":\"{key}\","
        + "\"sequence\":7,\"station\":\"n1-2\"}")]
    [InlineData("{\"at\":\"2026-05-28T20:26:40.123Z\",\"by\":\"keys enrol\",\"kind\":\"device-key\",\"logSize\":3,\"publicKey\":\"{key}\","
        + "\"sequence\":7,\"station\":\"n1\\u002d2\"}")]
    [InlineData("{\"at\":\"2026-05-28T20:26:40.123Z\",\"by\":\"keys enrol\",\"kind\":\"device-key\",\"logSize\":3,\"publicKey\":\"{key}\","
        + "\"sequence\":7,\"station\":\"n1-2\",\"zone\":\"x\"}")]
    [InlineData("{\"at\":\"2026-05-28T20:26:40.123Z\",\"by\":\"keys enrol\",\"kind\":\"device-key\",\"logSize\":3.0,\"publicKey\":\"{key}\","
        + "\"sequence\":7,\"station\":\"n1-2\"}")]
    [InlineData("{\"at\":\"2026-05-28 20:26:40Z\",\"by\":\"keys enrol\",\"kind\":\"device-key\",\"logSize\":3,\"publicKey\":\"{key}\","
        + "\"sequence\":7,\"station\":\"n1-2\"}")]
    [InlineData("{\"at\":\"2026-05-28T20:26:40.123Z\",\"by\":\"keys enrol\",\"kind\":\"device-key\",\"logSize\":3,\"publicKey\":\"AAAA\","
        + "\"sequence\":7,\"station\":\"n1-2\"}")]
    public void A_record_not_in_its_one_form_is_left_to_the_decoder_which_refuses_it(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text.Replace("{key}", Convert.ToBase64String(Key), StringComparison.Ordinal));

        Assert.Null(new DeviceKeyRecordReader().TryRead(bytes));
        Assert.Throws<FormatException>(() => RegisterRecord.Decode(bytes));
    }

    [Fact]
    public void A_register_page_reads_each_records_place_kind_bytes_and_leaf_hash_without_its_json()
    {
        var bytes = Enrolment().Encode();
        using var json = JsonDocument.Parse(bytes);
        var served = new Contracts.RegisterRecord(7, "device-key", Convert.ToBase64String(bytes), new string('c', 64), json.RootElement);
        var page = JsonSerializer.SerializeToUtf8Bytes(new RegisterPage(6, [served, served with { Sequence = 8 }]), WireJson.Default.RegisterPage);
        var read = new List<(long, string, byte[], bool, string, string?)>();

        var count = RegisterPageReader.Read(page, (sequence, kind, decoded, isBase64, leafHash, missing) =>
            read.Add((sequence, Encoding.UTF8.GetString(kind), decoded.ToArray(), isBase64, Encoding.UTF8.GetString(leafHash), missing)));

        Assert.Equal(2, count);
        var (sequence, kind, _, isBase64, leafHash, missing) = read[0];
        Assert.Equal((7L, "device-key", true, new string('c', 64), (string?)null), (sequence, kind, isBase64, leafHash, missing));
        Assert.Equal(bytes, read[0].Item3);
        Assert.Equal(8, read[1].Item1);
    }

    [Fact]
    public void A_register_record_served_without_a_member_or_with_bytes_not_base64_is_named_not_dropped()
    {
        var read = new List<(long, bool, string?)>();

        RegisterPageReader.Read("{\"records\":[{\"sequence\":1,\"kind\":\"x\",\"leafHash\":\"ab\"},{\"kind\":\"x\",\"bytes\":\"!!\"}]}"u8,
            (sequence, _, _, isBase64, _, missing) => read.Add((sequence, isBase64, missing)));

        (long, bool, string?)[] expected = [(1L, true, "bytes"), (0L, false, "sequence, leafHash")];
        Assert.Equal(expected, read);
    }

    [Fact]
    public void A_register_page_that_is_not_json_of_records_is_refused_naming_the_record()
    {
        var wrongType = Assert.ThrowsAny<JsonException>(() => RegisterPageReader.Read(
            "{\"records\":[{\"sequence\":1,\"kind\":\"x\",\"bytes\":\"\",\"leafHash\":\"\"},{\"sequence\":\"two\"}]}"u8, (_, _, _, _, _, _) => { }));
        var cut = Assert.ThrowsAny<JsonException>(() => RegisterPageReader.Read("{\"records\":[{\"sequence\":1,"u8, (_, _, _, _, _, _) => { }));

        Assert.Contains("record 2", wrongType.Message, StringComparison.Ordinal);
        Assert.Contains("record 1", cut.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_device_key_book_holds_raw_keys_by_station_and_apart_any_id_that_is_no_station()
    {
        var book = new DeviceKeyBook(ElectionBuilder.Small());

        book.Set("n1-2", Key, 5);
        book.Set("nowhere", Key, 6);
        book.Set("n1-2", Key.Reverse().ToArray(), 9);
        book.Remove("s1-1");

        Assert.Equal(Key.Reverse(), book.Key("n1-2", out var record).ToArray());
        Assert.Equal(9, record);
        Assert.Equal(Key, book.Key("nowhere").ToArray());
        Assert.True(book.Key("s1-1").IsEmpty);
        Assert.Equal(new[] { "n1-2", "nowhere" }, book.Stations());
        Assert.Equal(2, book.Count);
    }

    [Fact]
    public void The_keys_the_register_ends_with_are_known_as_it_is_fetched_and_equal_the_replay_s_once_every_record_is_applied()
    {
        var (other, third) = (Key.Reverse().ToArray(), Enumerable.Repeat((byte)7, 32).ToArray());
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1_780_000_000_000);
        RegisterRecord[] records =
        [
            Enrolment(1, "n1-1"),
            Enrolment(2, "n1-2"),
            new DeviceKeyRecord(3, 4, at, "keys enrol", "n1-2", [.. other]),
            new DeviceKeyRevokedRecord(4, 4, at, "keys revoke", "n1-1", [.. Key], "lost"),
            new DeviceKeyRevokedRecord(5, 5, at, "keys revoke", "n1-2", [.. Key], "not its key any more"),
            new DeviceKeyRecord(6, 6, at, "keys enrol", "nowhere", [.. third]),
            new DeviceKeyRecord(7, 6, at, "keys enrol", "s1-3", [.. third]),
        ];
        var problems = new List<string>();
        var replay = new RegisterReplay(ElectionBuilder.Small(), problems);

        foreach (var record in records)
        {
            replay.Add(record);
        }
        var fetched = replay.LastKeys;
        Assert.Empty(replay.CurrentKeys.Stations()); // held until the entries reach them
        var summary = replay.Finish(10);

        Assert.Equal(new[] { "n1-2", "s1-3", "nowhere" }, fetched.Stations());
        Assert.Equal(replay.CurrentKeys.Stations(), fetched.Stations());
        foreach (var station in fetched.Stations())
        {
            Assert.Equal(replay.CurrentKeys.Key(station, out var record).ToArray(), fetched.Key(station, out var fetchedRecord).ToArray());
            Assert.Equal(record, fetchedRecord);
        }
        Assert.Equal(other, replay.CurrentKeys.Key("n1-2").ToArray());
        Assert.Contains("device keys: 5 enrolled (1 replacing a station's earlier key), 2 revoked", summary);
        Assert.Equal(
            ["register record 5 revokes a key that was not station n1-2's current key",
                "register record 6 enrols a device key for nowhere, which is no polling station"],
            problems);
    }

    [Fact]
    public async Task Keys_listed_as_the_register_holds_them_agree_even_when_the_answer_arrives_a_byte_at_a_time()
    {
        var book = Register(("n1-1", Key), ("s1-3", Key.Reverse().ToArray()));
        var comparison = new KeyListComparison(book);

        var answer = Answer(("n1-1", Convert.ToBase64String(Key)), ("s1-3", Convert.ToBase64String(Key.Reverse().ToArray())));
        await comparison.ReadAsync(new Trickle(answer), CancellationToken.None);

        Assert.Equal(2, comparison.Listed);
        Assert.Equal(0, comparison.Differences);
    }

    [Fact]
    public async Task A_key_listed_twice_or_otherwise_or_for_a_station_the_register_keys_not_and_a_key_left_out_each_differ()
    {
        var book = Register(("n1-1", Key), ("n1-2", Key), ("n2-1", Key));
        var other = Convert.ToBase64String(Key.Reverse().ToArray());
        var comparison = new KeyListComparison(book);

        await comparison.ReadAsync(new MemoryStream(Answer(
            ("n1-1", Convert.ToBase64String(Key)), ("n1-1", Convert.ToBase64String(Key)), ("n1-2", other), ("s1-1", other), ("elsewhere", other))),
            CancellationToken.None);

        (string, string?)[] expected =
            [("n1-1", Convert.ToBase64String(Key)), ("n1-2", other), ("s1-1", other), ("elsewhere", other), ("n2-1", null)];
        Assert.Equal(expected, comparison.Differing);
    }

    [Fact]
    public async Task A_keys_answer_with_a_device_lacking_its_key_is_refused_naming_the_station()
    {
        var comparison = new KeyListComparison(Register(("n1-1", Key)));
        var answer = "{\"devices\":[{\"station\":\"n1-1\"}],\"enrolments\":[],\"revocations\":[]}"u8.ToArray();

        var refused = await Assert.ThrowsAnyAsync<JsonException>(
            () => comparison.ReadAsync(new MemoryStream(answer), CancellationToken.None));

        Assert.Contains("n1-1", refused.Message, StringComparison.Ordinal);
        Assert.Contains("publicKey", refused.Message, StringComparison.Ordinal);
    }

    private static DeviceKeyBook Register(params (string Station, byte[] Key)[] keys)
    {
        var book = new DeviceKeyBook(ElectionBuilder.Small());
        foreach (var (station, key) in keys)
        {
            book.Set(station, key, 1);
        }
        return book;
    }

    /// <summary>A <c>/api/v1/keys</c> answer as the server writes it, enrolments and revocations included (to be skipped).</summary>
    private static byte[] Answer(params (string Station, string Key)[] devices) => JsonSerializer.SerializeToUtf8Bytes(
        new DeviceKeys(
            [.. devices.Select(d => new DeviceKey(d.Station, d.Key))],
            [.. devices.Select(d => new KeyEnrolment(d.Station, d.Key, 5))],
            [new KeyRevocation("n1-1", "x", 6, "lost {\"devices\":[]}")]),
        WireJson.Default.DeviceKeys);

    private static IEnumerable<byte[]> Changes(byte[] bytes, int at)
    {
        foreach (var b in " \"\\Aa0+9,:{}-Z"u8.ToArray())
        {
            if (bytes[at] != b)
            {
                var changed = (byte[])bytes.Clone();
                changed[at] = b;
                yield return changed;
            }
        }
        yield return [.. bytes[..at], .. bytes[(at + 1)..]];
    }

    private static void AssertSame(RegisterRecord expected, DeviceKeyRecord actual)
    {
        var decoded = Assert.IsType<DeviceKeyRecord>(expected);
        Assert.Equal(
            (decoded.Sequence, decoded.LogSize, decoded.At, decoded.By, decoded.StationId),
            (actual.Sequence, actual.LogSize, actual.At, actual.By, actual.StationId));
        Assert.Equal(decoded.PublicKey.ToArray(), actual.PublicKey.ToArray());
    }

    /// <summary>A stream that gives one byte a read, as a slow connection might.</summary>
    private sealed class Trickle(byte[] bytes) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(1, buffer.Length)], cancellationToken);
    }
}
