namespace Sanoo.Web.Site;

/// <summary>
/// The words of the night's-progress page (stations counted and the leading shares through the night), in one language. Terms
/// follow the terminology research: «поступили данные с … участков» / «участоктордон маалымат алынды», «по состоянию на» / «саат …
/// боюнча» (the suffix-free Kyrgyz form a template can use); the sentences are proposals.
/// </summary>
public sealed record ProgressWords(
    string Title,
    string Link,
    string Intro,
    string Corrections,
    string None,
    string Reporting,
    string ReportingDesc,
    string SharesFormat,
    string SharesDesc,
    string Time,
    string StationsFormat,
    string Figures,
    string AllFigures,
    string TimesIn)
{
    /// <summary>English.</summary>
    public static ProgressWords English { get; } = new(
        Title: "The count through the night: {0}",
        Link: "The count through the night",
        Intro: "How the count progressed as polling stations reported: the share of stations counted by each count, and the leading "
            + "parties' shares of the voters counted so far, at each time.",
        Corrections: "Each point is the count as it was known then: a corrected protocol counts from the time its correction was "
            + "received. Every time is the one the log recorded, so anyone who replays the log gets the same points.",
        None: "No protocol has been counted yet.",
        Reporting: "Stations counted",
        ReportingDesc: "Share of polling stations counted over time, one line per count; the line's name and latest value at its end.",
        SharesFormat: "Shares of the leading parties: {0}",
        SharesDesc: "Each leading party's share of the voters counted so far, over time; its name and latest share at the end of its line.",
        Time: "Time",
        StationsFormat: "{0} of {1} stations",
        Figures: "The figures",
        AllFigures: "Every point, with every party's votes",
        TimesIn: "Times in {0}");

    /// <summary>Russian.</summary>
    public static ProgressWords Russian { get; } = new(
        Title: "Ход подсчёта: {0}",
        Link: "Ход подсчёта",
        Intro: "Как шёл подсчёт по мере поступления данных с избирательных участков: доля обработанных участков по каждому подсчёту и "
            + "доли лидирующих партий среди учтённых избирателей на каждый момент.",
        Corrections: "Каждая точка — данные, известные на тот момент: уточнённый протокол учитывается с момента его поступления. "
            + "Время взято из журнала, поэтому любой, кто воспроизведёт журнал, получит те же точки.",
        None: "Протоколы ещё не учтены.",
        Reporting: "Обработано участков",
        ReportingDesc: "Доля обработанных участков по времени, по линии на каждый подсчёт; в конце линии — её название и последнее значение.",
        SharesFormat: "Доли лидирующих партий: {0}",
        SharesDesc: "Доля каждой лидирующей партии среди учтённых избирателей по времени; в конце линии — название партии и её последняя доля.",
        Time: "Время",
        StationsFormat: "{0} из {1} участков",
        Figures: "Данные",
        AllFigures: "Все точки с голосами каждой партии",
        TimesIn: "Время: {0}");

    /// <summary>Kyrgyz.</summary>
    public static ProgressWords Kyrgyz { get; } = new(
        Title: "Добуштарды эсептөөнүн жүрүшү: {0}",
        Link: "Добуштарды эсептөөнүн жүрүшү",
        Intro: "Шайлоо участокторунан маалымат келген сайын эсептөө кандай жүргөнү: ар бир эсептөө боюнча саналган участоктордун үлүшү "
            + "жана ар бир убакта эсепке алынган шайлоочулардын ичинде алдыңкы партиялардын үлүшү.",
        Corrections: "Ар бир чекит — ошол убакта белгилүү болгон маалымат: такталган протокол ал келген убактан тартып эсепке алынат. "
            + "Убакыт журналдан алынган, ошондуктан журналды кайра ойноткон ар бир адам ошол эле чекиттерди алат.",
        None: "Протоколдор азырынча эсепке алына элек.",
        Reporting: "Саналган участоктор",
        ReportingDesc: "Убакыт боюнча саналган участоктордун үлүшү, ар бир эсептөөгө бир сызык; сызыктын аягында анын аталышы жана акыркы мааниси.",
        SharesFormat: "Алдыңкы партиялардын үлүшү: {0}",
        SharesDesc: "Убакыт боюнча эсепке алынган шайлоочулардын ичинде ар бир алдыңкы партиянын үлүшү; сызыктын аягында партиянын аталышы жана "
            + "акыркы үлүшү.",
        Time: "Убакыт",
        StationsFormat: "{1} участоктун {0}",
        Figures: "Маалыматтар",
        AllFigures: "Бардык чекиттер, ар бир партиянын добуштары менен",
        TimesIn: "Убакыт: {0}");

    /// <summary>The words for a language code; English for a language the site has no words for.</summary>
    public static ProgressWords For(string language) => language switch
    {
        "ky" => Kyrgyz,
        "ru" => Russian,
        _ => English,
    };
}
