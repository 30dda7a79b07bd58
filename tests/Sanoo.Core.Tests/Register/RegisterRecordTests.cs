using System.Collections.Immutable;
using System.Text;
using Sanoo.Core.Register;
using Sanoo.Core.Transparency;

namespace Sanoo.Core.Tests.Register;

/// <summary>Register records: one RFC 8785 form per record, read strictly, and the commitments of hand entries.</summary>
public sealed class RegisterRecordTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeMilliseconds(1_637_936_103_120);

    private static readonly ImmutableArray<byte> Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    public static TheoryData<string> Kinds() =>
    [
        DefinitionRecord.Word, DeviceKeyRecord.Word, DeviceKeyRevokedRecord.Word, OperatorRecord.Word, HandEntryRecord.Word,
        RecountOrderRecord.Word, RecountOutcomeRecord.Word, CertificationRecord.Word, WitnessRecord.Word,
        AuditPlanRecord.Word, AuditRoundRecord.Word, AuditRecountRecord.Word, AuditResultRecord.Word,
    ];

    private static RegisterRecord Sample(string kind) => kind switch
    {
        DefinitionRecord.Word => new DefinitionRecord(1, 0, At, "sanoo", "kg-2021", Key),
        DeviceKeyRecord.Word => new DeviceKeyRecord(2, 0, At, "admin", "s0001", Key),
        DeviceKeyRevokedRecord.Word => new DeviceKeyRevokedRecord(3, 5, At, "admin", "s0001", Key, "device stolen from the station"),
        OperatorRecord.Word => new OperatorRecord(4, 5, At, "commission", "Айгүл Токтосунова", "district", "d-01", Key),
        HandEntryRecord.Word => new HandEntryRecord(
            5, 6, At, "Айгүл Токтосунова", 2, "s0001", "list", "hand", 1, "matched", Key,
            [new Opening(1, [.. new byte[16]]), new Opening(2, [.. Enumerable.Repeat((byte)7, 16)])], Key),
        RecountOrderRecord.Word => new RecountOrderRecord(6, 7, At, "cec", 1, "s0001", "list", "machine and hand differ by 12 \"votes\""),
        RecountOutcomeRecord.Word => new RecountOutcomeRecord(7, 7, At, "cec", 1, 1, "hand count confirmed"),
        CertificationRecord.Word => new CertificationRecord(8, 9, At, "cec", 1, 9, "The CEC certifies the result."),
        WitnessRecord.Word => new WitnessRecord(9, 9, At, "cec", "Taza Shailoo", Key),
        AuditPlanRecord.Word => new AuditPlanRecord(10, 9, At, "cec", "32805417963180645971", "0.05", "machine", ["list", "smd-01"]),
        AuditRoundRecord.Word => new AuditRoundRecord(11, 9, At, "cec", 1, ["s0007", "s0001", "s0007"]),
        AuditRecountRecord.Word => new AuditRecountRecord(12, 9, At, "Айгүл Токтосунова", "s0007", "list", 812, [400, 0, 355]),
        AuditResultRecord.Word => new AuditResultRecord(13, 9, At, "cec", 1, "0.031250", "confirmed"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_reads_back_to_the_same_bytes_and_kind(string kind)
    {
        var bytes = Sample(kind).Encode();
        var read = RegisterRecord.Decode(bytes);
        Assert.Equal(kind, read.Kind);
        Assert.Equal(bytes, read.Encode());
        Assert.Equal(Core.Json.CanonicalJson.Canonicalize(bytes), bytes);
    }

    [Fact]
    public void A_record_in_any_other_form_or_with_anything_more_is_refused()
    {
        var bytes = Sample(DeviceKeyRecord.Word).Encode();
        var text = Encoding.UTF8.GetString(bytes);
        Assert.Throws<FormatException>(() => RegisterRecord.Decode(Encoding.UTF8.GetBytes(text.Replace(",", ", ", StringComparison.Ordinal))));
        var more = Assert.Throws<FormatException>(() => RegisterRecord.Decode(Encoding.UTF8.GetBytes(text[..^1] + ",\"zzz\":1}")));
        Assert.Contains("unknown member 'zzz'", more.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => RegisterRecord.Decode(Encoding.UTF8.GetBytes(
            text.Replace("device-key", "device-kex", StringComparison.Ordinal))));
        var definition = Encoding.UTF8.GetString(Sample(DefinitionRecord.Word).Encode());
        Assert.Throws<FormatException>(() => RegisterRecord.Decode(Encoding.UTF8.GetBytes(
            definition.Replace("0102", "0A02", StringComparison.Ordinal).Replace("0a0b", "0A0B", StringComparison.Ordinal))));
    }

    [Fact]
    public void A_commitment_hides_the_figures_until_its_salt_is_opened()
    {
        var canonical = Encoding.UTF8.GetBytes("{\"lines\":{\"a\":1}}");
        var salt = new byte[Opening.SaltLength];
        salt[0] = 1;
        var commitment = Opening.Commit(salt, canonical);
        Assert.NotEqual(System.Security.Cryptography.SHA256.HashData(canonical), commitment);
        Assert.NotEqual(Opening.Commit(new byte[Opening.SaltLength], canonical), commitment);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData([.. salt, .. canonical]), commitment);
    }

    [Theory]
    [InlineData("device:s0001")]
    [InlineData("entries:Айгүл+Бакыт")]
    [InlineData("file:a \"quoted\" name\\x")]
    public void The_fast_leaf_hash_is_the_hash_of_the_leaf_bytes_for_any_sender(string sender)
    {
        var (hash, signature) = (new byte[32], new byte[64]);
        var bytes = LogLeaf.Encode(7, "s0001", "list", "machine", 2, "accepted", sender, hash, signature, At);
        Assert.Equal(MerkleHash.Leaf(bytes), LogLeaf.Hash(7, "s0001", "list", "machine", 2, "accepted", sender, hash, signature, At));
        Assert.Contains("\"sender\":", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }
}
