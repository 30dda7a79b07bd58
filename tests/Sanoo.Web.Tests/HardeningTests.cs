using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Sanoo.Core.Protocols;
using Sanoo.Web.OpenData;

namespace Sanoo.Web.Tests;

/// <summary>Bad bytes get a 4xx that says what is wrong; answers carry the headers that keep pages and data safe to embed and read.</summary>
public class HardeningTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly string[] WritePaths = ["/api/v1/protocols", "/api/v1/hand-entries", "/api/v1/recounts", "/api/v1/certifications"];

    private async Task<HttpResponseMessage> PostBytes(string path, byte[] body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ServerFixture.AdminToken);
        return await server.Client.SendAsync(request);
    }

    private static byte[] WithText(string textJson) =>
        Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(ProtocolWriter.Canonical(ServerFixture.Sample.Election, ServerFixture.Sample.Hand[3]))
            .Replace("\"version\":1", "\"version\":2,\"correction\":{\"reason\":" + textJson + ",\"author\":\"x\"}", StringComparison.Ordinal));

    [Fact]
    public async Task Invalid_UTF8_in_any_write_body_is_a_400_naming_where()
    {
        foreach (var path in WritePaths)
        {
            byte[] body = [.. "{\"reason\":\"a"u8, 0xFF, 0xFE, .. "\",\"station\":\"s0001\"}"u8];
            var response = await PostBytes(path, body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains("not Unicode text", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Invalid_UTF8_in_a_member_name_or_a_nested_value_of_a_protocol_is_a_400_naming_where()
    {
        byte[][] bodies =
        [
            [.. "{\"protocol\":{\"stat"u8, 0xC3, 0x28, .. "\":\"s0001\"}}"u8],
            [.. "{\"protocol\":{\"station\":[\"ok\",\"s"u8, 0xED, 0xA0, 0x80, .. "\"]}}"u8],
        ];
        string[] where = ["$.protocol.<member 0>", "$.protocol.station[1]"];
        for (var i = 0; i < bodies.Length; i++)
        {
            var response = await PostBytes("/api/v1/protocols", bodies[i]);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains("not Unicode text", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.True(problem.GetProperty("errors").TryGetProperty(where[i], out _), problem.GetRawText());
        }
    }

    [Fact]
    public async Task A_lone_surrogate_escape_in_a_correction_reason_is_a_400_not_a_500()
    {
        var protocol = WithText("\"\\ud800\"");
        var response = await PostBytes("/api/v1/protocols", [.. "{\"protocol\":"u8, .. protocol, .. "}"u8]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("$.protocol.correction.reason", problem.GetProperty("errors").GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(9_999_999_999_999_999)]
    [InlineData(long.MaxValue)]
    [InlineData(253_402_300_800_000)]
    public async Task A_cosignature_with_a_time_beyond_the_calendar_is_a_400_not_a_500(long timestamp)
    {
        var body = System.Text.Encoding.UTF8.GetBytes(
            $"{{\"witness\":\"Observer Mission\",\"treeSize\":1,\"registerSize\":1,\"timestamp\":{timestamp},"
            + $"\"rootHash\":\"{new string('a', 64)}\",\"registerRoot\":\"{new string('a', 64)}\","
            + $"\"signature\":\"{Convert.ToBase64String(new byte[64])}\"}}");
        var response = await PostBytes("/api/v1/cosignatures", body);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_body_that_trickles_in_is_answered_408()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(server.Address.Host, server.Address.Port);
        var head = $"POST /api/v1/protocols HTTP/1.1\r\nHost: {server.Address.Authority}\r\nContent-Type: application/json\r\n"
            + "Content-Length: 100000\r\n\r\n{";
        await socket.SendAsync(Encoding.ASCII.GetBytes(head));
        var answer = new byte[4096];
        var read = 0;
        var until = DateTime.UtcNow.AddSeconds(30);
        while (read == 0 && DateTime.UtcNow < until)
        {
            // one byte a second: far below Kestrel's minimum body rate, so the server gives up on it
            await socket.SendAsync(" "u8.ToArray());
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            try
            {
                read = await socket.ReceiveAsync(answer, SocketFlags.None, wait.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
        Assert.StartsWith("HTTP/1.1 408", Encoding.ASCII.GetString(answer, 0, read), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_and_data_carry_a_content_security_policy_nosniff_and_no_referrer()
    {
        foreach (var path in new[] { "/en/", "/api/v1/results", "/api/v1/status" })
        {
            var response = await server.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        }
    }

    [Fact]
    public async Task Public_reads_allow_any_origin_and_operators_entries_do_not()
    {
        foreach (var path in new[] { "/api/v1/results", "/ky/data.json", "/ru/area/batken/data.csv", "/en/single-member/" })
        {
            var read = await server.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            Assert.Equal("*", Assert.Single(read.Headers.GetValues("Access-Control-Allow-Origin")));
        }
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/hand-entries/queue");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ServerFixture.AdminToken);
        var entries = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, entries.StatusCode);
        Assert.False(entries.Headers.Contains("Access-Control-Allow-Origin"));
        var write = await server.SubmitAsync(new { protocol = 1 });
        Assert.False(write.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public void CSV_text_that_a_spreadsheet_would_run_is_neutralised_and_numbers_are_not()
    {
        var text = new StringWriter();
        new Csv(text).Row("=HYPERLINK(\"http://x\")", "+1", "-cmd", "@SUM(A1)", -5, "Ata-Jurt", "\tx");
        Assert.Equal("\"'=HYPERLINK(\"\"http://x\"\")\",'+1,'-cmd,'@SUM(A1),-5,Ata-Jurt,'\tx\r\n", text.ToString());
    }
}
