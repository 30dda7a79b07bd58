using Sanoo.Core.Forensics;

namespace Sanoo.Web.Forensics;

/// <summary>
/// The words of the forensics page and of the flags on station pages, in one language. Official terms follow the terminology
/// research (turnout: явка / катышуу; polling station: избирательный участок / шайлоо участогу; voters who took part: принявшие
/// участие / катышкан шайлоочулар); the statistical terms have no official Kyrgyz or Russian form and are proposals (docs/forensics.md):
/// statistical anomalies (статистические аномалии / статистикалык аномалиялар), integer percentages (целые проценты / бүтүн
/// пайыздар), leader's share (доля лидера / лидердин үлүшү), comet (комета).
/// </summary>
public sealed record ForensicsWords(
    string Title,
    string Intro,
    string BasedOnFormat,
    string IntegerHeading,
    string IntegerIntro,
    string Test,
    string Stations,
    string Observed,
    string Expected,
    string Excess,
    string PValue,
    string Turnout,
    string ShareOfFormat,
    string AlarmFormat,
    string NoAlarmFormat,
    string CometHeading,
    string CometIntro,
    string LeaderShare,
    string TurnoutHistogram,
    string LeaderShareHistogram,
    string FlagsHeading,
    string FlagsIntro,
    string FlagsNone,
    string FlagsShownFormat,
    string Reasons,
    string AreasHeading,
    string Area,
    string MethodsHeading,
    string Methods,
    IReadOnlyList<string> ReasonNames)
{
    /// <summary>English.</summary>
    public static ForensicsWords English { get; } = new(
        "Statistical anomalies",
        "Fingerprints that manipulated counts have left elsewhere, computed afresh with every published snapshot. "
        + "An anomaly is a reason to look closer, never proof of fraud.",
        "Based on {0} of {1} polling stations.",
        "Integer percentages",
        "How many stations report a turnout or a share that is a whole percentage, against how many would by chance.",
        "Figure", "Stations tested", "Whole percentages", "Expected by chance", "Excess", "p-value",
        "Turnout", "Share of {0}",
        "Alarm: the p-value of turnout or of the leader's share is below {0}, the Monte Carlo's uncertainty included.",
        "No alarm: neither the p-value of turnout nor that of the leader's share is surely below {0}.",
        "Turnout against the leader's share",
        "Each square is a group of stations; the darker, the more. A tail towards the top right corner is what ballot stuffing makes.",
        "Leader's share", "Stations by turnout", "Stations by the leader's share",
        "Stations flagged",
        "Single stations worth a closer look, with the reason. Many have innocent explanations.",
        "No station is flagged.",
        "{0} stations flagged; the first {1} are listed here, all of them in the JSON.",
        "Why",
        "By area",
        "Area",
        "Methods",
        "Integer percentages: Kobak, Shpilkin and Pshenichnikov, Annals of Applied Statistics 10(1), 2016; the expected number comes from "
        + "simulated elections that keep each station's size and smooth its rate. The comet: Shpilkin's and Kobak's analyses of Russian "
        + "elections. Flags: turnout or one choice at 95% or more at stations of 500 voters or more, figures all multiples of ten, two "
        + "counts differing beyond the tolerance, a station far from its neighbours, more voters by the count than the last turnout report of "
        + "the day by over 10 points of the registered voters. The parameters are in the JSON.",
        ["Turnout at or above the threshold", "One choice at or above the threshold", "All figures round", "The two counts differ",
            "Turnout far from its neighbours", "Leader's share far from its neighbours", "Far more voters than the last turnout report"]);

    /// <summary>Russian.</summary>
    public static ForensicsWords Russian { get; } = new(
        "Статистические аномалии",
        "Признаки, которые искажённые итоги оставляли на других выборах, пересчитываются с каждым опубликованным срезом. "
        + "Аномалия — повод присмотреться, а не доказательство фальсификации.",
        "По данным {0} из {1} избирательных участков.",
        "Целые проценты",
        "Сколько участков сообщают явку или долю, равную целому числу процентов, и сколько их было бы случайно.",
        "Показатель", "Участков проверено", "Целых процентов", "Ожидается случайно", "Избыток", "p-значение",
        "Явка", "Доля «{0}»",
        "Тревога: p-значение явки или доли лидера меньше {0} с учётом погрешности моделирования.",
        "Тревоги нет: ни p-значение явки, ни p-значение доли лидера не меньше {0} наверняка.",
        "Явка и доля лидера",
        "Каждый квадрат — группа участков; чем темнее, тем их больше. Хвост к правому верхнему углу — след вброса.",
        "Доля лидера", "Участки по явке", "Участки по доле лидера",
        "Участки, требующие внимания",
        "Отдельные участки, на которые стоит посмотреть внимательнее, с причиной. У многих есть невинное объяснение.",
        "Таких участков нет.",
        "Отмечено участков: {0}; здесь первые {1}, все — в JSON.",
        "Причина",
        "По территориям",
        "Территория",
        "Методы",
        "Целые проценты: Кобак, Шпилькин и Пшеничников, Annals of Applied Statistics 10(1), 2016; ожидаемое число — по смоделированным "
        + "выборам, в которых размер каждого участка сохранён, а его доля сглажена. Комета: анализы российских выборов Шпилькина и Кобака. "
        + "Отметки: явка или один из вариантов 95% и более на участках от 500 избирателей, все цифры кратны десяти, два подсчёта "
        + "расходятся больше допуска, участок далёк от соседних, по протоколу проголосовало больше, чем в последнем сообщении о "
        + "явке, более чем на 10 пунктов от числа избирателей. Параметры — в JSON.",
        ["Явка на пороге или выше", "Один из вариантов на пороге или выше", "Все цифры круглые", "Два подсчёта расходятся",
            "Явка далека от соседних участков", "Доля лидера далека от соседних участков",
            "Проголосовавших намного больше, чем в последнем сообщении о явке"]);

    /// <summary>Kyrgyz.</summary>
    public static ForensicsWords Kyrgyz { get; } = new(
        "Статистикалык аномалиялар",
        "Бурмаланган жыйынтыктар башка шайлоолордо калтырган белгилер ар бир жарыяланган кесинди менен кайра эсептелет. "
        + "Аномалия — кунт коюп кароого себеп, бурмалоонун далили эмес.",
        "{1} шайлоо участогунун {0}инин маалыматы боюнча.",
        "Бүтүн пайыздар",
        "Канча участок катышууну же үлүштү бүтүн пайыз менен көрсөтөт, кокустан канчасы болмок.",
        "Көрсөткүч", "Текшерилген участоктор", "Бүтүн пайыздар", "Кокустан күтүлөт", "Ашыкча", "p-маани",
        "Катышуу", "«{0}» үлүшү",
        "Эскертүү: катышуунун же лидердин үлүшүнүн p-мааниси моделдөөнүн катасын эске алганда {0}дөн кичине.",
        "Эскертүү жок: катышуунун да, лидердин үлүшүнүн да p-мааниси {0}дөн так кичине эмес.",
        "Катышуу жана лидердин үлүшү",
        "Ар бир чарчы — участоктордун тобу; канчалык күңүрт болсо, ошончолук көп. Жогорку оң бурчка карай куйрук — бюллетень салуунун изи.",
        "Лидердин үлүшү", "Участоктор катышуу боюнча", "Участоктор лидердин үлүшү боюнча",
        "Көңүл бурууну талап кылган участоктор",
        "Кунт коюп кароого арзыган айрым участоктор, себеби менен. Көбүнүн күнөөсүз түшүндүрмөсү бар.",
        "Мындай участок жок.",
        "Белгиленген участоктор: {0}; бул жерде алгачкы {1}, бардыгы — JSONдо.",
        "Себеби",
        "Аймактар боюнча",
        "Аймак",
        "Ыкмалар",
        "Бүтүн пайыздар: Кобак, Шпилькин жана Пшеничников, Annals of Applied Statistics 10(1), 2016; күтүлгөн сан ар бир участоктун "
        + "өлчөмү сакталып, үлүшү жылмаланган моделдик шайлоолордон алынат. Комета: Шпилькин менен Кобактын Россиядагы шайлоолорду "
        + "талдоолору. Белгилер: 500 жана андан көп шайлоочусу бар участокто катышуу же бир тандоо 95% жана андан жогору, бардык сандар онго "
        + "эселүү, эки эсеп жол берилгенден ашык айырмаланат, участок кошуналарынан алыс, протокол боюнча катышкандар күн ичиндеги акыркы катышуу "
        + "билдирүүсүнөн шайлоочулардын 10 пунктунан ашык көп. Параметрлер JSONдо.",
        ["Катышуу босогодо же андан жогору", "Бир тандоо босогодо же андан жогору", "Бардык сандар тегерек", "Эки эсеп айырмаланат",
            "Катышуу кошуна участоктордон алыс", "Лидердин үлүшү кошуна участоктордон алыс",
            "Катышкандар акыркы катышуу билдирүүсүнөн алда канча көп"]);

    /// <summary>The words in <paramref name="language"/> (English for a language without its own).</summary>
    public static ForensicsWords For(string language) => language switch
    {
        "ru" => Russian,
        "ky" => Kyrgyz,
        _ => English,
    };

    /// <summary>A reason in words.</summary>
    public string Reason(FlagReason reason) => ReasonNames[(int)reason];
}
