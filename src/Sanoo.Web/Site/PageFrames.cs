using Sanoo.Core.Definitions;
using Sanoo.Core.Tally;
using Sanoo.Web.Publishing;

namespace Sanoo.Web.Site;

/// <summary>Builds the frame of a page: crumbs, stage, snapshot and tree head.</summary>
public static class PageFrames
{
    /// <summary>The frame of the page of <paramref name="area"/> (an area or a station).</summary>
    public static PageFrame Of(Published published, Snapshot snapshot, Area area, SiteLanguage language)
    {
        var election = snapshot.Election;
        var crumbs = new List<Link>();
        if (election.TryAreaIndex(area.Id, out var index) && election.InGrouping(index))
        {
            crumbs.Add(new Link(election.Areas[0].DisplayName(language.Code), SitePaths.Area(language.Code, election.Areas[0])));
        }
        for (var parent = area.Parent; parent is { } id;)
        {
            var above = election.Area(id)!;
            crumbs.Insert(0, new Link(above.DisplayName(language.Code), SitePaths.Area(language.Code, above)));
            parent = above.Parent;
        }
        var title = area.IsStation ? $"{language.Words.Station} {area.DisplayName(language.Code)}" : area.DisplayName(language.Code);
        return new PageFrame(
            language,
            election.Definition.Languages,
            election.Definition.Name.In(language.Code),
            title,
            SitePaths.Area(language.Code, area)[(language.Code.Length + 1)..],
            crumbs,
            Stage(snapshot, published.Acts, language),
            published.Halted is null ? null : language.Words.Halted,
            snapshot.Position,
            published.PublishedAt,
            published.TreeHead?.Head)
        {
            HasLedger = election.Reconciliation is not null || !election.PartyCopies.IsEmpty,
            HasTurnout = !election.Definition.TurnoutTimes.IsEmpty && !area.IsStation,
            HasSingleMember = SingleMemberPages.Any(election),
            ProgressPath = Progress.ProgressPages.Has(snapshot, area) ? Progress.ProgressPages.Path(language.Code, election, area) : null,
            HasAudit = published.Acts.Audit.Plan is not null,
            StageStatement = Certified(snapshot, published.Acts, language),
            ElectionId = election.Definition.Id.Value,
            TimeZone = election.Definition.TimeZone,
            // "2 min ago" is read against the clock when the page is made: a page is made afresh whenever a cosignature arrives.
            Witnesses = published.Witnesses?.Select(w => new WitnessMark(
                w.Witness, Math.Max(0, (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - w.ReceivedAt) / 60_000))).ToList(),
        };
    }

    /// <summary>
    /// The frame of a page that only says something (an address is not a page, the server failed): <paramref name="title"/> in
    /// <paramref name="language"/>, no crumbs, no results; the language switch leads to each language's home page.
    /// </summary>
    public static PageFrame Notice(Election election, SiteLanguage language, string title) => new(
        language,
        election.Definition.Languages,
        election.Definition.Name.In(language.Code),
        title,
        "/",
        [],
        "",
        null,
        0,
        DateTimeOffset.UnixEpoch,
        null);

    /// <summary>
    /// The stage of the count, stated plainly: preliminary while the official source has counted
    /// nothing, "in progress" while it is partial, complete when every contest's official count
    /// is in, certified once the commission has certified this very snapshot (and said so when
    /// the results changed after a certification).
    /// </summary>
    public static string Stage(Snapshot snapshot, CommissionRecord acts, SiteLanguage language)
    {
        var words = language.Words;
        if (Certified(snapshot, acts, language) is { } sentence)
        {
            return sentence.ToString();
        }
        if (acts.Certification is { } certified)
        {
            var date = certified.CertifiedAt.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            return string.Format(
                    language.Culture, words.StageChangedFormat, date, language.Number(certified.Position), language.Number(snapshot.Position));
        }
        var official = OfficialCount.Of(snapshot);
        return official.Count == 0 ? words.StagePreliminary
            : official.All(c => c.Complete) ? words.StageOfficialComplete
            : official.Any(c => c.Reporting > 0) ? words.StageOfficialInProgress
            : words.StagePreliminary;
    }

    /// <summary>
    /// The stage's sentence when the commission certified this very snapshot, quoting its statement in the page's language when it
    /// gave one; null otherwise.
    /// </summary>
    public static StageStatement? Certified(Snapshot snapshot, CommissionRecord acts, SiteLanguage language)
    {
        if (acts.Certification is not { } certified || certified.Position != snapshot.Position)
        {
            return null;
        }
        var date = certified.CertifiedAt.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        const string Mark = "\u0001";
        var parts = string.Format(language.Culture, language.Words.StageCertifiedFormat, date, Mark).Split(Mark);
        return new StageStatement(parts[0], ShownText.Of(certified.Statement, certified.Translations, language.Code), string.Concat(parts[1..]));
    }
}
