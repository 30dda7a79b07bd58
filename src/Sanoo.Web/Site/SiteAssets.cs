namespace Sanoo.Web.Site;

/// <summary>
/// The site's style sheet and its one script: two small files the browser fetches once and keeps
/// (their addresses carry a hash of their content), no web fonts, no frameworks, no third-party
/// requests. The script only refreshes the page when a newer snapshot is published; the pages
/// work without it.
/// </summary>
public static class SiteAssets
{
    /// <summary>The style sheet.</summary>
    public static string Css { get; } = Read("Sanoo.Web.site.css");

    /// <summary>The live-refresh script.</summary>
    public static string Script { get; } = Read("Sanoo.Web.site.js");

    /// <summary>The operators' entry-form script.</summary>
    public static string EntryScript { get; } = Read("Sanoo.Web.entry.js");

    /// <summary>The entry script's address.</summary>
    public const string EntryScriptPath = "/entry.js";

    /// <summary>The entry script's address with its version.</summary>
    public static string EntryScriptHref { get; } = $"{EntryScriptPath}?v={Version(EntryScript)}";

    /// <summary>The style sheet's address.</summary>
    public const string CssPath = "/site.css";

    /// <summary>The script's address.</summary>
    public const string ScriptPath = "/site.js";

    /// <summary>The style sheet's address with its version, for pages to link.</summary>
    public static string CssHref { get; } = $"{CssPath}?v={Version(Css)}";

    /// <summary>The script's address with its version, for pages to link.</summary>
    public static string ScriptHref { get; } = $"{ScriptPath}?v={Version(Script)}";

    private static string Version(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..12];

    private static string Read(string name)
    {
        using var stream = typeof(SiteAssets).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"missing resource {name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Trim();
    }
}
