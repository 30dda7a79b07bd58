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
        DefinitionRecord.Word, DeviceKeyRecord.Word, DeviceKeyRevokedRecord.Word, OperatorRecord.Word, OperatorRevokedRecord.Word,
        HandEntryRecord.Word,
        RecountOrderRecord.Word, RecountOutcomeRecord.Word, CertificationRecord.Word, WitnessRecord.Word, WitnessRevokedRecord.Word,
        AuditPlanRecord.Word, AuditRoundRecord.Word, AuditRecountRecord.Word, AuditResultRecord.Word, WordCatalogRecord.Word,
    ];

    /// <summary>A catalog's text as an operator's file holds it: indented, with new lines, quotes, escapes and Cyrillic.</summary>
    private const string CatalogText = "{\n  \"Words\": {\"Valid\": \"Жарактуу \\\"бюллетендер\\\"\", \"Tab\": \"a\\tb\"}\r\n}\n";

    private static RegisterRecord Sample(string kind) => kind switch
    {
        DefinitionRecord.Word => new DefinitionRecord(1, 0, At, "sanoo", "kg-2021", Key),
        DeviceKeyRecord.Word => new DeviceKeyRecord(2, 0, At, "admin", "s0001", Key),
        DeviceKeyRevokedRecord.Word => new DeviceKeyRevokedRecord(3, 5, At, "admin", "s0001", Key, "device stolen from the station"),
        OperatorRecord.Word => new OperatorRecord(4, 5, At, "commission", "Айгүл Токтосунова", "district", "d-01", Key),
        OperatorRevokedRecord.Word => new OperatorRevokedRecord(4, 6, At, "cec", "Айгүл Токтосунова", Key, "the token leaked"),
        HandEntryRecord.Word => new HandEntryRecord(
            5, 6, At, "Айгүл Токтосунова", 2, "s0001", "list", "hand", 1, "matched", Key,
            [new Opening(1, [.. new byte[16]]), new Opening(2, [.. Enumerable.Repeat((byte)7, 16)])], Key),
        RecountOrderRecord.Word => new RecountOrderRecord(6, 7, At, "cec", 1, "s0001", "list", "machine and hand differ by 12 \"votes\""),
        RecountOutcomeRecord.Word => new RecountOutcomeRecord(7, 7, At, "cec", 1, 1, "hand count confirmed"),
        CertificationRecord.Word => new CertificationRecord(8, 9, At, "cec", 1, 9, "The CEC certifies the result."),
        WitnessRecord.Word => new WitnessRecord(9, 9, At, "cec", "Taza Shailoo", Key),
        WitnessRevokedRecord.Word => new WitnessRevokedRecord(10, 9, At, "cec", "Taza Shailoo", Key, "the mission's key leaked"),
        AuditPlanRecord.Word => new AuditPlanRecord(10, 9, At, "cec", "32805417963180645971", "0.05", "machine", ["list", "smd-01"]),
        AuditRoundRecord.Word => new AuditRoundRecord(11, 9, At, "cec", 1, ["s0007", "s0001", "s0007"]),
        AuditRecountRecord.Word => new AuditRecountRecord(12, 9, At, "Айгүл Токтосунова", "s0007", "list", 812, [400, 0, 355]),
        AuditResultRecord.Word => new AuditResultRecord(13, 9, At, "cec", 1, "0.031250", "confirmed"),
        WordCatalogRecord.Word => new WordCatalogRecord(14, 9, At, "sanoo serve", "ky", CatalogText),
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

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Only_a_record_of_an_operators_act_names_an_acting_operator(string kind)
    {
        var acts = new[]
        {
            HandEntryRecord.Word, RecountOrderRecord.Word, RecountOutcomeRecord.Word, CertificationRecord.Word, AuditRecountRecord.Word,
        };
        var record = Sample(kind);
        Assert.Equal(acts.Contains(kind) ? record.By : null, record.ActingOperator);
    }

    [Fact]
    public void An_operators_revocation_names_the_operator_and_the_token_and_needs_a_reason()
    {
        var bytes = Sample(OperatorRevokedRecord.Word).Encode();
        var text = Encoding.UTF8.GetString(bytes);
        Assert.Contains("\"kind\":\"operator-revoked\"", text, StringComparison.Ordinal);
        Assert.Contains($"\"tokenSha256\":\"{Convert.ToHexStringLower(Key.AsSpan())}\"", text, StringComparison.Ordinal);
        var read = Assert.IsType<OperatorRevokedRecord>(RegisterRecord.Decode(bytes));
        Assert.Equal(("Айгүл Токтосунова", "the token leaked"), (read.Name, read.Reason));
        Assert.Null(read.ActingOperator); // who revoked is the commission's command, not an act held to the operators
        var noReason = Assert.Throws<FormatException>(() => RegisterRecord.Decode(Encoding.UTF8.GetBytes(
            text.Replace(",\"reason\":\"the token leaked\"", "", StringComparison.Ordinal))));
        Assert.Contains("lacks 'reason'", noReason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_witness_revocation_names_the_witness_and_the_key_and_needs_a_reason()
    {
        var bytes = Sample(WitnessRevokedRecord.Word).Encode();
        var text = Encoding.UTF8.GetString(bytes);
        Assert.Contains("\"kind\":\"witness-revoked\"", text, StringComparison.Ordinal);
        Assert.Contains($"\"publicKey\":\"{Convert.ToBase64String(Key.AsSpan())}\"", text, StringComparison.Ordinal);
        var read = Assert.IsType<WitnessRevokedRecord>(RegisterRecord.Decode(bytes));
        Assert.Equal(("Taza Shailoo", "the mission's key leaked"), (read.Name, read.Reason));
        Assert.True(Key.AsSpan().SequenceEqual(read.PublicKey.AsSpan()));
        Assert.Null(read.ActingOperator);
        var noReason = Assert.Throws<FormatException>(() => RegisterRecord.Decode(Encoding.UTF8.GetBytes(
            text.Replace(",\"reason\":\"the mission's key leaked\"", "", StringComparison.Ordinal))));
        Assert.Contains("lacks 'reason'", noReason.Message, StringComparison.Ordinal);
        var shortKey = ((WitnessRevokedRecord)Sample(WitnessRevokedRecord.Word) with { PublicKey = [.. new byte[31]] }).Encode();
        Assert.Throws<FormatException>(() => RegisterRecord.Decode(shortKey));
        var more = Assert.Throws<FormatException>(() => RegisterRecord.Decode(Encoding.UTF8.GetBytes(text[..^1] + ",\"zzz\":1}")));
        Assert.Contains("unknown member 'zzz'", more.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_word_catalog_keeps_the_catalogs_text_exactly_and_needs_a_language_and_a_catalog()
    {
        var bytes = Sample(WordCatalogRecord.Word).Encode();
        var read = Assert.IsType<WordCatalogRecord>(RegisterRecord.Decode(bytes));
        Assert.Equal(("ky", CatalogText), (read.Language, read.Catalog));
        Assert.Equal(WordCatalogRecord.Sha256Of(CatalogText), read.CatalogSha256);
        Assert.Equal(64, read.CatalogSha256.Length);
        Assert.Null(read.ActingOperator);
        var text = Encoding.UTF8.GetString(bytes);
        var noLanguage = Assert.Throws<FormatException>(() => RegisterRecord.Decode(Encoding.UTF8.GetBytes(
            text.Replace("\"language\":\"ky\"", "\"language\":\"\"", StringComparison.Ordinal))));
        Assert.Contains("empty language or catalog", noLanguage.Message, StringComparison.Ordinal);
        var noCatalog = ((WordCatalogRecord)Sample(WordCatalogRecord.Word) with { Catalog = "" }).Encode();
        Assert.Throws<FormatException>(() => RegisterRecord.Decode(noCatalog));
    }

    [Fact]
    public void A_turnout_report_is_an_operators_act_only_when_unsigned()
    {
        var sent = new TurnoutRecord(20, 9, At, "dec-01", "s0001", "10:00", 120, null);
        var signed = sent with { By = TurnoutRecord.DevicePrefix + "s0001", Signature = [.. new byte[64]] };
        Assert.Equal(("dec-01", (string?)null), (sent.ActingOperator, signed.ActingOperator));
        var report = new ReportRecord(21, 9, At, "observer-1", 1, "s0001", null, "other", "the box was open", null);
        var answer = new ReportAnswerRecord(22, 9, At, "cec", 1, "rejected", "no sign of it", null, null);
        Assert.Equal(("observer-1", "cec"), (report.ActingOperator, answer.ActingOperator));
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
