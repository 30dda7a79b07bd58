using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sanoo.Core.Definitions;
using Sanoo.Core.Tally;
using Sanoo.Web.PublicApi;
using Sanoo.Web.Publishing;
using Sanoo.Web.Site;
using Wire = Sanoo.Contracts;

namespace Sanoo.Web.Audits;

/// <summary>One claim the audit checks, as a row of the page.</summary>
/// <param name="Claim">The claim in words.</param>
/// <param name="Margin">Its reported margin, formatted.</param>
public sealed record AuditAssertionRow(string Claim, string Margin);

/// <summary>One station drawn in a round, as a row of the page.</summary>
/// <param name="Name">The station's name.</param>
/// <param name="Href">Its page.</param>
/// <param name="Station">Its id.</param>
/// <param name="Times">How many draws picked it, formatted.</param>
/// <param name="Reported">The count audited, in words.</param>
/// <param name="Recount">The agreed recount, in words; empty until there is one.</param>
/// <param name="Comparison">The recount against the count, in words.</param>
public sealed record AuditStationRow(string Name, string Href, string Station, string Times, string Reported, string Recount, string Comparison);

/// <summary>One round of the audit on the page.</summary>
/// <param name="Heading">Its heading.</param>
/// <param name="Stations">The stations it drew.</param>
/// <param name="Outcome">Its measured risk and decision in words, or that recounts are awaited.</param>
public sealed record AuditRoundRows(string Heading, IReadOnlyList<AuditStationRow> Stations, string Outcome);

/// <summary>The audit's page in one language.</summary>
/// <param name="Frame">The page's frame.</param>
/// <param name="Words">The page's words.</param>
/// <param name="State">Where the audit stands: <c>confirmed</c>, <c>full-count</c> or <c>recounting</c>.</param>
/// <param name="Plan">The plan in a sentence.</param>
/// <param name="RiskLimit">What the risk limit means, with it.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Command">The command that redraws the sample and recomputes every risk and decision.</param>
/// <param name="Assertions">The claims checked.</param>
/// <param name="ErrorBound">The total error bound in a sentence.</param>
/// <param name="Rounds">The rounds, in order.</param>
/// <param name="Decision">The decision in plain words.</param>
public sealed record AuditPage(
    PageFrame Frame, AuditWords Words, string State, string Plan, string RiskLimit, string Seed, string Command,
    IReadOnlyList<AuditAssertionRow> Assertions, string ErrorBound, IReadOnlyList<AuditRoundRows> Rounds, string Decision);

/// <summary>
/// <c>GET /api/v1/audit</c> and the audit's page <c>/{lang}/audit/</c> (with its <c>data.json</c>), answered from the published
/// snapshot, whose acts carry the audit's records (<see cref="Published.Audit"/>), cached per snapshot and register state; both
/// answer 404 while no audit has been planned.
/// </summary>
public static class AuditPages
{
    /// <summary>The files of the page.</summary>
    public static readonly IReadOnlyList<string> Files = ["index.html", "data.json"];

    /// <summary>The page's address.</summary>
    public static string Path(string language) => $"/{language}/audit/";

    /// <summary>Maps the API and the page.</summary>
    public static void MapAudit(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1").MapRead("/audit", Api)
            .WithSummary("The risk-limiting audit: the seed, the risk limit, the assertions and margins, each round's stations drawn, recounts, "
                + "measured risk and decision")
            .Produces<Wire.AuditStatus>().ProducesProblem(404).ProducesProblem(503);
        app.MapRead("/{lang}/audit/{file?}", PageAsync).ExcludeFromDescription();
    }

    /// <summary>The bytes of one file of the page in <paramref name="language"/>; null without an audit.</summary>
    public static async Task<byte[]?> FileAsync(
        SiteRenderer renderer, Published published, Snapshot snapshot, byte[]? key, string language, string file) =>
        published.Audit is not { } audit ? null
        : file == "data.json" ? JsonSerializer.SerializeToUtf8Bytes(audit, Wire.WireJson.Default.AuditStatus)
        : Encoding.UTF8.GetBytes(await renderer.AuditAsync(Of(published, snapshot, key, SiteLanguage.Of(language))));

    /// <summary>
    /// The page of the audit <paramref name="published"/> carries; <paramref name="key"/> is the commission's public key when known.
    /// </summary>
    public static AuditPage Of(Published published, Snapshot snapshot, byte[]? key, SiteLanguage language)
    {
        var audit = published.Audit ?? throw new InvalidOperationException("no audit is published");
        var election = snapshot.Election;
        var code = language.Code;
        var words = AuditWords.For(code);
        var root = election.Areas[0];
        var frame = PageFrames.Of(published, snapshot, root, language) with
        {
            Title = words.Title,
            PathAfterLanguage = Path(code)[(code.Length + 1)..],
            Crumbs = [new Link(root.DisplayName(code), SitePaths.Area(code, root))],
            DataFiles = false,
        };
        var limit = Percent(audit.RiskLimit, language.Culture);
        var source = election.Sources.FirstOrDefault(s => s.Id.Value == audit.Source)?.Name.In(code) ?? audit.Source;
        var contests = string.Join(", ", audit.Contests.Select(c => ContestName(election, c, code)));
        return new AuditPage(
            frame,
            words,
            audit.State,
            string.Format(
                language.Culture, words.PlanFormat, source, contests, limit, language.Number(audit.Stations), language.Number(audit.LogSize)),
            string.Format(language.Culture, words.RiskLimitFormat, limit),
            audit.Seed,
            $"sanoo verify --url URL --commission-key {(key is null ? "KEY" : Convert.ToBase64String(key))}",
            [.. audit.Assertions.Select(a => new AuditAssertionRow(Claim(election, a, words, language), language.Number(a.Margin)))],
            string.Format(language.Culture, words.ErrorBoundFormat, audit.TotalErrorBound.ToString("N3", language.Culture)),
            [.. audit.Rounds.Select(r => Round(election, r, words, language, limit))],
            audit.State switch
            {
                "confirmed" => string.Format(language.Culture, words.ConfirmedFormat, limit),
                "full-count" => words.FullCount,
                _ => words.Recounting,
            });
    }

    private static AuditRoundRows Round(Election election, Wire.AuditRoundStatus round, AuditWords words, SiteLanguage language, string limit)
    {
        var code = language.Code;
        var heading = string.Format(language.Culture, words.RoundFormat, language.Number(round.Round), language.Number(round.Draws.Count),
            language.Number(round.Stations.Count));
        var stations = round.Stations.Select(s =>
        {
            var area = election.Area(new AreaId(s.Station));
            return new AuditStationRow(
                area?.DisplayName(code) ?? s.Station,
                SitePaths.Station(code, new AreaId(s.Station)),
                s.Station,
                language.Number(s.Times),
                string.Join("; ", s.Counts.Select(c => Figures(c.ReportedBallots, c.Reported, words, language))),
                s.Recounted ? string.Join("; ", s.Counts.Select(c => Figures(c.RecountBallots!.Value, c.Recount!, words, language))) : "",
                s.Taint switch
                {
                    null => string.Format(language.Culture, words.NotRecounted, language.Number(s.Counts.Sum(c => c.Entries))),
                    0 => words.Agrees,
                    < 0 => words.Understated,
                    { } t => string.Format(language.Culture, words.Overstated, t.ToString("0.###", language.Culture)),
                });
        }).ToList();
        var risk = round.Risk is { } r
            ? string.Format(language.Culture, words.RiskFormat,
                double.Parse(r, CultureInfo.InvariantCulture).ToString("0.######", language.Culture), limit) + " " + round.Decision switch
                {
                    "confirmed" => string.Format(language.Culture, words.ConfirmedFormat, limit),
                    "full-count" => words.FullCount,
                    _ => string.Format(language.Culture, words.NextRound, language.Number(round.NextDraws)),
                }
            : round.Decision == "full-count" ? words.FullCount : words.Waiting;
        return new AuditRoundRows(heading, stations, risk);
    }

    private static string Claim(Election election, Wire.AuditedAssertion a, AuditWords words, SiteLanguage language)
    {
        var code = language.Code;
        string Choice(string id) => election.Choices.TryGetValue(new ChoiceId(id), out var c) ? c.Name.In(code) : id;
        var contest = ContestName(election, a.Contest, code);
        return a.Kind switch
        {
            "beats" => string.Format(language.Culture, words.BeatsFormat, contest, Choice(a.Choice), Choice(a.Loser!)),
            "over-threshold" => string.Format(language.Culture, words.OverFormat, contest, Choice(a.Choice)),
            _ => string.Format(language.Culture, words.UnderFormat, contest, Choice(a.Choice)),
        };
    }

    private static string ContestName(Election election, string id, string code) =>
        election.Contest(new ContestId(id))?.Contest.Name.In(code) ?? id;

    private static string Figures(long ballots, IReadOnlyList<long> votes, AuditWords words, SiteLanguage language) =>
        string.Format(language.Culture, words.CountFormat, language.Number(ballots), string.Join(" · ", votes.Select(language.Number)));

    /// <summary>A risk limit (a decimal fraction) as a percentage, e.g. <c>0.05</c> as 5%.</summary>
    private static string Percent(string fraction, CultureInfo culture) =>
        (decimal.Parse(fraction, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) * 100).ToString("0.##", culture) + "%";

    private static IResult Api(HttpContext context, SnapshotPublisher publisher)
    {
        var published = publisher.Current;
        if (published.Snapshot is null)
        {
            return Problems.Unavailable("No snapshot has been published yet.");
        }
        if (published.Audit is null)
        {
            return Problems.Status(404, "No audit", "No risk-limiting audit has been planned for this election (sanoo audit plan starts one).");
        }
        return SnapshotResponse.Cached(context, published, "audit", () => published.Audit!);
    }

    private static async Task<IResult> PageAsync(
        HttpContext context, SnapshotPublisher publisher, SiteContent site, CommissionKey commission, string lang, string? file)
    {
        var languages = site.Election.Definition.Languages;
        var name = file ?? "index.html";
        IResult NotFound() => NotFoundPages.Or(context, languages, () =>
            Problems.Status(404, "Not found", $"'{context.Request.Path}' is not a page of this site; start at /{languages[0]}/."));
        if (!languages.Contains(lang) || !Files.Contains(name))
        {
            return NotFound();
        }
        var published = publisher.Current;
        if (published.Snapshot is not { } snapshot)
        {
            return Problems.Unavailable(SiteLanguage.Of(lang).Words.NoSnapshot);
        }
        var type = name == "data.json" ? "application/json; charset=utf-8" : "text/html; charset=utf-8";
        return await SnapshotResponse.CachedBytesAsync(context, published, $"site/{lang}/audit/{name}", type,
            () => site.AuditFileAsync(published, snapshot, commission.PublicKey, lang, name), NotFound);
    }
}
