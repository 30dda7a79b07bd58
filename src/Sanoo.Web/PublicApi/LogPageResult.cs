using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Sanoo.Storage.Log;
using Sanoo.Storage.Register;

namespace Sanoo.Web.PublicApi;

/// <summary>
/// A page of <c>/api/v1/entries</c> or <c>/api/v1/register</c> written straight from the store's rows into the response by
/// <see cref="LogPageWriter"/>, flushed as it goes: a page is 1–2 MB, which as one array would be garbage of the large-object heap
/// a thousand times for a million-entry log.
/// </summary>
public sealed class LogPageResult : IResult
{
    private const int FlushEvery = 100; // rows written between flushes of the response (a page is 1–2 MB)

    private readonly LogPageWriter _writer;
    private readonly long _after;
    private readonly IReadOnlyList<LogEntry>? _entries;
    private readonly IReadOnlyList<RegisterRow>? _records;

    private LogPageResult(LogPageWriter writer, long after, IReadOnlyList<LogEntry>? entries, IReadOnlyList<RegisterRow>? records) =>
        (_writer, _after, _entries, _records) = (writer, after, entries, records);

    /// <summary>A page of the log's entries after position <paramref name="after"/>.</summary>
    public static LogPageResult Entries(LogPageWriter writer, long after, IReadOnlyList<LogEntry> entries) =>
        new(writer, after, entries, null);

    /// <summary>A page of the register's records after place <paramref name="after"/>.</summary>
    public static LogPageResult Register(LogPageWriter writer, long after, IReadOnlyList<RegisterRow> records) =>
        new(writer, after, null, records);

    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        var body = response.BodyWriter;
        await using var json = new Utf8JsonWriter(body, _writer.Options);
        WriteStart(json);
        for (var i = 0; i < Count; i++)
        {
            WriteRow(json, i);
            if (i % FlushEvery == FlushEvery - 1)
            {
                json.Flush();
                await body.FlushAsync(httpContext.RequestAborted);
            }
        }
        WriteEnd(json);
        json.Flush();
    }

    /// <summary>The page's bytes at once, as <see cref="ExecuteAsync"/> writes them in parts.</summary>
    public byte[] ToBytes()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, _writer.Options))
        {
            WriteTo(json);
        }
        return buffer.WrittenSpan.ToArray();
    }

    private void WriteTo(Utf8JsonWriter json)
    {
        WriteStart(json);
        for (var i = 0; i < Count; i++)
        {
            WriteRow(json, i);
        }
        WriteEnd(json);
    }

    private int Count => _entries?.Count ?? _records!.Count;

    private void WriteStart(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteNumber("after"u8, _after);
        json.WriteStartArray(_entries is null ? "records"u8 : "entries"u8);
    }

    private void WriteRow(Utf8JsonWriter json, int i)
    {
        if (_entries is not null)
        {
            _writer.Entry(json, _entries[i]);
        }
        else
        {
            _writer.Record(json, _records![i]);
        }
    }

    private static void WriteEnd(Utf8JsonWriter json)
    {
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
