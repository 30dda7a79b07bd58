namespace Sanoo.Web.Site;

/// <summary>The words of the operators' entry form and the supervisor's queue, in one language.</summary>
public sealed record EntryWords(
    string Title,
    string Intro,
    string Token,
    string TokenHelp,
    string StationPrompt,
    string Open,
    string Version,
    string CorrectionReason,
    string CorrectionAuthor,
    string Checks,
    string Submit,
    string Queue,
    string QueueIntro,
    string Load,
    string NoneWaiting,
    string Pending,
    string Awaiting,
    string Matched,
    string Mismatch,
    string Repeat,
    string AlreadyMatched)
{
    /// <summary>English.</summary>
    public static EntryWords English { get; } = new(
        "Enter a hand count",
        "Type the figures exactly as they are on the signed paper protocol. "
            + "Each protocol is entered by two operators on their own; it is counted only when both entries agree.",
        "Your operator token",
        "Kept in this browser tab only.",
        "Polling station",
        "Open",
        "Version (1 for the first protocol, the next number for a correction)",
        "Reason for the correction",
        "Who corrected it",
        "Control relations, checked as you type",
        "Send this entry",
        "Entries that disagree",
        "Protocols whose entries differ. An operator who has not entered it yet, or a supervisor, checks the paper protocol and enters "
            + "its figures: an entry that matches one side completes the pair. Only a supervisor sees the values.",
        "Show",
        "No entry is waiting.",
        "Not sent yet: the connection is down. It is kept in this browser and sent again automatically.",
        "Received. A second operator must now enter the same protocol on their own.",
        "Both entries agree: the protocol is counted.",
        "Your entry differs from another operator's on these lines (your figures). Check them on the paper protocol; another operator "
            + "or a supervisor will settle it, your own entries no longer can. Lines to check:",
        "You had already sent exactly these figures. A second operator must enter them.",
        "This version was already entered twice and counted. To change it, enter a correction as the next version with a reason.");

    /// <summary>Russian.</summary>
    public static EntryWords Russian { get; } = new(
        "Ввод протокола ручного подсчёта",
        "Вводите цифры точно так, как они записаны в подписанном бумажном протоколе. "
            + "Каждый протокол вводят два оператора независимо; он учитывается, только когда оба ввода совпадают.",
        "Ваш токен оператора",
        "Хранится только в этой вкладке браузера.",
        "Избирательный участок",
        "Открыть",
        "Версия (1 для первого протокола, следующий номер для исправления)",
        "Причина исправления",
        "Кто исправил",
        "Контрольные соотношения, проверяются при вводе",
        "Отправить ввод",
        "Расходящиеся вводы",
        "Протоколы, вводы которых различаются. Оператор, ещё не вводивший протокол, или старший сверяет бумажный протокол и вводит его "
            + "цифры: ввод, совпавший с одной из сторон, завершает пару. Значения видит только старший.",
        "Показать",
        "Нет ожидающих вводов.",
        "Ещё не отправлено: нет связи. Ввод сохранён в этом браузере и будет отправлен автоматически.",
        "Принято. Теперь второй оператор должен независимо ввести тот же протокол.",
        "Оба ввода совпадают: протокол учтён.",
        "Ваш ввод отличается от ввода другого оператора в этих строках (ваши цифры). Сверьте их с бумажным протоколом; расхождение "
            + "разрешит другой оператор или старший, ваши новые вводы его уже не разрешат. Проверьте:",
        "Вы уже отправили ровно эти цифры. Их должен ввести второй оператор.",
        "Эта версия уже введена дважды и учтена. Чтобы изменить её, введите исправление следующей версией с причиной.");

    /// <summary>Kyrgyz.</summary>
    public static EntryWords Kyrgyz { get; } = new(
        "Кол менен саноонун протоколун киргизүү",
        "Сандарды кол коюлган кагаз протоколдогудай так киргизиңиз. "
            + "Ар бир протоколду эки оператор өз алдынча киргизет; эки киргизүү дал келгенде гана ал эсептелет.",
        "Оператордун токени",
        "Ушул браузер өтмөгүндө гана сакталат.",
        "Шайлоо участогу",
        "Ачуу",
        "Версия (биринчи протокол үчүн 1, оңдоо үчүн кийинки номер)",
        "Оңдоонун себеби",
        "Ким оңдоду",
        "Текшерүү катыштары, киргизген сайын текшерилет",
        "Киргизүүнү жөнөтүү",
        "Дал келбеген киргизүүлөр",
        "Киргизүүлөрү айырмаланган протоколдор. Протоколду али киргизе элек оператор же жетекчи кагаз протоколду текшерип, анын "
            + "сандарын киргизет: бир тарапка дал келген киргизүү жупту бүтүрөт. Сандарды жетекчи гана көрөт.",
        "Көрсөтүү",
        "Күтүп турган киргизүү жок.",
        "Али жөнөтүлгөн жок: байланыш жок. Киргизүү ушул браузерде сакталды жана автоматтык түрдө кайра жөнөтүлөт.",
        "Кабыл алынды. Эми экинчи оператор ошол эле протоколду өз алдынча киргизиши керек.",
        "Эки киргизүү дал келди: протокол эсептелди.",
        "Сиздин киргизүүңүз башка оператордукунан ушул саптарда айырмаланат (сиздин сандар). Аларды кагаз протокол менен текшериңиз; "
            + "айырманы башка оператор же жетекчи чечет, сиздин жаңы киргизүүлөрүңүз аны чече албайт. Текшериңиз:",
        "Сиз так ушул сандарды мурда эле жөнөткөнсүз. Аларды экинчи оператор киргизиши керек.",
        "Бул версия эки жолу киргизилип, эсептелген. Өзгөртүү үчүн оңдоону себеби менен кийинки версия катары киргизиңиз.");

    /// <summary>The words for a language code; English for a language the site has no words for.</summary>
    public static EntryWords For(string language) => language switch
    {
        "ky" => Kyrgyz,
        "ru" => Russian,
        _ => English,
    };
}
