namespace Sanoo.Web;

/// <summary>How the server runs. Checked at start-up (<see cref="Validate"/>).</summary>
public sealed record ServerOptions
{
    /// <summary>Where Kestrel listens, e.g. http://127.0.0.1:5080.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    /// <summary>How often a new snapshot is frozen, checked and published when the log moved.</summary>
    public TimeSpan PublishInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How often the tree head is signed afresh when the log has not moved.</summary>
    public TimeSpan TreeHeadInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often keys and operators are re-read from the store (enrolments made while running).</summary>
    public TimeSpan AccessRefresh { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How often a results page in a browser asks whether a newer snapshot is out.</summary>
    public TimeSpan PageRefresh { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The largest request body accepted, in bytes.</summary>
    public long MaxRequestBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>
    /// The largest ERR report (<c>/api/v1/export/err.json</c> and <c>.xml</c>), in bytes, made whole once per snapshot and kept with
    /// its compressed forms; a larger one (some 4 KB a station at 21 choices, so from some 8,000 stations) is written to each request
    /// as it is made, one request at a time (<see cref="PublicApi.WrittenAsMadeResult"/>).
    /// </summary>
    public int MostKeptReportBytes { get; init; } = 32 * 1024 * 1024;

    /// <summary>The most submissions in one write request.</summary>
    public int MaxBatch { get; init; } = 1000;

    /// <summary>Write requests allowed per client address per second (a flood from one address does not starve the others).</summary>
    public int WritesPerSecondPerAddress { get; init; } = 200;

    /// <summary>
    /// Public reads (GET and HEAD of the API, pages and open data) allowed per client address per
    /// second, on average: a token bucket refilled this much every second. Generous, because a CDN
    /// or reverse proxy in front reads for many people from one address: list it in
    /// <see cref="TrustedProxies"/> or raise this.
    /// </summary>
    public int PublicReadsPerSecondPerAddress { get; init; } = 500;

    /// <summary>The most public reads one address may make at once, after a quiet spell (the token bucket's size).</summary>
    public int PublicReadBurst { get; init; } = 1000;

    /// <summary>
    /// Addresses of reverse proxies and CDN edges whose <c>X-Forwarded-For</c> is believed: a
    /// request from one of them is counted against the client address it names. From any other
    /// address the header is ignored, so a client cannot escape its limit by writing it.
    /// </summary>
    public IReadOnlyList<string> TrustedProxies { get; init; } = [];

    /// <summary>
    /// Where the last tree head this server signed is kept, outside the database (see <see cref="Publishing.TreeHeadFile"/>);
    /// none when null.
    /// </summary>
    public string? TreeHeadFile { get; init; }

    /// <summary>
    /// A folder of word catalogs (<c>CODE.json</c>, as <c>src/Sanoo.Web/Catalogs/en.json</c>) that add languages to the site's
    /// words or replace built-in ones, without a rebuild; none when null. A catalog that lacks a word fails the start. Each is
    /// recorded in the register unless it holds it already (<see cref="Catalogs.RegisteredWords"/>), and the register's catalogs
    /// word the site with or without this folder.
    /// </summary>
    public string? WordsFolder { get; init; }

    /// <summary>
    /// Whether the server checks its store against itself and the kept tree head before serving
    /// (<see cref="Log.ElectionLog.CheckStoreAsync"/>). Only drills that play an insider who also
    /// disabled it turn it off, to show that observers catch what the server was not allowed to.
    /// </summary>
    public bool CheckStoreAtStart { get; init; } = true;

    /// <summary>
    /// Where the public reaches the site (<c>https://results.example.org/</c>), for the absolute addresses share cards need;
    /// null when unknown (cards then give addresses from the site's root, which some link previews do not follow).
    /// </summary>
    public Uri? PublicAddress { get; init; }

    /// <summary>
    /// The networks (CIDR, e.g. <c>10.0.0.0/24</c>) whose addresses may read <c>/metrics</c>; empty means loopback only. A request
    /// that came through a proxy not listed in <see cref="TrustedProxies"/> is refused whatever its address.
    /// </summary>
    public IReadOnlyList<string> MetricsFrom { get; init; } = [];

    /// <summary>
    /// Whether requests start on the threads that wait for the network rather than being handed to the thread pool as they arrive
    /// (Kestrel's <c>UnsafePreferInlineScheduling</c>, and the runtime's <c>DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS</c> through
    /// <see cref="SanooServer.PrepareProcess"/>): a read already answered from the snapshot is then sent from the network thread, with
    /// no hand-over between threads (12% less of the server's processor a compressed read, docs/performance.md), and everything else
    /// moves to the pool at once and stays there (<see cref="Log.OffNetworkThreads"/>), so nothing that waits holds up the network.
    /// <c>sanoo serve --inline-io</c>; not the default while whether it costs signed protocols more is not settled, and a host that
    /// does not prepare the process gets Kestrel's half alone, which was slower.
    /// </summary>
    public bool InlineIo { get; init; }

    /// <summary>
    /// Whether reads already answered from the snapshot are answered at the connection, before Kestrel reads HTTP
    /// (<see cref="PublicApi.ConnectionHotReads"/>), on plain HTTP with no trusted proxy; elsewhere, or when false, they take the
    /// pipeline's short way (<see cref="PublicApi.HotReads"/>). The default; <c>sanoo serve --no-connection-reads</c> turns it off.
    /// </summary>
    public bool ReadsAtConnection { get; init; } = true;

    /// <summary>How long an idle connection is kept open for its next request (Kestrel's keep-alive; its default, 130 s).</summary>
    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(130);

    /// <summary>Whether the server logs one JSON object a line (for a log collector) instead of text.</summary>
    public bool JsonLogs { get; init; }

    /// <summary>
    /// The TLS certificate for <c>https://</c> addresses in <see cref="Urls"/>: a PEM file (with <see cref="HttpsKeyFile"/>, or
    /// holding the key too) or a PKCS#12 <c>.pfx</c>/<c>.p12</c> (its password, if any, in <c>SANOO_HTTPS_PASSWORD</c>); none when null.
    /// </summary>
    public string? HttpsCertificateFile { get; init; }

    /// <summary>The PEM private key of <see cref="HttpsCertificateFile"/>, when kept in its own file.</summary>
    public string? HttpsKeyFile { get; init; }

    /// <summary>Every problem with these options; empty when they are usable.</summary>
    public IEnumerable<string> Validate()
    {
        if (!Uri.TryCreate(Urls.Split(';')[0], UriKind.Absolute, out _))
        {
            yield return $"--urls '{Urls}' is not a URL such as http://127.0.0.1:5080";
        }
        if (PublishInterval <= TimeSpan.Zero || AccessRefresh <= TimeSpan.Zero || PageRefresh <= TimeSpan.Zero || KeepAlive <= TimeSpan.Zero)
        {
            yield return "intervals must be positive";
        }
        if (MaxRequestBytes < 1024 || MaxBatch < 1 || WritesPerSecondPerAddress < 1 || PublicReadsPerSecondPerAddress < 1
            || PublicReadBurst < 1)
        {
            yield return "request limits must be positive";
        }
        if (MostKeptReportBytes < 0)
        {
            yield return "the most bytes of a report kept cannot be negative";
        }
        if (PublicAddress is { } site && (!site.IsAbsoluteUri || site.Scheme is not ("http" or "https")))
        {
            yield return $"--public-url '{site}' is not an http(s) address such as https://results.example.org/";
        }
        foreach (var network in MetricsFrom.Where(n => !System.Net.IPNetwork.TryParse(n, out _)))
        {
            yield return $"--metrics-from '{network}' is not a network such as 10.0.0.0/24 or 192.0.2.7/32";
        }
        if (HttpsKeyFile is not null && HttpsCertificateFile is null)
        {
            yield return "--https-key needs --https-cert";
        }
        var https = Urls.Split(';').Any(u => u.StartsWith("https:", StringComparison.OrdinalIgnoreCase));
        if (https && HttpsCertificateFile is null)
        {
            yield return $"--urls '{Urls}' has an https address: give its certificate with --https-cert";
        }
        foreach (var file in new[] { HttpsCertificateFile, HttpsKeyFile }.OfType<string>().Where(f => !File.Exists(f)))
        {
            yield return $"no file {file}";
        }
        foreach (var proxy in TrustedProxies.Where(p => !System.Net.IPAddress.TryParse(p, out _)))
        {
            yield return $"trusted proxy '{proxy}' is not an IP address";
        }
    }
}
