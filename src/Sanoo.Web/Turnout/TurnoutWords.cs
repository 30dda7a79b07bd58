namespace Sanoo.Web.Turnout;

/// <summary>
/// The words of the turnout-through-the-day page, in one language. Official terms follow the terminology research (turnout: явка
/// избирателей / шайлоочулардын катышуусу; at a time: «на 10:00» / «саат 10:00 боюнча», the suffix-free Kyrgyz form a template can
/// use); the sentences are proposals.
/// </summary>
/// <param name="Title">The page's heading and the link to it; {0} is the area's name.</param>
/// <param name="Link">The link from an area's page.</param>
/// <param name="Intro">What the figures are, in a sentence.</param>
/// <param name="None">Said before any station has reported.</param>
/// <param name="Time">Column: the report time.</param>
/// <param name="Reporting">Column: stations that reported.</param>
/// <param name="Voters">Column: voters who had taken part.</param>
/// <param name="Percent">Column: turnout.</param>
/// <param name="AtFormat">Turnout at a time, e.g. "Turnout at 10:00: 12.5%"; {0} the time, {1} the percentage.</param>
/// <param name="Below">The heading of the areas below, at the latest time.</param>
/// <param name="Flagged">The heading of the stations whose count has fewer voters than their last report.</param>
/// <param name="FlaggedIntro">What a flagged station means.</param>
/// <param name="FlagFormat">One flagged station: {0} the count's source, {1} voters in its protocol, {2} voters reported, {3} the time.</param>
public sealed record TurnoutWords(
    string Title, string Link, string Intro, string None, string Time, string Reporting, string Voters, string Percent, string AtFormat,
    string Below, string Flagged, string FlaggedIntro, string FlagFormat)
{
    /// <summary>English.</summary>
    public static TurnoutWords English { get; } = new(
        "Turnout during voting day: {0}", "Turnout during voting day",
        "Polling stations report how many voters have taken part by each of the times the election sets. Turnout is their share of "
        + "the voters on the lists of the stations that reported.",
        "No station has reported turnout yet.", "Time", "Stations reported", "Voters who took part", "Turnout", "Turnout at {0}: {1}",
        "Areas below", "Counts with fewer voters than the last turnout report",
        "The protocol counted at these stations has fewer voters taking part than the station reported during the day. A few ballots "
        + "taken away explain a small gap; a large one deserves a look.",
        "{0}: {1} voters took part by the protocol, {2} were reported by {3}");

    /// <summary>Russian.</summary>
    public static TurnoutWords Russian { get; } = new(
        "Явка избирателей в день голосования: {0}", "Явка избирателей в день голосования",
        "Избирательные участки сообщают, сколько избирателей приняли участие в голосовании к установленному времени. Явка — их доля "
        + "среди избирателей, включённых в списки сообщивших участков.",
        "Участки ещё не сообщили о явке.", "Время", "Участков сообщили", "Приняли участие", "Явка", "Явка на {0}: {1}",
        "Нижестоящие территории", "Протоколы с меньшим числом проголосовавших, чем в последнем сообщении о явке",
        "В протоколе этих участков приняли участие меньше избирателей, чем участок сообщил в день голосования. Небольшую разницу "
        + "объясняют унесённые бюллетени; большая заслуживает проверки.",
        "{0}: по протоколу приняли участие {1}, на {3} сообщено {2}");

    /// <summary>Kyrgyz.</summary>
    public static TurnoutWords Kyrgyz { get; } = new(
        "Добуш берүү күнүндөгү шайлоочулардын катышуусу: {0}", "Добуш берүү күнүндөгү шайлоочулардын катышуусу",
        "Шайлоо участоктору белгиленген убакытка чейин канча шайлоочу добуш берүүгө катышканын билдиришет. Катышуу — билдирген "
        + "участоктордун тизмесиндеги шайлоочулардын ичиндеги алардын үлүшү.",
        "Участоктор катышуу тууралуу азырынча билдире элек.", "Убакыт", "Билдирген участоктор", "Катышкан шайлоочулар", "Катышуу",
        "Саат {0} боюнча катышуу: {1}",
        "Төмөнкү аймактар", "Протоколдо катышкан шайлоочулар акыркы катышуу билдирүүсүнөн аз",
        "Бул участоктордун протоколунда добуш берүүгө катышкан шайлоочулар участок күн ичинде билдиргенден аз. Кичине айырманы "
        + "алып кетилген бюллетендер түшүндүрөт; чоң айырма текшерүүгө арзыйт.",
        "{0}: протокол боюнча {1} шайлоочу катышты, саат {3} боюнча {2} билдирилген");

    /// <summary>The words in <paramref name="language"/> (English for a language without its own).</summary>
    public static TurnoutWords For(string language) => language switch
    {
        "ky" => Kyrgyz,
        "ru" => Russian,
        _ => English,
    };
}
