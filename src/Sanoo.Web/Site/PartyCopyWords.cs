using Sanoo.Web.Catalogs;

namespace Sanoo.Web.Site;

/// <summary>
/// The words of the ledger's section on the parties' copies of the protocols, in one language. Official terms follow the
/// terminology research (a party's authorized representative: уполномоченный представитель политической партии / саясий
/// партиянын ыйгарым укуктуу өкүлү; a copy: копия / көчүрмө); the sentences are proposals.
/// </summary>
/// <param name="Title">The section's heading.</param>
/// <param name="Intro">What the section compares, in a sentence.</param>
/// <param name="NoneDiffer">Said when no station's copy differs from the official count.</param>
/// <param name="NoneEntered">Said when the party has entered no copy yet.</param>
/// <param name="SummaryFormat">The party's totals: {0} copies compared, {1} matching, {2} differing, {3} votes apart, {4} waiting.</param>
/// <param name="Waiting">The heading of the copies whose station has no official count yet.</param>
public sealed record PartyCopyWords(string Title, string Intro, string NoneDiffer, string NoneEntered, string SummaryFormat, string Waiting)
{
    /// <summary>The words in <paramref name="language"/>, from its catalog (<see cref="WordCatalogs"/>).</summary>
    public static PartyCopyWords For(string language) => WordCatalogs.For<PartyCopyWords>(language);
}
