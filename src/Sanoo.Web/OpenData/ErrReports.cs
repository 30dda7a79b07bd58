using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Sanoo.Core.Err;
using Sanoo.Core.Tally;
using Sanoo.Web.PublicApi;
using Sanoo.Web.Publishing;

namespace Sanoo.Web.OpenData;

/// <summary>
/// The published snapshot as an NIST SP 1500-100 v2 Election Results Reporting report (docs/err.md), in JSON at
/// <see cref="JsonPath"/> and in XML at <see cref="XmlPath"/>: served live, written by <c>sanoo publish</c> at the same paths, and
/// by <c>sanoo export err</c>.
/// </summary>
public static class ErrReports
{
    /// <summary>The address of the JSON form.</summary>
    public const string JsonPath = "/api/v1/export/err.json";

    /// <summary>The address of the XML form.</summary>
    public const string XmlPath = "/api/v1/export/err.xml";

    /// <summary>The <c>VendorApplicationId</c>: Sanoo and its version.</summary>
    public static string Vendor { get; } = "Sanoo " + (typeof(ErrReports).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()
        ?.InformationalVersion.Split('+')[0] ?? "0");

    /// <summary>What a report of <paramref name="snapshot"/> says beside it: generated when it was published, certified or not.</summary>
    public static ErrContext Context(Snapshot snapshot, DateTimeOffset publishedAt, CommissionRecord acts) =>
        new(publishedAt, acts.Certifications.Any(c => c.Position <= snapshot.Position), Vendor);

    /// <summary>Writes the report of <paramref name="snapshot"/> in XML or JSON.</summary>
    public static void Write(Stream stream, Snapshot snapshot, ErrContext context, bool xml)
    {
        var report = ErrExport.Report(snapshot, context);
        if (xml)
        {
            ErrXml.Write(stream, report);
        }
        else
        {
            ErrJson.Write(stream, report);
        }
    }

    /// <summary>
    /// Maps both forms, answered from the published snapshot: made whole once and kept with it up to
    /// <see cref="ServerOptions.MostKeptReportBytes"/>, else written to each request as it is made.
    /// </summary>
    public static void MapErrExport(this IEndpointRouteBuilder app)
    {
        app.MapRead(JsonPath, (HttpContext context, SnapshotPublisher publisher) => Answer(context, publisher.Current, xml: false))
            .WithSummary("The published snapshot as an NIST SP 1500-100 v2 election results report, JSON (docs/err.md)")
            .Produces(200, contentType: ErrJson.ContentType).ProducesProblem(503);
        app.MapRead(XmlPath, (HttpContext context, SnapshotPublisher publisher) => Answer(context, publisher.Current, xml: true))
            .WithSummary("The published snapshot as an NIST SP 1500-100 v2 election results report, XML (docs/err.md)")
            .Produces(200, contentType: ErrXml.ContentType).ProducesProblem(503);
    }

    private static async Task<IResult> Answer(HttpContext context, Published published, bool xml)
    {
        if (published.Snapshot is not { } snapshot)
        {
            return Problems.Unavailable("No snapshot has been published yet.");
        }
        var services = context.RequestServices;
        var gate = services.GetRequiredService<WrittenAsMadeResult.Gate>();
        var (key, type) = xml ? ("export/err.xml", ErrXml.ContentType) : ("export/err.json", ErrJson.ContentType);
        var report = Context(snapshot, published.PublishedAt, published.Acts);
        IResult AsMade() => SnapshotResponse.NotModified(context, published.ETag)
            ?? new WrittenAsMadeResult(type, gate, s => Write(s, snapshot, report, xml));
        if (gate.TooLarge(key))
        {
            return AsMade();
        }
        var most = services.GetRequiredService<ServerOptions>().MostKeptReportBytes;
        return await SnapshotResponse.CachedBytesAsync(context, published, key, type, () =>
        {
            var whole = Whole(snapshot, report, xml, most);
            if (whole is null)
            {
                gate.FoundTooLarge(key);
            }
            return Task.FromResult(whole);
        }, AsMade);
    }

    /// <summary>The report made whole, or null once it passes <paramref name="most"/> bytes (it is then written as made).</summary>
    private static byte[]? Whole(Snapshot snapshot, ErrContext context, bool xml, int most)
    {
        using var buffer = new BoundedBuffer(most);
        try
        {
            Write(buffer, snapshot, context, xml);
        }
        catch (BoundedBuffer.FullException)
        {
            return null;
        }
        return buffer.ToArray();
    }

    /// <summary>A memory stream that refuses to grow past a number of bytes.</summary>
    private sealed class BoundedBuffer(int most) : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count) => base.Write(buffer, offset, Room(count));

        public override void Write(ReadOnlySpan<byte> buffer) => base.Write(buffer[..Room(buffer.Length)]);

        public override void WriteByte(byte value)
        {
            Room(1);
            base.WriteByte(value);
        }

        private int Room(int count) => Length + count <= most ? count : throw new FullException();

        public sealed class FullException : Exception;
    }
}
