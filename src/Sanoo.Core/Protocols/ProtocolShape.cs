using System.Collections.Immutable;
using Sanoo.Core.Definitions;
using Sanoo.Core.Json;

namespace Sanoo.Core.Protocols;

/// <summary>
/// Whether a protocol fits its election: known station, contest and source, the station inside
/// the contest's area, one figure per form line and per choice, non-negative figures, and a
/// correction on every version after the first, its reason and author within <see cref="FreeText"/>'s limits.
/// Control relations are checked separately.
/// </summary>
public static class ProtocolShape
{
    /// <summary>Every way <paramref name="protocol"/> does not fit <paramref name="election"/>; empty when it fits.</summary>
    public static ImmutableArray<JsonProblem> Check(Election election, Protocol protocol)
    {
        var problems = new Problems(); // allocates only when a protocol does not fit: most do
        if (protocol.Election != election.Id)
        {
            problems.Add(NotThisElection(election, protocol.Election.Value));
        }
        var known = election.TryAreaIndex(protocol.Station, out var stationIndex);
        if (!known)
        {
            problems.Add(NotAStation(protocol.Station.Value));
        }
        else if (!election.Areas[stationIndex].IsStation)
        {
            problems.Add(new JsonProblem(
                "$.station",
                $"'{protocol.Station}' is a {election.LevelOf(election.Areas[stationIndex]).Id}, not a polling station"));
        }
        if (!election.TrySourceIndex(protocol.Source, out _))
        {
            problems.Add(NotASource(election, protocol.Source.Value));
        }
        if (protocol.Version < 1)
        {
            problems.Add(new JsonProblem("$.version", $"must be at least 1, found {protocol.Version}"));
        }
        else if (protocol.Version > 1
            && (protocol.Correction is null
                || string.IsNullOrWhiteSpace(protocol.Correction.Reason)
                || string.IsNullOrWhiteSpace(protocol.Correction.Author)))
        {
            problems.Add(new JsonProblem("$.correction", $"version {protocol.Version} is a correction and must state its reason and author"));
        }
        else if (protocol.Version == 1 && protocol.Correction is not null)
        {
            problems.Add(new JsonProblem("$.correction", "version 1 is the first record; only later versions are corrections"));
        }
        if (protocol.Correction is { } correction)
        {
            CheckText(FreeText.ProblemWithText(correction.Reason), "$.correction.reason", problems);
            CheckText(FreeText.ProblemWithName(correction.Author), "$.correction.author", problems);
        }
        if (election.Contest(protocol.Contest) is not { } plan)
        {
            problems.Add(NotAContest(protocol.Contest.Value));
            return problems.ToImmutable();
        }
        if (known && election.TryStationOrdinal(stationIndex, out var ordinal) && plan.OffsetOf(ordinal) < 0)
        {
            problems.Add(new JsonProblem(
                "$.station",
                $"'{protocol.Station}' does not vote in contest '{protocol.Contest}', which is held in '{plan.Contest.Area}'"));
        }
        CheckFigures(protocol.Lines, plan.Form.Lines.Length, "$.lines", "lines", problems);
        CheckFigures(protocol.Votes, plan.Choices.Length, "$.votes", "choices", problems);
        return problems.ToImmutable();
    }

    /// <summary>The problem of a protocol that names another election (or an id that cannot be one).</summary>
    internal static JsonProblem NotThisElection(Election election, string text) =>
        new("$.election", $"is '{text}', but this is election '{election.Id}'");

    /// <summary>The problem of a protocol that names no station of the election.</summary>
    internal static JsonProblem NotAStation(string text) => new("$.station", $"'{text}' is not a polling station of this election");

    /// <summary>The problem of a protocol that names no count source of the election.</summary>
    internal static JsonProblem NotASource(Election election, string text) =>
        new("$.source", $"'{text}' is not a count source of this election (known: {string.Join(", ", election.Sources.Select(s => s.Id))})");

    /// <summary>The problem of a protocol that names no contest of the election.</summary>
    internal static JsonProblem NotAContest(string text) => new("$.contest", $"'{text}' is not a contest of this election");

    private static void CheckText(string? problem, string path, Problems problems)
    {
        if (problem is not null)
        {
            problems.Add(new JsonProblem(path, problem));
        }
    }

    private static void CheckFigures(ImmutableArray<int> figures, int expected, string path, string what, Problems problems)
    {
        if (figures.IsDefault || figures.Length != expected)
        {
            problems.Add(new JsonProblem(path, $"has {(figures.IsDefault ? 0 : figures.Length)} figures, but the contest has {expected} {what}"));
            return;
        }
        for (var i = 0; i < figures.Length; i++)
        {
            if (figures[i] < 0)
            {
                problems.Add(new JsonProblem($"{path}[{i}]", $"must not be negative, found {figures[i]}"));
            }
        }
    }

    /// <summary>A list of problems that allocates on the first one.</summary>
    private sealed class Problems
    {
        private ImmutableArray<JsonProblem>.Builder? _found;

        public void Add(JsonProblem problem) => (_found ??= ImmutableArray.CreateBuilder<JsonProblem>()).Add(problem);

        public ImmutableArray<JsonProblem> ToImmutable() => _found?.ToImmutable() ?? [];
    }
}
