using Sanoo.Web.Site;

namespace Sanoo.Cli.Sheets;

/// <summary>
/// The words a protocol sheet prints around the definition's names, in the sheet's language: the site's own words where it has
/// them (station, votes, version, correction), and the few only a sheet needs (<c>Sheet…</c> in the catalogs). Kyrgyz and Russian follow
/// ../shared/research/terminology.md ("протокол об итогах голосования" / "добуш берүүнүн жыйынтыктары жөнүндө протокол"); the
/// phrases about the device's signature are proposals (the commission's documents have none).
/// </summary>
/// <param name="Station">A polling station.</param>
/// <param name="Protocol">The heading over the form's lines.</param>
/// <param name="Votes">The heading over the choices.</param>
/// <param name="Version">A protocol's version.</param>
/// <param name="Correction">A correction of an earlier version.</param>
/// <param name="FirstRecord">Said of version 1.</param>
/// <param name="Signed">The station's device signed the protocol.</param>
/// <param name="NotSigned">No device signed it.</param>
internal sealed record SheetWords(
    string Station, string Protocol, string Votes, string Version, string Correction, string FirstRecord, string Signed, string NotSigned)
{
    /// <summary>The words in <paramref name="language"/>, from the site's word catalog (English for a language without one).</summary>
    public static SheetWords For(string language)
    {
        var site = SiteLanguage.Of(language).Words;
        return new SheetWords(
            site.Station, site.SheetProtocol, site.Votes, site.Version, site.Correction, site.SheetFirstRecord, site.SheetSigned,
            site.SheetNotSigned);
    }
}
