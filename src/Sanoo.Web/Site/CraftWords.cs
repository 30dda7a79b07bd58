namespace Sanoo.Web.Site;

/// <summary>
/// The words of the footer's publication time and of a page's share card (the title, description and preview image a link shows
/// when shared), in one language. See docs/site.md for the terms.
/// </summary>
/// <param name="SnapshotFormat">The footer's proof line: {0} the snapshot's log position, {1} when it was published, in the
/// election's time zone with its offset from UTC.</param>
/// <param name="LeadsFormat">A share card's title: {0} the area, {1} the leading choice, {2} its share.</param>
/// <param name="PreviewAlt">The preview image's text alternative: {0} the area.</param>
/// <param name="OtherChoicesFormat">Under the preview's bars: {0} how many more choices are not drawn.</param>
public sealed record CraftWords(string SnapshotFormat, string LeadsFormat, string PreviewAlt, string OtherChoicesFormat)
{
    /// <summary>English.</summary>
    public static CraftWords English { get; } = new(
        SnapshotFormat: "Snapshot {0}, published {1}",
        LeadsFormat: "{0}: {1} leads with {2}",
        PreviewAlt: "Leading choices in {0}, their shares and how much is counted",
        OtherChoicesFormat: "and {0} more");

    /// <summary>Russian.</summary>
    public static CraftWords Russian { get; } = new(
        SnapshotFormat: "Снимок {0}, опубликован {1}",
        LeadsFormat: "{0}: лидирует {1}, {2}",
        PreviewAlt: "{0}: лидеры подсчёта, их доли и сколько обработано",
        OtherChoicesFormat: "и ещё {0}");

    /// <summary>Kyrgyz.</summary>
    public static CraftWords Kyrgyz { get; } = new(
        SnapshotFormat: "Абал {0}, жарыяланды {1}",
        LeadsFormat: "{0}: {1} алдыда, {2}",
        PreviewAlt: "{0}: алдыдагылар, алардын үлүшү жана канчасы саналганы",
        OtherChoicesFormat: "жана дагы {0}");

    /// <summary>The words for a language code; English for a language the site has no words for.</summary>
    public static CraftWords For(string language) => language switch
    {
        "ky" => Kyrgyz,
        "ru" => Russian,
        _ => English,
    };
}
