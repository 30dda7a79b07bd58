using Sanoo.Web.Catalogs;

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
    /// <summary>The words in <paramref name="language"/>, from its catalog (<see cref="WordCatalogs"/>).</summary>
    public static ProgressWords For(string language) => WordCatalogs.For<ProgressWords>(language);
}
