using System.CommandLine;

namespace Sanoo.Cli.Commands;

/// <summary>The <c>--db</c> option every command that uses a store shares.</summary>
public static class StoreOptions
{
    /// <summary>The option: <c>sqlite:PATH</c> or <c>postgres:CONNECTION_STRING</c>.</summary>
    public static Option<string> Database(bool required) => new("--db")
    {
        Description = "The store: sqlite:PATH (one file, the default kind) or postgres:CONNECTION_STRING (e.g. " +
            "postgres:Host=127.0.0.1;Username=sanoo;Database=sanoo).",
        Required = required,
    };

    /// <summary>The <c>--tree-head-file</c> option: where the last tree head a server signed is kept (docs/operations.md).</summary>
    public static Option<FileInfo?> TreeHeadFile() => new("--tree-head-file")
    {
        Description = "Where the last tree head the server signed is kept, outside the database, and held against the store "
            + "(default for SQLite: DB.tree-head.json beside the file; for PostgreSQL give a file on the server's own disk).",
    };

    /// <summary>The <c>--words</c> option: a folder of word catalogs that add languages to the site (docs/site.md).</summary>
    public static Option<DirectoryInfo?> Words() => new("--words")
    {
        Description = "A folder of word catalogs (CODE.json, like src/Sanoo.Web/Catalogs/en.json) that add languages to the site's words or "
            + "replace built-in ones; a catalog that lacks a word is refused.",
    };

    /// <summary>The <c>--public-url</c> option: where the public reaches the site, for share cards' absolute addresses.</summary>
    public static Option<Uri?> PublicUrl() => new("--public-url")
    {
        Description = "Where the public reaches the results site (e.g. https://results.example.org/), so links shared from it carry a "
            + "preview with absolute addresses; without it they are given from the site's root.",
        CustomParser = r => Uri.TryCreate(r.Tokens[0].Value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new ArgumentException($"--public-url '{r.Tokens[0].Value}' is not an http(s) address such as https://results.example.org/"),
    };
}
