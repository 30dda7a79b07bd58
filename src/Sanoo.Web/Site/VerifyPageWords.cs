namespace Sanoo.Web.Site;

/// <summary>
/// The words of the "how to check these numbers" page, in one language. The terms (protocol, polling station, commission) follow the
/// terminology research; the sentences are proposals.
/// </summary>
/// <param name="Title">The page's heading and the header link.</param>
/// <param name="Intro">Why anyone can check, in two sentences.</param>
/// <param name="KeyHeading">The heading of the commission's key.</param>
/// <param name="KeyText">What the key is and how to trust it.</param>
/// <param name="NoKey">Said when the copy carries no key.</param>
/// <param name="HeadHeading">The heading of the log's current state.</param>
/// <param name="HeadFormat">{0} protocol versions, {1} root, {2} register records, {3} register root, {4} time (UTC).</param>
/// <param name="Witnesses">Independent witnesses who cosigned it; {0} their names.</param>
/// <param name="NoWitness">Said when no witness has cosigned it.</param>
/// <param name="StepsHeading">The heading of the commands.</param>
/// <param name="Install">How to get the verifier.</param>
/// <param name="Verify">What <c>sanoo verify</c> does.</param>
/// <param name="Follow">What <c>--follow</c> adds.</param>
/// <param name="Sheet">What <c>sanoo check-sheet</c> does.</param>
/// <param name="Url">What URL stands for in the commands.</param>
/// <param name="DataHeading">The heading of the open data.</param>
/// <param name="Data">Where the raw data is.</param>
/// <param name="LimitsHeading">The heading of what a check proves.</param>
/// <param name="Limits">What a check proves and what it does not.</param>
public sealed record VerifyPageWords(
    string Title, string Intro, string KeyHeading, string KeyText, string NoKey, string HeadHeading, string HeadFormat, string Witnesses,
    string NoWitness, string StepsHeading, string Install, string Verify, string Follow, string Sheet, string Url, string DataHeading,
    string Data, string LimitsHeading, string Limits)
{
    /// <summary>English.</summary>
    public static VerifyPageWords English { get; } = new(
        "How to check these numbers",
        "Every number on this site is a sum of protocols signed at the polling stations and kept in a public log that can only grow. "
        + "You do not have to trust this site: anyone can download the log and add it all up again.",
        "The commission's key",
        "The commission signs each state of the log with this Ed25519 public key. Compare it with the key the commission announced "
        + "on paper or in its official notice: a check against any other key proves nothing.",
        "This copy does not carry the commission's key: take it from the commission's own announcement.",
        "The log as published now",
        "{0} protocol versions, root {1}; register of {2} records, root {3}; signed at {4} UTC.",
        "Independent witnesses who checked this state of the log: {0}.",
        "No independent witness has co-signed this state yet.",
        "Check it yourself",
        "Install Sanoo (free software; it needs .NET 10) from its source, then run:",
        "checks every signature, replays every record of the register, re-adds every total and compares them with what this site publishes.",
        "keeps checking as the night goes on, and raises the alarm if anything already published is rewritten.",
        "reads the QR code of a photographed protocol sheet and checks its figures and signature against the log.",
        "URL is this site's address; KEY is the commission's key above.",
        "Open data",
        "Every protocol version (CSV), the log's entries (/api/v1/entries), the register (/api/v1/register) and the signed tree head "
        + "(/api/v1/tree-head) are open to all.",
        "What a check proves, and what it does not",
        "It proves that the published totals are the sums of the signed protocols in the log, that nothing published was changed or "
        + "removed, and who sent each protocol. It does not prove that the paper was counted honestly: for that, compare the protocol "
        + "images with your own copies, and report what differs.");

    /// <summary>Russian.</summary>
    public static VerifyPageWords Russian { get; } = new(
        "Как проверить эти цифры",
        "Каждая цифра на этом сайте — сумма протоколов, подписанных на избирательных участках и хранящихся в открытом журнале, который "
        + "может только пополняться. Сайту не нужно верить на слово: любой может скачать журнал и пересчитать всё заново.",
        "Ключ комиссии",
        "Комиссия подписывает каждое состояние журнала этим открытым ключом Ed25519. Сверьте его с ключом, который комиссия объявила "
        + "на бумаге или в официальном сообщении: проверка с любым другим ключом ничего не доказывает.",
        "В этой копии нет ключа комиссии: возьмите его из официального объявления комиссии.",
        "Журнал в опубликованном состоянии",
        "Версий протоколов: {0}, корень {1}; записей реестра: {2}, корень {3}; подписано в {4} UTC.",
        "Независимые свидетели, проверившие это состояние журнала: {0}.",
        "Ни один независимый свидетель ещё не подписал это состояние.",
        "Проверьте сами",
        "Установите Sanoo (свободная программа; нужен .NET 10) из исходного кода и выполните:",
        "проверяет каждую подпись, воспроизводит каждую запись реестра, заново суммирует все итоги и сравнивает их с опубликованными.",
        "продолжает проверку всю ночь и поднимает тревогу, если что-либо уже опубликованное переписано.",
        "читает QR-код сфотографированного бланка протокола и сверяет его цифры и подпись с журналом.",
        "URL — адрес этого сайта; KEY — ключ комиссии выше.",
        "Открытые данные",
        "Все версии протоколов (CSV), записи журнала (/api/v1/entries), реестр (/api/v1/register) и подписанная вершина дерева "
        + "(/api/v1/tree-head) открыты для всех.",
        "Что доказывает проверка и чего она не доказывает",
        "Она доказывает, что опубликованные итоги — суммы подписанных протоколов из журнала, что ничего опубликованного не изменено и не "
        + "удалено, и кто отправил каждый протокол. Она не доказывает, что бюллетени подсчитаны честно: для этого сверьте изображения "
        + "протоколов со своими копиями и сообщите о расхождениях.");

    /// <summary>Kyrgyz.</summary>
    public static VerifyPageWords Kyrgyz { get; } = new(
        "Бул сандарды кантип текшерүү керек",
        "Бул сайттагы ар бир сан — шайлоо участокторунда кол коюлган жана толукталып гана турган ачык журналда сакталган протоколдордун "
        + "суммасы. Сайтка ишенүүнүн кереги жок: ар ким журналды жүктөп алып, баарын кайра эсептей алат.",
        "Комиссиянын ачкычы",
        "Комиссия журналдын ар бир абалына ушул Ed25519 ачык ачкычы менен кол коет. Аны комиссия кагаз жүзүндө же расмий билдирүүсүндө "
        + "жарыялаган ачкыч менен салыштырыңыз: башка ачкыч менен текшерүү эч нерсени далилдебейт.",
        "Бул көчүрмөдө комиссиянын ачкычы жок: аны комиссиянын өз билдирүүсүнөн алыңыз.",
        "Журналдын жарыяланган абалы",
        "Протоколдордун версиялары: {0}, тамыры {1}; реестрдин жазуулары: {2}, тамыры {3}; кол коюлган убакыт {4} UTC.",
        "Журналдын бул абалын текшерген көз карандысыз күбөлөр: {0}.",
        "Бул абалга азырынча бир да көз карандысыз күбө кол койгон жок.",
        "Өзүңүз текшериңиз",
        "Sanoo программасын (эркин программа; .NET 10 керек) баштапкы кодунан орнотуп, төмөнкүнү аткарыңыз:",
        "ар бир колду текшерет, реестрдин ар бир жазуусун кайталайт, бардык жыйынтыктарды кайра кошуп, сайтта жарыяланганы менен салыштырат.",
        "түн бою текшерүүнү улантат жана мурда жарыяланган бир нерсе өзгөртүлсө, эскертет.",
        "сүрөткө тартылган протокол бланкынын QR-кодун окуп, анын сандарын жана колун журнал менен салыштырат.",
        "URL — бул сайттын дареги; KEY — жогорудагы комиссиянын ачкычы.",
        "Ачык маалыматтар",
        "Протоколдордун бардык версиялары (CSV), журналдын жазуулары (/api/v1/entries), реестр (/api/v1/register) жана кол коюлган "
        + "дарактын башы (/api/v1/tree-head) баарына ачык.",
        "Текшерүү эмнени далилдейт жана эмнени далилдебейт",
        "Ал жарыяланган жыйынтыктар журналдагы кол коюлган протоколдордун суммасы экенин, жарыяланган эч нерсе өзгөртүлбөгөнүн жана "
        + "өчүрүлбөгөнүн, ар бир протоколду ким жөнөткөнүн далилдейт. Бюллетендер чынчыл саналганын далилдебейт: ал үчүн протоколдордун "
        + "сүрөттөрүн өз көчүрмөлөрүңүз менен салыштырып, айырмаларды билдириңиз.");

    /// <summary>The words in <paramref name="language"/> (English for a language without its own).</summary>
    public static VerifyPageWords For(string language) => language switch
    {
        "ky" => Kyrgyz,
        "ru" => Russian,
        _ => English,
    };
}
