using System.Text;
using Sanoo.Core.Register;

namespace Sanoo.Core.Tests.Register;

/// <summary>
/// A free text's language and translations in its register record: absent when none were given, so that records made before they
/// existed keep their bytes and hashes; signed when given; read strictly.
/// </summary>
public sealed class TranslationsTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeMilliseconds(1_637_936_103_120);

    private const string OldCertification =
        """{"at":"2021-11-26T14:15:03.120Z","by":"cec","kind":"certification","logSize":9,"number":1,"position":9,"sequence":8,"statement":"The"""
        + """ CEC certifies the result."}""";

    /// <summary>Records as they were written before translations existed, byte for byte.</summary>
    public static TheoryData<string> OldRecords() =>
    [
        """{"at":"2021-11-26T14:15:03.120Z","by":"cec","contest":"list","kind":"recount-order","logSize":7,"number":1,"reason":"machine"""
            + """ and hand differ","sequence":6,"station":"s0001"}""",
        """{"at":"2021-11-26T14:15:03.120Z","by":"cec","kind":"recount-outcome","logSize":7,"number":1,"outcome":"hand"""
            + """ count confirmed","recount":1,"sequence":7}""",
        OldCertification,
        """{"answer":"rejected","at":"2021-11-26T14:15:03.120Z","by":"cec","kind":"report-answer","logSize":14,"reason":"posted"""
            + """ at 21:10","report":2,"sequence":13}""",
    ];

    [Theory]
    [MemberData(nameof(OldRecords))]
    public void A_record_made_before_translations_reads_and_writes_back_to_the_same_bytes(string old)
    {
        var bytes = Encoding.UTF8.GetBytes(old);
        var read = RegisterRecord.Decode(bytes);
        Assert.Equal(bytes, read.Encode());
        Assert.Equal(Core.Transparency.MerkleHash.Leaf(bytes), read.LeafHash());
        Assert.Null(read switch
        {
            RecountOrderRecord r => r.Translations,
            RecountOutcomeRecord r => r.Translations,
            CertificationRecord r => r.Translations,
            ReportAnswerRecord r => r.Translations,
            _ => throw new InvalidOperationException(read.Kind),
        });
    }

    [Fact]
    public void A_record_made_without_translations_has_the_bytes_it_had_before_they_existed()
    {
        var certification = new CertificationRecord(8, 9, At, "cec", 1, 9, "The CEC certifies the result.");
        Assert.Equal(OldCertification, Encoding.UTF8.GetString(certification.Encode()));
    }

    [Fact]
    public void Translations_are_signed_in_the_record_and_read_back()
    {
        var translations = Translations.Of("ky", new Dictionary<string, string>
        {
            ["ru"] = "ЦИК утверждает результаты выборов.",
            ["en"] = "The CEC certifies the result.",
        });
        var record = new CertificationRecord(8, 9, At, "cec", 1, 9, "БШК шайлоонун натыйжаларын бекитет.", translations);
        var bytes = record.Encode();
        Assert.Contains(
            "\"language\":\"ky\"", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.Contains(
            "\"translations\":{\"en\":\"The CEC certifies the result.\",\"ru\":\"ЦИК утверждает результаты выборов.\"}",
            Encoding.UTF8.GetString(bytes),
            StringComparison.Ordinal);
        var read = Assert.IsType<CertificationRecord>(RegisterRecord.Decode(bytes));
        Assert.Equal(record, read);
        Assert.Equal(bytes, read.Encode());
        Assert.NotEqual(new CertificationRecord(8, 9, At, "cec", 1, 9, record.Statement).LeafHash(), record.LeafHash());
        Assert.Equal(["ky", "en", "ru"], read.Translations!.Codes);
    }

    [Fact]
    public void A_recount_order_outcome_and_answer_carry_their_translations_too()
    {
        var ru = Translations.Of(null, new Dictionary<string, string> { ["ru"] = "по жалобе наблюдателя" });
        RegisterRecord[] records =
        [
            new RecountOrderRecord(6, 7, At, "cec", 1, "s0001", "list", "observer complaint", ru),
            new RecountOutcomeRecord(7, 7, At, "cec", 1, 1, "confirmed", Translations.Of("en", null)),
            new ReportAnswerRecord(13, 14, At, "cec", 2, "rejected", "posted at 21:10", null, null, ru),
        ];
        foreach (var record in records)
        {
            Assert.Equal(record, RegisterRecord.Decode(record.Encode()));
        }
        Assert.DoesNotContain("translations", Encoding.UTF8.GetString(records[1].Encode()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"translations\":\"ru\"", "not an object")]
    [InlineData("\"translations\":{}", "not an object naming at least one language")]
    [InlineData("\"translations\":{\"ru\":1}", "translation 'ru' is not a string")]
    [InlineData("\"translations\":{\"ru\":\" \"}", "the translation 'ru' is empty")]
    [InlineData("\"translations\":{\"\":\"текст\"}", "the translation '' is empty")]
    [InlineData("\"language\":\"ru\",\"translations\":{\"ru\":\"текст\"}", "in the language the text is written in")]
    [InlineData("\"language\":\"\"", "the language of a text is empty")]
    [InlineData("\"language\":7", "'language' is not a string")]
    public void A_malformed_language_or_translations_member_is_refused(string members, string why)
    {
        var json = $$"""{"at":"2021-11-26T14:15:03.120Z","by":"cec","kind":"certification",{{members}},"logSize":9,"number":1,"position":9"""
            + ""","sequence":8,"statement":"s"}""";
        var bytes = Core.Json.CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(json));
        var refused = Assert.Throws<FormatException>(() => RegisterRecord.Decode(bytes));
        Assert.Contains(why, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_translation_longer_than_a_free_text_is_refused()
    {
        var tooLong = new string('а', Core.Json.FreeText.MaxLength + 1);
        var refused = Assert.Throws<FormatException>(() => Translations.Of(null, new Dictionary<string, string> { ["ru"] = tooLong }));
        Assert.Contains("at most 1,000", refused.Message, StringComparison.Ordinal);
        var json = """{"at":"2021-11-26T14:15:03.120Z","by":"cec","kind":"certification","logSize":9,"number":1,"position":9,"""
            + $$$"""
                "sequence":8,"statement":"s","translations":{"ru":"{{{tooLong}}}"}}
                """;
        Assert.Throws<FormatException>(() => RegisterRecord.Decode(Encoding.UTF8.GetBytes(json)));
    }

    [Theory]
    [InlineData("ru", "ЦИК утверждает.", "ru")]
    [InlineData("ky", "БШК бекитет.", "ky")]
    [InlineData("en", "БШК бекитет.", "ky")]
    public void A_reader_is_shown_the_translation_into_their_language_else_the_text_as_entered(string reader, string text, string language)
    {
        var translations = Translations.Of("ky", new Dictionary<string, string> { ["ru"] = "ЦИК утверждает." });
        Assert.Equal((text, language), Translations.Show("БШК бекитет.", translations, reader));
        Assert.Equal(("as entered", (string?)null), Translations.Show("as entered", null, reader));
    }
}
