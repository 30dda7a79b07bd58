using System.Collections.Immutable;
using Sanoo.Core.Register;
using Sanoo.Web.Catalogs;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// The words the verifier renders the site's pages with: the register's word catalogs (<see cref="WordCatalogRecord"/>, the last of
/// each language), the built-in ones for the languages the register holds none for, and for those only the observer's own
/// <c>--words</c> folder (a site published before Sanoo recorded its catalogs). A page worded with anything else differs from
/// the verifier's and is named by language (<see cref="PageHtmlCheck.AddDifferences"/>).
/// </summary>
/// <param name="given">The catalogs of <c>--words</c>, read at start (none without it).</param>
internal sealed class RegisterWords(ImmutableArray<WordCatalog> given)
{
    /// <summary>
    /// Puts in force the catalogs <paramref name="register"/> holds; a record whose catalog does not
    /// bind this Sanoo's words is a problem, a <c>--words</c> catalog the register words otherwise or not at all a note.
    /// </summary>
    public void PutInForce(IReadOnlyDictionary<string, WordCatalogRecord> register, List<string> problems, List<string> notes)
    {
        var held = new List<WordCatalog>();
        foreach (var record in register.Values)
        {
            try
            {
                held.Add(WordCatalogs.Of(record));
            }
            catch (WordCatalogException e)
            {
                problems.Add($"{e.Message}: the register's words for {record.Language} do not bind this Sanoo's, so no page can show them");
            }
        }
        WordCatalogs.Add(held);
        foreach (var own in given)
        {
            if (register.GetValueOrDefault(own.Language) is not { } recorded)
            {
                notes.Add($"the words for {own.Language} are the observer's (--words {own.Source}), not the register's, which holds no "
                    + "catalog for it: right only for a site published before Sanoo recorded its word catalogs; the register does not vouch "
                    + "for these words");
            }
            else if (recorded.Catalog != own.Text)
            {
                notes.Add($"--words {own.Source} is not the word catalog register record {recorded.Sequence} holds for {own.Language}: "
                    + "the register's wins, and the pages are held to it");
            }
        }
    }
}
