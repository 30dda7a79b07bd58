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
    /// <summary>English.</summary>
    public static PartyCopyWords English { get; } = new(
        "The parties' copies of the protocols",
        "Each party's authorized representatives enter the figures of the protocol copies they received at the polling stations; "
        + "every copy is compared with the official count of its station. Any difference is listed.",
        "No copy differs from the official count.",
        "The party has entered no copy yet.",
        "{0} copies compared with the official count: {1} match, {2} differ ({3} votes apart); {4} wait for the official count.",
        "Copies of stations whose official count is not in yet");

    /// <summary>Russian.</summary>
    public static PartyCopyWords Russian { get; } = new(
        "Копии протоколов у политических партий",
        "Уполномоченные представители политических партий вносят цифры копий протоколов, полученных на избирательных участках; "
        + "каждая копия сравнивается с официальными итогами своего участка. Перечислено каждое расхождение.",
        "Ни одна копия не расходится с официальными итогами.",
        "Партия ещё не внесла ни одной копии.",
        "Сравнено копий с официальными итогами: {0}. Совпадают: {1}, расходятся: {2} (на {3} голосов); ждут официальных итогов: {4}.",
        "Копии участков, официальные итоги которых ещё не поступили");

    /// <summary>Kyrgyz.</summary>
    public static PartyCopyWords Kyrgyz { get; } = new(
        "Саясий партиялардагы протоколдордун көчүрмөлөрү",
        "Саясий партиялардын ыйгарым укуктуу өкүлдөрү шайлоо участокторунан алган протоколдордун көчүрмөлөрүнүн сандарын киргизишет; "
        + "ар бир көчүрмө өз участогунун расмий жыйынтыгы менен салыштырылат. Ар бир айырма көрсөтүлөт.",
        "Бир дагы көчүрмө расмий жыйынтыктан айырмаланбайт.",
        "Партия азырынча бир да көчүрмө киргизе элек.",
        "Расмий жыйынтык менен салыштырылган көчүрмөлөр: {0}. Дал келет: {1}, айырмаланат: {2} ({3} добуш); расмий жыйынтыкты күтөт: {4}.",
        "Расмий жыйынтыгы азырынча келе элек участоктордун көчүрмөлөрү");

    /// <summary>The words in <paramref name="language"/> (English for a language without its own).</summary>
    public static PartyCopyWords For(string language) => language switch
    {
        "ky" => Kyrgyz,
        "ru" => Russian,
        _ => English,
    };
}
