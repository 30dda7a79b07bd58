using System.Net;
using System.Text.Json;
using Sanoo.Web.Ingest;
using Wire = Sanoo.Contracts;

namespace Sanoo.Web.Tests;

/// <summary>The receipt written as bytes is what the serializer writes for the same receipt, and the server sends it whole.</summary>
public class ReceiptBytesTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 6, 30, 1, 123, TimeSpan.FromHours(6));

    private static Wire.Receipt Accepted => new(
        Wire.ReceiptOutcome.Accepted, null, 41, 1, new string('a', 64), 40, new string('b', 64), At, [], []);

    private static Wire.Receipt Duplicate => new(
        Wire.ReceiptOutcome.Duplicate, Wire.StoredOutcome.Conflict, 7, 3, new string('c', 64), 6, new string('d', 64),
        At.AddTicks(4567), [new("valid_equals_votes", "valid = votes(*)", Wire.Severity.Warning, 12, -3)], []);

    private static Wire.Receipt RejectedWithEverythingToEscape => new(
        Wire.ReceiptOutcome.Rejected, null, 0, 2, "e\"<>&'\\/", null, "", new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
        [
            new("ballots_<issued>", "бюллетени ≥ «голоса» + \u2028 \t", Wire.Severity.Error, long.MaxValue, long.MinValue),
            new("b", "a + b = c", Wire.Severity.Warning, 0, 1),
        ],
        [new("$.protocol.votes[\"p01\"]", "not a number: «x»"), new("$", "é")]);

    public static TheoryData<string> Receipts => new() { "accepted", "duplicate", "rejected" };

    private static Wire.Receipt Named(string name) => name switch
    {
        "accepted" => Accepted,
        "duplicate" => Duplicate,
        _ => RejectedWithEverythingToEscape,
    };

    [Theory]
    [MemberData(nameof(Receipts))]
    public void One_receipt_is_the_serializers_bytes(string name)
    {
        var receipt = Named(name);
        var expected = JsonSerializer.SerializeToUtf8Bytes(new Wire.ReceiptAnswer(receipt), Wire.WireJson.Default.ReceiptAnswer);
        Assert.Equal(expected, ReceiptBytes.Answer([receipt], batch: false));
    }

    [Fact]
    public void A_batch_of_receipts_is_the_serializers_bytes()
    {
        Wire.Receipt[] receipts = [Accepted, Duplicate, RejectedWithEverythingToEscape];
        var expected = JsonSerializer.SerializeToUtf8Bytes(new Wire.ReceiptBatchAnswer(receipts), Wire.WireJson.Default.ReceiptBatchAnswer);
        Assert.Equal(expected, ReceiptBytes.Answer(receipts, batch: true));
        Assert.Equal(
            JsonSerializer.SerializeToUtf8Bytes(new Wire.ReceiptBatchAnswer([]), Wire.WireJson.Default.ReceiptBatchAnswer),
            ReceiptBytes.Answer([], batch: true));
    }

    [Fact]
    public async Task A_signed_protocol_is_answered_with_its_length_and_the_bytes_the_serializer_writes_for_its_receipt()
    {
        var protocol = ServerFixture.Sample.Machine.First(p => p.Station.Value == "s0002" && p.Contest.Value == "list");
        var body = new { protocol = ServerFixture.ProtocolJson(protocol), signature = ServerFixture.Sign(protocol, server.Keys["s0002"]) };
        foreach (var _ in new[] { "first", "retry" })
        {
            var response = await server.SubmitAsync(body);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(ReceiptResult.ContentType, response.Content.Headers.ContentType?.ToString());
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
            Assert.False(response.Headers.TransferEncodingChunked ?? false);
            var answer = JsonSerializer.Deserialize(bytes, Wire.WireJson.Default.ReceiptAnswer)!;
            Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(answer, Wire.WireJson.Default.ReceiptAnswer), bytes);
            Assert.NotEqual(0, answer.Receipt.Sequence);
        }
    }

    [Fact]
    public async Task A_device_that_accepts_gzip_gets_its_receipt_compressed_and_whole()
    {
        using var gzip = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None })
        {
            BaseAddress = server.Address,
        };
        gzip.DefaultRequestHeaders.AcceptEncoding.ParseAdd("gzip");
        var protocol = ServerFixture.Sample.Machine.First(p => p.Station.Value == "s0002" && p.Contest.Value == "list");
        var body = new { protocol = ServerFixture.ProtocolJson(protocol), signature = ServerFixture.Sign(protocol, server.Keys["s0002"]) };
        var response = await server.SubmitAsync(body, client: gzip);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        await using var unzip = new System.IO.Compression.GZipStream(await response.Content.ReadAsStreamAsync(),
            System.IO.Compression.CompressionMode.Decompress);
        using var plain = new MemoryStream();
        await unzip.CopyToAsync(plain);
        var answer = JsonSerializer.Deserialize(plain.ToArray(), Wire.WireJson.Default.ReceiptAnswer)!;
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(answer, Wire.WireJson.Default.ReceiptAnswer), plain.ToArray());
        Assert.NotEqual(0, answer.Receipt.Sequence);
    }
}
