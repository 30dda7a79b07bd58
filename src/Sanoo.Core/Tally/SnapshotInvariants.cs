using System.Collections.Immutable;
using System.Globalization;
using Sanoo.Core.Definitions;

namespace Sanoo.Core.Tally;

/// <summary>
/// The check every snapshot passes before anyone may see it. For each contest, source and
/// area: the form's error-level relations hold for the sums (they are linear, so sums of
/// accepted protocols satisfy them); no figure is negative; votes(*) ≤ participation (no share
/// over 100%); reporting ≤ expected and voters covered ≤ voters registered; and every area's
/// figures equal the sum of its children's — areas below it and the protocols of its stations (for an area of a grouping:
/// the protocols of its stations).
/// A failure means a bug in aggregation or publication, exactly the 2021 kind.
/// </summary>
internal static class SnapshotInvariants
{
    /// <summary>
    /// Every invariant broken by <paramref name="books"/>; <paramref name="previous"/>, the books frozen just before them by the
    /// same engine (or null), spares adding up every station again.
    /// </summary>
    public static ImmutableArray<InvariantViolation> Check(Election election, ContestBook[] books, ContestBook[]? previous = null)
    {
        var found = ImmutableArray.CreateBuilder<InvariantViolation>();
        for (var b = 0; b < books.Length; b++)
        {
            var book = books[b];
            var source = election.Sources[b % election.Sources.Length].Id;
            CheckAreas(election, book, source, found);
            CheckChildrenSum(election, book, previous?[b], source, found);
        }
        return found.ToImmutable();
    }

    private static void CheckAreas(Election election, ContestBook book, SourceId source, ImmutableArray<InvariantViolation>.Builder found)
    {
        var plan = book.Plan;
        var lineCount = plan.Form.Lines.Length;
        for (var slot = 0; slot < plan.TallyAreas.Length; slot++)
        {
            var area = election.Areas[plan.TallyAreas[slot]].Id;
            var figures = book.Sums.AsSpan(slot * book.Width, book.Width);
            void Report(string invariant, string detail) => found.Add(new InvariantViolation(plan.Contest.Id, source, area, invariant, detail));
            for (var i = 0; i < figures.Length; i++)
            {
                if (figures[i] < 0)
                {
                    Report("non-negative", Invariant($"{Name(plan, i)} is {figures[i]}"));
                }
            }
            foreach (var violation in plan.Rules.Check<long>(figures[..lineCount], figures[lineCount..]))
            {
                if (violation.Severity == Severity.Error)
                {
                    Report(violation.Relation.Value, violation.Describe());
                }
            }
            var votes = 0L;
            foreach (var v in figures[lineCount..])
            {
                votes += v;
            }
            var participation = plan.Rules.Participation.Evaluate<long>(figures[..lineCount], figures[lineCount..]);
            if (votes > participation)
            {
                Report("shares-at-most-100%", Invariant($"votes(*) is {votes} but only {participation} voters took part"));
            }
            var expected = election.StationCountOf(plan.TallyAreas[slot]);
            if (book.Reporting[slot] > expected || book.Reporting[slot] < 0)
            {
                Report("reporting-at-most-expected", Invariant($"{book.Reporting[slot]} stations reporting of {expected}"));
            }
            if (book.Covered[slot] > election.RegisteredVoters(plan.TallyAreas[slot]) || book.Covered[slot] < 0)
            {
                Report(
                    "covered-at-most-registered",
                    Invariant($"{book.Covered[slot]} voters covered of {election.RegisteredVoters(plan.TallyAreas[slot])}"));
            }
        }
    }

    private static void CheckChildrenSum(
        Election election, ContestBook book, ContestBook? previous, SourceId source, ImmutableArray<InvariantViolation>.Builder found)
    {
        var plan = book.Plan;
        var layout = book.Layout;
        var width = book.Width;
        var stations = StationsOf(election, book, previous);
        book.Stations = stations;
        var sums = (long[])stations.Sums.Clone();
        var reporting = (int[])stations.Reporting.Clone();
        var covered = (long[])stations.Covered.Clone();
        for (var slot = 1; slot < plan.TallyAreas.Length; slot++)
        {
            var parent = layout.ParentSlot[slot];
            if (parent < 0)
            {
                continue; // an area of a grouping: its children are its stations, added above
            }
            Add(sums.AsSpan(parent * width, width), book.Sums.AsSpan(slot * width, width));
            reporting[parent] += book.Reporting[slot];
            covered[parent] += book.Covered[slot];
        }
        for (var slot = 0; slot < plan.TallyAreas.Length; slot++)
        {
            var expected = sums.AsSpan(slot * width, width);
            var actual = book.Sums.AsSpan(slot * width, width);
            for (var i = 0; i < width; i++)
            {
                if (expected[i] != actual[i])
                {
                    found.Add(new InvariantViolation(plan.Contest.Id, source, election.Areas[plan.TallyAreas[slot]].Id, "children-sum",
                        Invariant($"{Name(plan, i)} is {actual[i]} but its children sum to {expected[i]}")));
                }
            }
            if (reporting[slot] != book.Reporting[slot] || covered[slot] != book.Covered[slot])
            {
                found.Add(new InvariantViolation(plan.Contest.Id, source, election.Areas[plan.TallyAreas[slot]].Id, "children-sum",
                    Invariant($"reporting {book.Reporting[slot]} / covered {book.Covered[slot]}, ") +
                        Invariant($"but its children give {reporting[slot]} / {covered[slot]}")));
            }
        }
    }

    /// <summary>
    /// What the book's stations add to each area, summed from their protocols: from the previous freeze's part updated by the
    /// stations changed since when it is the freeze just before, else from every station.
    /// </summary>
    private static StationPart StationsOf(Election election, ContestBook book, ContestBook? previous)
    {
        var plan = book.Plan;
        if (previous?.Stations is { } before && book.ChangedSincePrevious is { } changed)
        {
            var part = before.Copy();
            var offsets = (int[])changed.Clone();
            Array.Sort(offsets);
            for (var i = 0; i < offsets.Length; i++)
            {
                var k = offsets[i];
                if (i > 0 && offsets[i - 1] == k)
                {
                    continue;
                }
                AddStation(election, book, part, k, previous.RefAt(k), -1);
                AddStation(election, book, part, k, book.RefAt(k), 1);
            }
            return part;
        }
        var full = StationPart.Empty(plan.TallyAreas.Length, book.Width);
        for (var k = 0; k < book.Current.Length; k++)
        {
            AddStation(election, book, full, k, book.RefAt(k), 1);
        }
        return full;
    }

    /// <summary>Adds (sign 1) or takes away (sign −1) a station's protocol, if any, to its parent's slot and its groupings' slots.</summary>
    private static void AddStation(Election election, ContestBook book, StationPart part, int k, CountedRef? counted, int sign)
    {
        if (counted is not { } protocol)
        {
            return;
        }
        var voters = election.Station(book.Plan.OrdinalAt(k)).Roll!.Total;
        var treeParent = book.Layout.TreeParentSlotOf(k);
        if (treeParent >= 0)
        {
            AddTo(treeParent);
        }
        foreach (var parent in book.Layout.GroupSlotsOf(k))
        {
            AddTo(parent);
        }
        void AddTo(int parent)
        {
            var into = part.Sums.AsSpan(parent * book.Width, book.Width);
            var figures = protocol.Kept.Figures(protocol.Index);
            for (var i = 0; i < figures.Length; i++)
            {
                into[i] += sign * figures[i];
            }
            part.Reporting[parent] += sign;
            part.Covered[parent] += sign * voters;
        }
    }

    private static void Add(Span<long> into, ReadOnlySpan<long> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            into[i] += values[i];
        }
    }

    private static string Name(ContestPlan plan, int figure) =>
        figure < plan.Form.Lines.Length ? plan.Form.Lines[figure].Id.Value : $"votes({plan.Choices[figure - plan.Form.Lines.Length].Id})";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
