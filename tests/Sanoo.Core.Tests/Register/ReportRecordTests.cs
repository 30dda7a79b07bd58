using System.Collections.Immutable;
using System.Text;
using Sanoo.Core.Register;

namespace Sanoo.Core.Tests.Register;

/// <summary>Reports, answers and reporters' enrolments are register records that read back to the same bytes, strictly.</summary>
public class ReportRecordTests
{
    private static readonly DateTimeOffset At = new(2021, 11, 28, 20, 15, 0, 123, TimeSpan.Zero);

    private static readonly ImmutableArray<byte> Hash = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    public static TheoryData<RegisterRecord> Records() =>
    [
        new ReportRecord(10, 12, At, "Айгүл", 1, "s0001", "list", "image-differs", "312 on the photo, \"321\" on the site", Hash),
        new ReportRecord(11, 12, At, "agent", 2, "s0002", null, "not-posted", "", null),
        new ReportAnswerRecord(12, 12, At, "cec", 1, "accepted", "", 3, Hash),
        new ReportAnswerRecord(13, 14, At, "cec", 2, "rejected", "the protocol was posted at 21:10", null, null),
        new OperatorRecord(4, 0, At, "commission", "agent", "party-agent", null, Hash, "p03"),
        new OperatorRecord(5, 0, At, "commission", "Айгүл", "observer", "d01", Hash),
    ];

    [Theory]
    [MemberData(nameof(Records))]
    public void Every_report_record_reads_back_to_the_same_bytes(RegisterRecord record)
    {
        var bytes = record.Encode();
        var read = RegisterRecord.Decode(bytes);
        Assert.Equal(record.Kind, read.Kind);
        Assert.Equal(bytes, read.Encode());
        Assert.Equal(record.Station, read.Station);
    }

    [Fact]
    public void A_report_with_a_member_it_does_not_know_or_without_its_text_is_refused()
    {
        var json = Encoding.UTF8.GetString(new ReportRecord(10, 12, At, "a", 1, "s0001", null, "other", "x", null).Encode());
        var extra = json.Replace("\"at\"", "\"agent\":\"x\",\"at\"", StringComparison.Ordinal);
        Assert.Contains("unknown member 'agent'", Assert.Throws<FormatException>(() => RegisterRecord.Decode(Encoding.UTF8.GetBytes(extra))).Message,
            StringComparison.Ordinal);
        var without = json.Replace(",\"text\":\"x\"", "", StringComparison.Ordinal);
        Assert.Contains("lacks 'text'", Assert.Throws<FormatException>(() => RegisterRecord.Decode(Encoding.UTF8.GetBytes(without))).Message,
            StringComparison.Ordinal);
    }
}
