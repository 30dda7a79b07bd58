using Sanoo.Core.Definitions;
using Sanoo.Core.Rules;
using Sanoo.Core.Tally;
using Sanoo.Storage.Log;
using Sanoo.Web.Publishing;

namespace Sanoo.Web.Site;

/// <summary>
/// Builds a polling station's page: for each contest and source, the protocol line by line with
/// its control relations, and every version received with its outcome, author and receipt.
/// </summary>
public static class StationPages
{
    /// <summary>The page of <paramref name="station"/>, from the log entries up to the snapshot.</summary>
    public static StationPage Of(Published published, Snapshot snapshot, Area station, IReadOnlyList<LogEntry> entries, SiteLanguage language)
    {
        var election = snapshot.Election;
        var counts = new List<StationCount>();
        foreach (var plan in election.Contests.Where(c => election.VotesIn(station.Id, c)))
        {
            foreach (var source in election.Sources)
            {
                var received = entries.Where(e => e.Sequence <= snapshot.Position && e.Contest == plan.Contest.Id && e.Source == source.Id).ToList();
                if (source.PartyCopy is not null && received.Count == 0)
                {
                    continue; // a party's copy is shown where its agents sent one, not as missing everywhere else
                }
                counts.Add(Count(plan, source, snapshot.CountedRefOf(station.Id, plan.Contest.Id, source.Id)?.Version, received, language));
            }
        }
        var frame = PageFrames.Of(published, snapshot, station, language) with { Check = PageCheck.Of(published, station) };
        return new StationPage(frame, station.Roll!.Registered, station.Roll.Additional, counts)
        {
            Comparisons = LedgerPages.StationRows(published, station, language),
            Recounts = LedgerPages.Recounts(published, station.Id, language),
            Reports = Reports.ReportPages.OfStation(published, election, station.Id, language),
            Anomalies = Forensics.ForensicsPages.StationReasons(published, station.Id, language),
        };
    }

    private static ViolationRow Violation(Violation violation, RelationSpec? spec, SiteLanguage language) => new(
        violation.Severity == Severity.Error ? language.Words.SeverityError : language.Words.SeverityWarning,
        violation.Relation.Value,
        violation.Rule,
        Values(violation, language),
        spec?.Description?.In(language.Code),
        Foreign(spec?.Description, language.Code));

    private static string Values(Violation broken, SiteLanguage language) =>
        $"{broken.LeftText} = {language.Number(broken.Left)}, {broken.RightText} = {language.Number(broken.Right)}";

    /// <summary>The language a definition's text is shown in for <paramref name="code"/>, when that is another; else null.</summary>
    private static string? Foreign(LocalizedText? text, string code) => text?.LanguageOf(code) is { } shown && shown != code ? shown : null;

    private static StationCount Count(ContestPlan plan, CountSource source, int? counted, List<LogEntry> received, SiteLanguage language)
    {
        var code = language.Code;
        var shown = received.LastOrDefault(e => e.Outcome == StoredOutcome.Accepted && e.Version == counted) ?? received.LastOrDefault();
        var lineCount = plan.Form.Lines.Length;
        var figures = shown?.Figures ?? [];
        var lines = shown is null ? [] : plan.Form.Lines.Select((l, i) => new LineRow(l.Id.Value, l.Name.In(code), [figures[i]])).ToList();
        var votes = shown is null ? [] : plan.Choices.Select((c, i) => new LineRow(c.Id.Value, c.Name.In(code), [figures[lineCount + i]])).ToList();
        var relations = shown is null ? [] : plan.Rules.Relations.Select(r =>
        {
            var broken = r.Check(figures.AsSpan()[..lineCount], figures.AsSpan()[lineCount..]);
            return new RelationRow(
                r.Spec.Id.Value,
                r.Spec.Rule,
                r.Spec.Severity == Severity.Error,
                r.Spec.Description?.In(code),
                broken is null ? null : Values(broken, language))
            {
                DescriptionLanguage = Foreign(r.Spec.Description, code),
            };
        }).ToList();
        var specs = plan.Rules.Relations.ToDictionary(r => r.Spec.Id, r => r.Spec);
        var versions = received.Select(e => new VersionRow(
            e.Sequence,
            e.Version,
            language.Words.OutcomeOf(e.Outcome),
            e.Outcome == StoredOutcome.Accepted && e.Version == counted,
            e.ReceivedAt,
            e.Sender,
            e.CorrectionReason is null ? null : $"{e.CorrectionReason} ({e.CorrectionAuthor})",
            Convert.ToHexStringLower(e.ContentHash.AsSpan()),
            [.. ViolationsJson.Read(e.Violations).Select(v => Violation(v, specs.GetValueOrDefault(v.Relation), language))])).ToList();
        return new StationCount(
            plan.Contest.Name.In(code),
            source.Name.In(code),
            source.Official,
            shown?.Version,
            shown is not null && shown.Outcome == StoredOutcome.Accepted && shown.Version == counted,
            lines,
            votes,
            relations,
            versions)
        {
            Contest = plan.Contest.Id.Value,
            Source = source.Id.Value,
            Image = shown is null ? null : Core.Protocols.ProtocolImage.InCanonical(shown.Canonical.AsSpan()),
        };
    }
}
