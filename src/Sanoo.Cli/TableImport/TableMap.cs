using System.Collections.Immutable;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Sanoo.Cli.TableImport;

/// <summary>
/// A mapping file (<c>sanoo-table-map/1</c>) read and checked: how one commission's published table becomes a Sanoo definition
/// and protocols. Every part keeps the JSON path it was read from, so a problem met while importing names the mapping's field.
/// docs/bring-your-election.md explains every field.
/// </summary>
/// <param name="Election">The definition parts copied as they are (id, name, date, languages, sources, forms, choices, contests,
/// reconciliation); the importer adds the areas and any choices named from a run of header cells.</param>
/// <param name="Table">How the main table (the command's FILE) is written.</param>
/// <param name="StationKey">The main table's column that other tables name a station by; null when no other table needs it.</param>
/// <param name="Joins">Further tables, each joined to every row by a key column, in order.</param>
/// <param name="Extracted">Columns made from part of another column's text.</param>
/// <param name="Skips">Rows to leave out, each rule with its reason.</param>
/// <param name="Levels">The map from the root to the station (the last level), any number of levels from two up.</param>
/// <param name="Counts">One per count source: its contest, protocol lines and votes.</param>
/// <param name="Notes">Sentences printed after importing, for the reader of the report.</param>
/// <param name="ChoiceNames">A table naming the choices by ballot number, for choices the election part leaves unnamed; or null.</param>
public sealed record TableMap(
    JsonObject Election,
    TableFormat Table,
    string? StationKey,
    ImmutableArray<JoinedTable> Joins,
    ImmutableArray<ExtractedColumn> Extracted,
    ImmutableArray<SkipRule> Skips,
    ImmutableArray<LevelMap> Levels,
    ImmutableArray<CountMap> Counts,
    ImmutableArray<string> Notes,
    ChoiceNames? ChoiceNames)
{
    /// <summary>The format id a mapping file states; a file of another format is refused.</summary>
    public const string Format = "sanoo-table-map/1";

    /// <summary>Further groupings of the same stations beside the map (electoral districts), each made from columns.</summary>
    public ImmutableArray<GroupingMap> Groupings { get; init; } = [];
}

/// <summary>
/// A grouping of the stations beside the map: each distinct value of <paramref name="OneAreaPer"/> is one area of the grouping,
/// numbered in the order first met (<c>{n}</c>), whose members are the stations of the rows that name it; a row whose columns
/// are all empty is in no area of the grouping.
/// </summary>
/// <param name="Grouping">The grouping's id (a level id of the definition, e.g. <c>smd</c>).</param>
/// <param name="Heading">What its areas are called, by language.</param>
/// <param name="OneAreaPer">The columns telling its areas apart.</param>
/// <param name="Id">An area's id.</param>
/// <param name="Name">An area's name by language.</param>
/// <param name="NameIfEmpty">The name by language where <paramref name="Name"/> gives an empty text.</param>
/// <param name="Path">Where in the mapping it is.</param>
public sealed record GroupingMap(
    string Grouping,
    ImmutableArray<(string Language, string Text)> Heading,
    ImmutableArray<string> OneAreaPer,
    Template Id,
    ImmutableArray<(string Language, Template Text)> Name,
    ImmutableArray<(string Language, Template Text)> NameIfEmpty,
    string Path);

/// <summary>How a table file is written: its field separator, its encoding, and for a zip with several files the one to read.</summary>
/// <param name="Separator">',', ';' or tab.</param>
/// <param name="Encoding">The text encoding (UTF-8 unless named).</param>
/// <param name="ZipEntry">The entry of a .zip to read; null for a zip's only file.</param>
public sealed record TableFormat(char Separator, Encoding Encoding, string? ZipEntry);

/// <summary>A table joined to the main table: each row of the rows so far finds its row here whose <paramref name="Key"/> column equals
/// its own <paramref name="Match"/> column. A row without one is an error.</summary>
/// <param name="Name">The name its columns may be qualified with (<c>riks.rik_name</c>).</param>
/// <param name="File">Its path, relative to the main table's folder.</param>
/// <param name="Format">How it is written.</param>
/// <param name="Key">Its column holding the key; each key once.</param>
/// <param name="Match">The column of the rows so far holding the same key.</param>
/// <param name="Path">Where in the mapping it is.</param>
public sealed record JoinedTable(string Name, string File, TableFormat Format, string Key, string Match, string Path);

/// <summary>A column made from another: the first group <paramref name="Pattern"/> captures in it, else <paramref name="Otherwise"/>.</summary>
/// <param name="Name">The new column's name.</param>
/// <param name="From">The column it is taken from.</param>
/// <param name="Pattern">A regular expression with one group.</param>
/// <param name="Otherwise">The text when the pattern does not match (a template: <c>x{row}</c>).</param>
/// <param name="Path">Where in the mapping it is.</param>
public sealed record ExtractedColumn(string Name, string From, Regex Pattern, Template Otherwise, string Path);

/// <summary>Rows whose <paramref name="Column"/> holds exactly <paramref name="EqualsText"/> are left out, and counted in the report.</summary>
/// <param name="Column">The column looked at.</param>
/// <param name="EqualsText">The text that makes a row skipped ("" for an empty cell).</param>
/// <param name="Because">Why, as the report prints it.</param>
/// <param name="Path">Where in the mapping it is.</param>
public sealed record SkipRule(string Column, string EqualsText, string Because, string Path);

/// <summary>
/// One level of the map. Above the station, each distinct value of <paramref name="OneAreaPer"/> under the same parent is one
/// area, numbered in the order first met (<c>{n}</c>); at the station level each row is one station.
/// </summary>
/// <param name="Level">The level's id (e.g. nation, region, district, station; or province, regency, village, tps).</param>
/// <param name="OneAreaPer">The columns telling this level's areas apart (none: one area, the root).</param>
/// <param name="Id">The area's id.</param>
/// <param name="Name">The area's name by language; an empty text is left out.</param>
/// <param name="NameIfEmpty">The name by language where <paramref name="Name"/> gives an empty text.</param>
/// <param name="OrderById">Areas written sorted by id; otherwise in the order the table first names them.</param>
/// <param name="Registered">Station level: the column of voters on the list.</param>
/// <param name="NumberRepeatedIds">Station level: a repeated id gets "-2", "-3"; otherwise a repeated id is an error.</param>
/// <param name="Path">Where in the mapping it is.</param>
public sealed record LevelMap(
    string Level,
    ImmutableArray<string> OneAreaPer,
    Template Id,
    ImmutableArray<(string Language, Template Text)> Name,
    ImmutableArray<(string Language, Template Text)> NameIfEmpty,
    bool OrderById,
    string? Registered,
    bool NumberRepeatedIds,
    string Path)
{
    /// <summary>What the level's areas are called, by language (a heading over a list of them); none: the site's own words.</summary>
    public ImmutableArray<(string Language, string Text)> Heading { get; init; } = [];
}

/// <summary>One count source's protocols: each station's protocol lines and votes for the contest.</summary>
/// <param name="Source">The source id (its file is SOURCE.jsonl).</param>
/// <param name="Contest">The contest id.</param>
/// <param name="Lines">An expression per line of the contest's form, in the form's order.</param>
/// <param name="Votes">Where the votes are.</param>
/// <param name="OnlyStationsWithVotes">Only stations that some vote table names have a protocol of this count.</param>
/// <param name="Path">Where in the mapping it is.</param>
public sealed record CountMap(
    string Source, string Contest, ImmutableArray<(string Line, LineExpression Expression)> Lines, VotesMap Votes, bool OnlyStationsWithVotes,
    string Path);

/// <summary>Where a count's votes are: columns of the main table (wide), or rows of other tables (long).</summary>
public abstract record VotesMap
{
    private VotesMap()
    {
    }

    /// <summary>One column per choice.</summary>
    /// <param name="Columns">Choice id → column.</param>
    public sealed record Wide(ImmutableArray<(string Choice, string Column)> Columns) : VotesMap;

    /// <summary>A run of columns, one per choice in ballot order; the choices are made from the header cells.</summary>
    /// <param name="First">The first column of the run.</param>
    /// <param name="Last">The last column of the run.</param>
    /// <param name="ChoiceId">The id of the n-th choice (<c>p{n:00}</c>); its ballot number is n.</param>
    /// <param name="Kind">The choices' kind (<c>party</c>).</param>
    /// <param name="RemoveFromName">Removed from a header cell to give the name (a ballot number), or null.</param>
    /// <param name="NameLanguages">The languages the header's name is given in.</param>
    public sealed record WideRun(
        string First, string Last, Template ChoiceId, string Kind, Regex? RemoveFromName, ImmutableArray<string> NameLanguages) : VotesMap;

    /// <summary>One row per station and choice in other tables; several tables are added together.</summary>
    /// <param name="Tables">The tables.</param>
    public sealed record Long(ImmutableArray<LongTable> Tables) : VotesMap;
}

/// <summary>A long vote table: station, choice code and votes per row.</summary>
/// <param name="File">Its path, relative to the main table's folder.</param>
/// <param name="Format">How it is written.</param>
/// <param name="StationColumn">Its column naming the station as the main table's station key does.</param>
/// <param name="CodeColumn">Its column with the choice's code.</param>
/// <param name="VotesColumn">Its column with the votes.</param>
/// <param name="Choices">Code → choice id.</param>
/// <param name="IgnoreOtherCodes">Rows with a code not in <paramref name="Choices"/> are left out; otherwise they are an error.</param>
/// <param name="Path">Where in the mapping it is.</param>
public sealed record LongTable(
    string File, TableFormat Format, string StationColumn, string CodeColumn, string VotesColumn, ImmutableDictionary<string, string> Choices,
    bool IgnoreOtherCodes, string Path);

/// <summary>A table of the choices (parties) by ballot number: a choice of the election part with a ballot number and no name takes its
/// name from the row whose <paramref name="BallotNumberColumn"/> holds that number.</summary>
/// <param name="File">Its path, relative to the main table's folder.</param>
/// <param name="Format">How it is written.</param>
/// <param name="BallotNumberColumn">Its column holding the ballot number.</param>
/// <param name="Name">The name by language, a template over its columns.</param>
/// <param name="Path">Where in the mapping it is.</param>
public sealed record ChoiceNames(string File, TableFormat Format, string BallotNumberColumn, ImmutableArray<(string Language, Template Text)> Name,
    string Path);
