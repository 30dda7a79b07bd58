using Sanoo.Web.Site;

namespace Sanoo.Cli.Sheets;

/// <summary>
/// The words a protocol sheet prints around the definition's names, in the sheet's language: the site's own words where it has
/// them (station, votes, version, correction), and the few only a sheet needs. Kyrgyz and Russian follow
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
    /// <summary>The words in <paramref name="language"/>; English for a language the site does not speak.</summary>
    public static SheetWords For(string language)
    {
        var site = SiteLanguage.Of(language).Words;
        var (protocol, first, signed, notSigned) = language switch
        {
            "ky" => ("Добуш берүүнүн жыйынтыктары жөнүндө протокол", "биринчи жазуу", "Участоктун түзмөгү кол койгон (Ed25519)",
                "Түзмөк кол койгон эмес"),
            "ru" => ("Протокол об итогах голосования", "первая запись", "Подписан устройством участка (Ed25519)",
                "Не подписан устройством участка"),
            _ => ("Protocol of the voting results", "first record", "Signed by the station's device (Ed25519)", "Not signed by a device"),
        };
        return new SheetWords(site.Station, protocol, site.Votes, site.Version, site.Correction, first, signed, notSigned);
    }
}
