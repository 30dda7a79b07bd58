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
    /// <summary>English.</summary>
    public static MapWords English { get; } = new(
        Map: "Map",
        ByLeader: "Who leads",
        ByTurnout: "Turnout",
        NoFigures: "no figures yet",
        TurnoutFormat: "turnout {0}",
        FindStation: "Find a polling station",
        Query: "Number, name or address",
        Search: "Search",
        FoundFormat: "Found: {0}",
        NothingFound: "Nothing found",
        FirstFormat: "The first {0} are shown; add a word to narrow the search.",
        Address: "Address",
        AllStations: "All polling stations",
        QueryHint: "Type at least two characters.");

    /// <summary>Russian.</summary>
    public static MapWords Russian { get; } = new(
        Map: "Карта",
        ByLeader: "Кто лидирует",
        ByTurnout: "Явка",
        NoFigures: "данных ещё нет",
        TurnoutFormat: "явка {0}",
        FindStation: "Найти избирательный участок",
        Query: "Номер, название или адрес",
        Search: "Найти",
        FoundFormat: "Найдено: {0}",
        NothingFound: "Ничего не найдено",
        FirstFormat: "Показаны первые {0}; уточните запрос.",
        Address: "Адрес",
        AllStations: "Все избирательные участки",
        QueryHint: "Введите не менее двух символов.");

    /// <summary>Kyrgyz.</summary>
    public static MapWords Kyrgyz { get; } = new(
        Map: "Карта",
        ByLeader: "Ким алдыда",
        ByTurnout: "Шайлоочулардын катышуусу",
        NoFigures: "маалымат азырынча жок",
        TurnoutFormat: "катышуу {0}",
        FindStation: "Шайлоо участогун издөө",
        Query: "Номери, аталышы же дареги",
        Search: "Издөө",
        FoundFormat: "Табылды: {0}",
        NothingFound: "Эч нерсе табылган жок",
        FirstFormat: "Алгачкы {0} көрсөтүлдү; сурамды тактаңыз.",
        Address: "Дареги",
        AllStations: "Бардык шайлоо участоктору",
        QueryHint: "Жок дегенде эки белги жазыңыз.");

    /// <summary>The words for a language code; English for a language the site has no words for.</summary>
    public static MapWords For(string language) => language switch
    {
        "ky" => Kyrgyz,
        "ru" => Russian,
        _ => English,
    };
}
