using System.Collections.Immutable;
using Sanoo.Cli.Sheets;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Samples.Kyrgyzstan2021;

namespace Sanoo.Cli.Tests;

/// <summary>The QR payload of a protocol sheet (docs/protocol-sheet.md): it round-trips, rebuilds the signed bytes, and stays small.</summary>
public sealed class SheetPayloadTests
{
    private static readonly GeneratedElection Sample = Kg2021Generator.Generate();

    private static ImmutableArray<byte> SignatureOf(int seed) => [.. Enumerable.Range(0, 64).Select(i => unchecked((byte)(i * 37 + seed)))];

    [Fact]
    public void Every_protocol_of_the_kyrgyz_sample_round_trips_and_rebuilds_its_canonical_bytes()
    {
        foreach (var (protocol, i) in Sample.Hand.Concat(Sample.Machine).Select((p, i) => (p, i)))
        {
            var signed = Sample.Election.Sources[Sample.Election.SourceIndex(protocol.Source)].Signed;
            var payload = new SheetPayload(protocol, signed ? SignatureOf(i) : []);
            var text = payload.Encode();
            var read = Assert.IsType<SheetDecode.Read>(SheetPayload.Decode(text)).Payload;
            Assert.Equal(payload, read);
            Assert.Equal(ProtocolWriter.Canonical(Sample.Election, protocol), ProtocolWriter.Canonical(Sample.Election, read.Protocol));
            Assert.True(text.All(c => c is >= ' ' and <= '~'), text);
        }
    }

    [Fact]
    public void The_payload_of_a_signed_kyrgyz_machine_count_is_well_under_a_thousand_bytes()
    {
        // 11 form lines, 22 choices and a 64-byte signature: measured 195 to 230 bytes over the sample (docs/protocol-sheet.md).
        var sizes = Sample.Machine.Select((p, i) => new SheetPayload(p, SignatureOf(i)).Encode().Length).ToList();
        Assert.Equal(11, Sample.Election.DefaultContest.Form.Lines.Length);
        Assert.Equal(22, Sample.Election.DefaultContest.Choices.Length);
        Assert.InRange(sizes.Max(), 150, 400);
    }

    [Fact]
    public void Ids_with_dashes_underscores_and_dots_and_a_cyrillic_correction_round_trip()
    {
        var protocol = new Protocol(
            new ElectionId("kg-2021.v2"), new AreaId("s_01-a.b"), new ContestId("smd.d-07_x"), new SourceId("party_copy-1"), 3,
            [1000, 0, 420], [250, 0, 2_147_483_647],
            new Correction("Кайра саналды | 2 бюллетень 100% <жараксыз> + 1,\nэкинчи сап", "УИК №1 | a,b"));
        var payload = new SheetPayload(protocol, SignatureOf(7));
        var text = payload.Encode();
        Assert.StartsWith("SAN1|kg-2021.v2|s_01-a.b|smd.d-07_x|party_copy-1|3|1000,0,420|250,0,2147483647|", text, StringComparison.Ordinal);
        Assert.Equal(12, text.Split('|').Length);
        Assert.True(text.All(c => c is >= ' ' and <= '~'), text);
        Assert.Equal(payload, Assert.IsType<SheetDecode.Read>(SheetPayload.Decode(text)).Payload);
    }

    [Fact]
    public void An_unsigned_first_version_has_ten_fields_and_an_empty_signature_and_image()
    {
        var hand = Sample.Hand[0];
        var text = new SheetPayload(hand, []).Encode();
        Assert.Equal(10, text.Split('|').Length);
        Assert.EndsWith("||", text, StringComparison.Ordinal);
        Assert.True(Assert.IsType<SheetDecode.Read>(SheetPayload.Decode(text)).Payload.Signature.IsEmpty);
    }

    [Fact]
    public void The_image_a_protocol_names_travels_in_the_sheet_and_is_part_of_what_the_signature_covers()
    {
        var image = new ProtocolImage([.. Enumerable.Range(0, 32).Select(i => (byte)(i * 7))], "image/png");
        var protocol = Sample.Hand[0] with { Image = image };
        var text = new SheetPayload(protocol, SignatureOf(3)).Encode();
        Assert.Contains("|p", text, StringComparison.Ordinal);
        var read = Assert.IsType<SheetDecode.Read>(SheetPayload.Decode(text)).Payload;
        Assert.Equal(image, read.Protocol.Image);
        Assert.Equal(ProtocolWriter.Canonical(Sample.Election, protocol), ProtocolWriter.Canonical(Sample.Election, read.Protocol));
        var broken = text.Replace("|p", "|x", StringComparison.Ordinal);
        Assert.Contains("image field", Assert.IsType<SheetDecode.NotASheet>(SheetPayload.Decode(broken)).Why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://example.org/", "does not start with SAN1|")]
    [InlineData("SAN2|kg-2021|s1|list|hand|1|1|1||", "format 'SAN2'")]
    [InlineData("SAN1|kg-2021|s1|list|hand|1|1|1|", "9 fields")]
    [InlineData("SAN1|kg-2021|s1|list|hand|1|1,-2|1||", "lines figure 2 '-2' is not a whole number")]
    [InlineData("SAN1|kg-2021|s1|list|hand|0x1|1|1||", "version '0x1'")]
    [InlineData("SAN1|kg 2021|s1|list|hand|1|1|1||", "election 'kg 2021' is not an id")]
    [InlineData("SAN1|kg-2021|s1|list|hand|1|1|99999999999||", "votes figure 1")]
    [InlineData("SAN1|kg-2021|s1|list|machine|1|1|1|not*base64|", "signature is not base64url")]
    public void Text_that_is_not_a_sheet_is_named_not_thrown(string text, string expected)
    {
        var why = Assert.IsType<SheetDecode.NotASheet>(SheetPayload.Decode(text)).Why;
        Assert.Contains(expected, why, StringComparison.Ordinal);
    }
}
