using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace Sanoo.Web.Publishing;

/// <summary>
/// The per-request compression of answers made for one request (a station search, the streamed protocols CSV, the status): ASP.NET's
/// response compression, told to leave alone an answer that chose its own coding (<see cref="Kept"/>). An answer kept with its
/// snapshot is compressed once (<see cref="ReadyAnswer"/>) and sent as it is, never compressed twice nor again per request.
/// </summary>
public sealed class OneOffCompression(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
    : ResponseCompressionProvider(services, options)
{
    /// <inheritdoc />
    public override bool ShouldCompressResponse(HttpContext context) =>
        context.Features.Get<KeptCoding>() is null && base.ShouldCompressResponse(context);

    /// <summary>Marks the answer to <paramref name="context"/> as sent in the coding it chose, to be left as it is.</summary>
    public static void Kept(HttpContext context) => context.Features.Set(KeptCoding.Instance);

    private sealed class KeptCoding
    {
        public static readonly KeptCoding Instance = new();
    }
}
