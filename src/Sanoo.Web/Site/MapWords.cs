using Sanoo.Web.Catalogs;

namespace Sanoo.Web.Site;

/// <summary>
/// The words of the maps and of finding one's station, in one language. «Карта» and «Шайлоо участогун издөө» / «Найти избирательный
/// участок» follow research/terminology.md; the rest are proposed here (docs/site.md).
/// </summary>
public sealed record MapWords(
    string Map,
    string ByLeader,
    string ByTurnout,
    string NoFigures,
    string TurnoutFormat,
    string FindStation,
    string Query,
    string Search,
    string FoundFormat,
    string NothingFound,
    string FirstFormat,
    string Address,
    string AllStations,
    string QueryHint)
{
    /// <summary>The words in <paramref name="language"/>, from its catalog (<see cref="WordCatalogs"/>).</summary>
    public static MapWords For(string language) => WordCatalogs.For<MapWords>(language);
}
