using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Sanoo.Core.Register;

/// <summary>
/// A word catalog an operator put in force for one language of the results site (<c>sanoo serve --words</c>, <c>sanoo publish
/// --words</c>): the catalog's whole text, so that what a page says about a number (which column is "valid", the threshold
/// sentence) is in the signed register, visible to anyone who reads it, and the verifier renders its pages with these words without
/// being handed them. The last record of a language is the catalog in force for it; a language with none is worded by the catalog
/// built into Sanoo (the same for everyone). A catalog changed is recorded again, never edited.
/// Invariants: a language code and a text that are not empty. The text is the catalog file's UTF-8 text as read (a byte-order
/// mark aside); whether it binds the site's words is checked by the server before recording and by the verifier on replay.
/// </summary>
/// <param name="Sequence">Its place in the register.</param>
/// <param name="LogSize">Protocol log entries when it was recorded.</param>
/// <param name="At">When it was recorded.</param>
/// <param name="By">The command that recorded it (<c>sanoo serve</c>, <c>sanoo publish</c>).</param>
/// <param name="Language">The language code the catalog words (its file's name, <c>ky</c> for <c>ky.json</c>).</param>
/// <param name="Catalog">The catalog's JSON text, exactly.</param>
public sealed record WordCatalogRecord(long Sequence, long LogSize, DateTimeOffset At, string By, string Language, string Catalog)
    : RegisterRecord(Sequence, LogSize, At, By)
{
    /// <summary>The kind's word.</summary>
    public const string Word = "word-catalog";

    /// <inheritdoc />
    public override string Kind => Word;

    /// <summary>The SHA-256 of the catalog's UTF-8 text, lower-case hex: how a summary or a message names one version of it.</summary>
    public string CatalogSha256 => Sha256Of(Catalog);

    /// <summary>The SHA-256 of a catalog's UTF-8 <paramref name="text"/>, lower-case hex.</summary>
    public static string Sha256Of(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Reads the kind's members; throws <see cref="FormatException"/> on an empty language or catalog.</summary>
    internal static WordCatalogRecord Of(long sequence, long logSize, DateTimeOffset at, string by, string language, string catalog) =>
        language.Length == 0 || catalog.Length == 0
            ? throw new FormatException($"register record {sequence}, a word catalog, has an empty language or catalog")
            : new WordCatalogRecord(sequence, logSize, at, by, language, catalog);

    private protected override void WriteFields(JsonObject json)
    {
        json["language"] = Language;
        json["catalog"] = Catalog;
    }
}
