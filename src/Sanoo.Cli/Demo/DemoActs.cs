using System.Globalization;
using Sanoo.Contracts;

namespace Sanoo.Cli.Demo;

/// <summary>
/// The commission's acts at the end of the demo's night, worded as the commission of the kg-2021 sample would: written in Kyrgyz,
/// the state language and the definition's first, with the commission's own Russian and English translations, so that every page
/// of the site quotes them in its language. The terms follow the project's terminology research (АЭУ / АСУ, кол менен эсептөө /
/// ручной подсчёт, бекитүү / утверждение); a native speaker should review them.
/// </summary>
internal static class DemoActs
{
    /// <summary>The recount of the station where machine and hand counts are <paramref name="votesApart"/> votes apart.</summary>
    public static RecountRequest Recount(string station, string contest, long votesApart)
    {
        var n = votesApart.ToString(CultureInfo.InvariantCulture);
        return new RecountRequest(
            station,
            contest,
            $"АЭУнун маалыматы жана кол менен эсептөө {n} добушка айырмаланат",
            "ky",
            new Dictionary<string, string>
            {
                ["ru"] = $"данные АСУ и ручного подсчёта расходятся; разница: {n} голос(ов)",
                ["en"] = $"machine and hand counts differ by {n} votes",
            });
    }

    /// <summary>What the recount found.</summary>
    public static RecountOutcomeRequest Outcome() => new(
        "добуштарды кайра эсептөө кол менен эсептөөнүн жыйынтыгын тастыктады; АЭУ бюллетендерди туура эмес окуган",
        "ky",
        new Dictionary<string, string>
        {
            ["ru"] = "повторный подсчёт голосов подтвердил данные ручного подсчёта; АСУ неверно считала бюллетени",
            ["en"] = "the recount confirmed the hand count; the machine misread the ballots",
        });

    /// <summary>The certification of the official result.</summary>
    public static CertificationRequest Certification() => new(
        "Шайлоо жана референдум өткөрүү боюнча борбордук комиссия шайлоонун натыйжаларын бекитет (демонстрация).",
        "ky",
        new Dictionary<string, string>
        {
            ["ru"] = "Центральная комиссия по выборам и проведению референдумов утверждает результаты выборов (демонстрация).",
            ["en"] = "The Central Commission certifies the official result (demo).",
        });
}
