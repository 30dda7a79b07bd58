namespace Sanoo.Web.Site;

/// <summary>
/// The site's style sheet and its one script, inlined into every page: one request per page on
/// a slow mobile network, no web fonts, no frameworks, no third-party requests. The script only
/// refreshes the page when a newer snapshot is published; the pages work without it.
/// </summary>
public static class SiteAssets
{
    /// <summary>The style sheet.</summary>
    public static string Css { get; } = Read("Sanoo.Web.site.css");

    /// <summary>The live-refresh script.</summary>
    public static string Script { get; } = Read("Sanoo.Web.site.js");

    private static string Read(string name)
    {
        using var stream = typeof(SiteAssets).Assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"missing resource {name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Trim();
    }
}
