namespace Sanoo.Web.Site;

/// <summary>
/// The site's style sheet and its one script: two small files the browser fetches once and keeps
/// (their addresses carry a hash of their content), no web fonts, no frameworks, no third-party
/// requests. The script only refreshes the page when a newer snapshot is published; the pages
/// work without it. Every page names each file it loads with its Subresource Integrity digest (SHA-256 of the bytes served), so
/// a browser runs or applies no other bytes under that name: a page held byte for byte by the verifier holds what it loads too.
/// </summary>
public static class SiteAssets
{
    /// <summary>The style sheet.</summary>
    public static string Css { get; } = Read("Sanoo.Web.site.css");

    /// <summary>The live-refresh script.</summary>
    public static string Script { get; } = Read("Sanoo.Web.site.js");

    private static readonly Lazy<string> Check =
        new(() => $"window.sanooWords={CheckWordsJson()};\n" + Read("Sanoo.Web.rules.js") + "\n" + Read("Sanoo.Web.check.js"));

    /// <summary>
    /// The results pages' own check, loaded only when a reader presses "check these numbers": it verifies the signed tree head
    /// with the commission's key printed on the page, the page's entries and their inclusion proofs, re-adds them and re-runs the
    /// election's rules on the sums (rules.js: participation, threshold, seats, single-member winners). It carries
    /// the check's words in every language with a catalog when it is first served (a catalog added from a folder at start-up
    /// included).
    /// </summary>
    public static string CheckScript => Check.Value;

    /// <summary>The check script's address.</summary>
    public const string CheckScriptPath = "/check.js";

    /// <summary>The check script's address with its version.</summary>
    public static string CheckScriptHref => $"{CheckScriptPath}?v={Version(CheckScript)}";

    /// <summary>The check script's Subresource Integrity digest.</summary>
    public static string CheckScriptIntegrity => Integrity(CheckScript);

    /// <summary>The operators' entry-form script.</summary>
    public static string EntryScript { get; } = Read("Sanoo.Web.entry.js");

    /// <summary>The entry script's address.</summary>
    public const string EntryScriptPath = "/entry.js";

    /// <summary>The entry script's address with its version.</summary>
    public static string EntryScriptHref { get; } = $"{EntryScriptPath}?v={Version(EntryScript)}";

    /// <summary>The entry script's Subresource Integrity digest.</summary>
    public static string EntryScriptIntegrity { get; } = Integrity(EntryScript);

    /// <summary>The style sheet's address.</summary>
    public const string CssPath = "/site.css";

    /// <summary>
    /// The site's icon, a ballot box, inline in every page (a data URI, which the content policy allows for images): no request of
    /// its own and no <c>/favicon.ico</c> asked for and missing, live or in a published folder.
    /// </summary>
    public const string IconHref = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E"
        + "%3Crect x='1' y='6' width='14' height='9' rx='1' fill='%231f5fa8'/%3E%3Crect x='5' y='1' width='6' height='8' fill='%23fff' "
        + "stroke='%231f5fa8'/%3E%3Crect x='4' y='6' width='8' height='1.5' fill='%230b2e57'/%3E%3C/svg%3E";

    /// <summary>The script's address.</summary>
    public const string ScriptPath = "/site.js";

    /// <summary>The style sheet's address with its version, for pages to link.</summary>
    public static string CssHref { get; } = $"{CssPath}?v={Version(Css)}";

    /// <summary>The style sheet's Subresource Integrity digest.</summary>
    public static string CssIntegrity { get; } = Integrity(Css);

    /// <summary>The script's address with its version, for pages to link.</summary>
    public static string ScriptHref { get; } = $"{ScriptPath}?v={Version(Script)}";

    /// <summary>The script's Subresource Integrity digest.</summary>
    public static string ScriptIntegrity { get; } = Integrity(Script);

    /// <summary>
    /// The site's files every page loads, by address, with their text as served (UTF-8): what a published folder holds beside
    /// the pages, and what the verifier holds those files to.
    /// </summary>
    public static IReadOnlyList<(string Path, string Text)> Files =>
        [(CssPath, Css), (ScriptPath, Script), (CheckScriptPath, CheckScript)];

    /// <summary>
    /// The Subresource Integrity digest of <paramref name="text"/> served as UTF-8 (W3C SRI: <c>sha256-</c> and the base64 of its
    /// SHA-256).
    /// </summary>
    public static string Integrity(string text) => Integrity(System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>The Subresource Integrity digest of <paramref name="bytes"/>.</summary>
    public static string Integrity(ReadOnlySpan<byte> bytes) =>
        "sha256-" + Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(bytes));

    /// <summary>The check's words in every language with a catalog, as one JSON object by language code.</summary>
    private static string CheckWordsJson()
    {
        var all = new System.Text.Json.Nodes.JsonObject();
        foreach (var language in Catalogs.WordCatalogs.Languages)
        {
            var words = CheckWords.For(language);
            all[language] = new System.Text.Json.Nodes.JsonObject(typeof(CheckWords).GetProperties()
                .Where(p => p.PropertyType == typeof(string))
                .Select(p => KeyValuePair.Create(p.Name, (System.Text.Json.Nodes.JsonNode?)(string)p.GetValue(words)!)));
        }
        return all.ToJsonString(new System.Text.Json.JsonSerializerOptions
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
    }

    private static string Version(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..8];

    private static string Read(string name)
    {
        using var stream = typeof(SiteAssets).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"missing resource {name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Trim();
    }
}
