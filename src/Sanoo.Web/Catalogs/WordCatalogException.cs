namespace Sanoo.Web.Catalogs;

/// <summary>A word catalog that does not fit the records it words: its message names the file, the section and the key.</summary>
public sealed class WordCatalogException(string message) : Exception(message);
