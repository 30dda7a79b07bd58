using System.Text.Json;
using Sanoo.Contracts;
using Sanoo.Core.Definitions;

namespace Sanoo.Web.Site;

/// <summary>One contest's paper form for an operator: its lines and choices, and its control relations as coefficients the page's script
/// evaluates.</summary>
/// <param name="Contest">The contest's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Source">The double-entry count.</param>
/// <param name="SourceName">Its name.</param>
/// <param name="Lines">The form's lines (id, label).</param>
/// <param name="Choices">The choices (id, label).</param>
/// <param name="RulesJson">The relations: id, rule as written, severity, and the coefficients of both sides.</param>
public sealed record EntryForm(
    string Contest,
    string Name,
    string Source,
    string SourceName,
    IReadOnlyList<FormField> Lines,
    IReadOnlyList<FormField> Choices,
    string RulesJson);

/// <summary>A line or choice of a paper form: its id and its label.</summary>
public sealed record FormField(string Id, string Label);

/// <summary>The entry page of one station: a form per contest and double-entry count.</summary>
public sealed record EntryPage(PageFrame Frame, EntryWords Entry, string Election, string Station, IReadOnlyList<EntryForm> Forms);

/// <summary>Builds the operators' pages. They hold no results, so they do not depend on a snapshot.</summary>
public static class EntryPages
{
    /// <summary>The entry page of <paramref name="station"/>, or of no station (a prompt for one) when null.</summary>
    public static EntryPage Of(Election election, Area? station, SiteLanguage language)
    {
        var nation = election.Areas[0];
        var words = EntryWords.For(language.Code);
        var frame = new PageFrame(language, election.Definition.Languages, election.Definition.Name.In(language.Code),
            station is null ? words.Title : $"{words.Title}: {station.DisplayName(language.Code)}",
            station is null ? "/enter/" : $"/enter/{Uri.EscapeDataString(station.Id.Value)}/",
            [new Link(nation.DisplayName(language.Code), SitePaths.Area(language.Code, nation))], "", null, 0, DateTimeOffset.UnixEpoch, null);
        if (station is null)
        {
            return new EntryPage(frame, words, election.Id.Value, "", []);
        }
        var ordinal = election.StationOrdinal(election.AreaIndex(station.Id));
        var forms = election.Contests
            .Where(plan => plan.OffsetOf(ordinal) >= 0)
            .SelectMany(plan => election.Sources.Where(s => s.DoubleEntry).Select(source => Form(plan, source, language.Code)))
            .ToList();
        return new EntryPage(frame, words, election.Id.Value, station.Id.Value, forms);
    }

    private static EntryForm Form(ContestPlan plan, CountSource source, string language) => new(
        plan.Contest.Id.Value,
        plan.Contest.Name.In(language),
        source.Id.Value,
        source.Name.In(language),
        [.. plan.Form.Lines.Select(l => new FormField(l.Id.Value, l.Name.In(language)))],
        [.. plan.Choices.Select(c => new FormField(c.Id.Value, c.Name.In(language)))],
        JsonSerializer.Serialize(SiteJson.Relations(plan, language), WireJson.Default.IReadOnlyListFormRelation));
}
