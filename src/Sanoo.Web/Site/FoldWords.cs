namespace Sanoo.Web.Site;

/// <summary>
/// The words of the summary above the fold, the whole parliament and the single-member districts' page, in one language.
/// Terms follow the commission's usage where it has one (see docs/site.md for those proposed here).
/// </summary>
public sealed record FoldWords(
    string Leading,
    string LeaderSeatsFormat,
    string Projected,
    string CountedFormat,
    string AsOfFormat,
    string Order,
    string ByVotes,
    string BallotOrder,
    string WholeParliamentFormat,
    string Undecided,
    string Independent,
    string SingleMemberDistricts,
    string District,
    string RunnerUp,
    string RepeatElection,
    string NotCountedYet,
    string ProgressFormat)
{
    /// <summary>English.</summary>
    public static FoldWords English { get; } = new(
        Leading: "Leading",
        LeaderSeatsFormat: "{0} of {1} seats",
        Projected: "projected: the count is not complete",
        CountedFormat: "Counted: {0} of stations",
        AsOfFormat: "as of {0}",
        Order: "Order",
        ByVotes: "by votes",
        BallotOrder: "ballot order",
        WholeParliamentFormat: "Parliament: {0} seats (party lists {1}, single-member districts {2})",
        Undecided: "Not decided yet",
        Independent: "Independent",
        SingleMemberDistricts: "Single-member districts",
        District: "District",
        RunnerUp: "Runner-up",
        RepeatElection: "Repeat election",
        NotCountedYet: "No protocol counted yet",
        ProgressFormat: "{0}: stations counted");

    /// <summary>Russian.</summary>
    public static FoldWords Russian { get; } = new(
        Leading: "Лидирует",
        LeaderSeatsFormat: "{0} из {1} мандатов",
        Projected: "прогноз: подсчёт не завершён",
        CountedFormat: "Обработано: {0} участков",
        AsOfFormat: "по состоянию на {0}",
        Order: "Порядок",
        ByVotes: "по числу голосов",
        BallotOrder: "по номеру в бюллетене",
        WholeParliamentFormat: "Парламент: мандатов {0} (по спискам {1}, по одномандатным округам {2})",
        Undecided: "Ещё не определены",
        Independent: "Самовыдвиженцы",
        SingleMemberDistricts: "Одномандатные избирательные округа",
        District: "Округ",
        RunnerUp: "Второе место",
        RepeatElection: "Повторные выборы",
        NotCountedYet: "Протоколы ещё не поступили",
        ProgressFormat: "{0}: обработано участков");

    /// <summary>Kyrgyz.</summary>
    public static FoldWords Kyrgyz { get; } = new(
        Leading: "Алдыда",
        LeaderSeatsFormat: "{1} мандаттын {0}",
        Projected: "болжолдуу: саноо аяктай элек",
        CountedFormat: "Саналды: участоктордун {0}",
        AsOfFormat: "саат {0} боюнча",
        Order: "Тартиби",
        ByVotes: "добуштар боюнча",
        BallotOrder: "бюллетендеги номери боюнча",
        WholeParliamentFormat: "Парламент: {0} мандат (партиялык тизмелер {1}, бир мандаттуу округдар {2})",
        Undecided: "Азырынча аныктала элек",
        Independent: "Өз алдынча талапкерлер",
        SingleMemberDistricts: "Бир мандаттуу шайлоо округдары",
        District: "Округ",
        RunnerUp: "Экинчи орун",
        RepeatElection: "Кайра шайлоо",
        NotCountedYet: "Протоколдор азырынча келе элек",
        ProgressFormat: "{0}: саналган участоктор");

    /// <summary>The words for a language code; English for a language the site has no words for.</summary>
    public static FoldWords For(string language) => language switch
    {
        "ky" => Kyrgyz,
        "ru" => Russian,
        _ => English,
    };
}
