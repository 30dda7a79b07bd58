using Sanoo.Web.Catalogs;

namespace Sanoo.Web.Reports;

/// <summary>
/// The words of observers' reports on the site, in one language. Official terms follow the terminology research (observer: наблюдатель /
/// байкоочу; polling station: избирательный участок / шайлоо участогу; recount: пересчёт / кайра эсептөө); "report" and the
/// states have no official term and are proposals.
/// </summary>
/// <param name="Title">The reports page's and the station section's heading.</param>
/// <param name="TitleOfFormat">The heading of an area's reports page; {0} is the area's name.</param>
/// <param name="Intro">What the page is, in a sentence.</param>
/// <param name="None">Said when there is no report.</param>
/// <param name="Total">The count of all reports.</param>
/// <param name="Open">State: not answered yet.</param>
/// <param name="Accepted">State: upheld by the commission.</param>
/// <param name="Rejected">State: turned down with a reason.</param>
/// <param name="What">Column: what is wrong.</param>
/// <param name="Filed">Column: who filed it and when.</param>
/// <param name="State">Column: the state.</param>
/// <param name="Answer">Column: the commission's answer.</param>
/// <param name="ImageDiffers">What: the protocol's image and its figures differ.</param>
/// <param name="NotPosted">What: the protocol was not posted at the station.</param>
/// <param name="CopyDiffers">What: the figures differ from the reporter's copy.</param>
/// <param name="Other">What: anything else.</param>
/// <param name="PhotoFormat">The reporter's photo by hash; {0} is the hash's start.</param>
/// <param name="RecountFormat">An answer that led to a recount; {0} is the order's number.</param>
/// <param name="ProtocolFormat">An answer that led to a protocol version; {0} is the start of its hash.</param>
public sealed record ReportPageWords(
    string Title, string TitleOfFormat, string Intro, string None, string Total, string Open, string Accepted, string Rejected,
    string What, string Filed, string State, string Answer, string ImageDiffers, string NotPosted, string CopyDiffers, string Other,
    string PhotoFormat, string RecountFormat, string ProtocolFormat)
{
    /// <summary>The words in <paramref name="language"/>, from its catalog (<see cref="WordCatalogs"/>).</summary>
    public static ReportPageWords For(string language) => WordCatalogs.For<ReportPageWords>(language);

    /// <summary>What is wrong, from its recorded word.</summary>
    public string Concern(string what) => what switch
    {
        Storage.Reports.ReportWords.ImageDiffers => ImageDiffers,
        Storage.Reports.ReportWords.NotPosted => NotPosted,
        Storage.Reports.ReportWords.CopyDiffers => CopyDiffers,
        _ => Other,
    };

    /// <summary>A state, from its recorded word.</summary>
    public string StateName(string state) => state switch
    {
        Storage.Reports.ReportWords.Accepted => Accepted,
        Storage.Reports.ReportWords.Rejected => Rejected,
        _ => Open,
    };
}
