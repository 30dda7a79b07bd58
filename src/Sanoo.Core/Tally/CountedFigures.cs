using System.Collections.Immutable;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;

namespace Sanoo.Core.Tally;

/// <summary>
/// The figures of every version one contest and source counted, in the order counted: append-only, in flat chunks. A station's
/// counted version, the version it replaced, the night's progress and the ledger's comparisons point into it by index
/// (<see cref="CountedRef"/>) instead of holding a <see cref="Protocol"/> with two arrays each (three objects and some 260 bytes a
/// station at 21 choices, where the figures here are 4 bytes each and 8 more a version). A <see cref="Protocol"/> is made from it
/// only when asked (<see cref="Protocol(int)"/>).
/// One writer (the tally engine). A reader reads only the indices handed to it through a snapshot or a timeline, whose publication
/// comes after the writes; chunks are never moved or written again once an index in them is handed out.
/// </summary>
public sealed class CountedFigures
{
    private const int Shift = 10;
    private const int Mask = (1 << Shift) - 1;
    private readonly Election _election;
    private Chunk[] _chunks = [];

    internal CountedFigures(Election election, ContestPlan plan, int sourceIndex)
    {
        _election = election;
        Plan = plan;
        Source = election.Sources[sourceIndex].Id;
        LineCount = plan.Form.Lines.Length;
        Width = LineCount + plan.Choices.Length;
    }

    /// <summary>The contest counted.</summary>
    public ContestPlan Plan { get; }

    /// <summary>Who counted.</summary>
    public SourceId Source { get; }

    /// <summary>How many versions are kept (the writer's view).</summary>
    public int Count { get; private set; }

    private int LineCount { get; }

    private int Width { get; }

    /// <summary>A version's figures: the form's lines, then the votes.</summary>
    public ReadOnlySpan<int> Figures(int index) => ChunkOf(index).Figures.AsSpan((index & Mask) * Width, Width);

    /// <summary>A version's lines, in form order.</summary>
    public ReadOnlySpan<int> Lines(int index) => Figures(index)[..LineCount];

    /// <summary>A version's votes, in the contest's choice order.</summary>
    public ReadOnlySpan<int> Votes(int index) => Figures(index)[LineCount..];

    /// <summary>A version's number (1 for a station's first record).</summary>
    public int VersionOf(int index) => ChunkOf(index).Versions[index & Mask];

    /// <summary>The place of a version's station among the contest's (<see cref="ContestPlan.OffsetOf"/>).</summary>
    public int OffsetOf(int index) => ChunkOf(index).Offsets[index & Mask];

    /// <summary>A version's station (the definition's id).</summary>
    public AreaId StationOf(int index) => _election.Station(Plan.OrdinalAt(OffsetOf(index))).Id;

    /// <summary>Station figures (32 bits) as the 64-bit figures of sums and totals.</summary>
    public static long[] Widened(ReadOnlySpan<int> figures)
    {
        var wide = new long[figures.Length];
        for (var i = 0; i < figures.Length; i++)
        {
            wide[i] = figures[i];
        }
        return wide;
    }

    /// <summary>The version as a protocol, made anew (the definition's ids, the figures copied).</summary>
    public Protocol Protocol(int index)
    {
        var chunk = ChunkOf(index);
        var at = index & Mask;
        return new Protocol(
            _election.Id, StationOf(index), Plan.Contest.Id, Source, chunk.Versions[at],
            ImmutableArray.Create(Lines(index)), ImmutableArray.Create(Votes(index)), chunk.Corrections?[at], chunk.Images?[at]);
    }

    /// <summary>Whether <paramref name="protocol"/> (of this contest and source, for the station kept there) says exactly what the
    /// version kept at <paramref name="index"/> says: <see cref="Protocols.Protocol.Equals(Protocols.Protocol?)"/> without making it.</summary>
    internal bool Holds(int index, Protocol protocol)
    {
        var chunk = ChunkOf(index);
        var at = index & Mask;
        return chunk.Versions[at] == protocol.Version
            && Lines(index).SequenceEqual(protocol.Lines.AsSpan())
            && Votes(index).SequenceEqual(protocol.Votes.AsSpan())
            && Equals(chunk.Corrections?[at], protocol.Correction)
            && Equals(chunk.Images?[at], protocol.Image);
    }

    /// <summary>Keeps <paramref name="protocol"/>, counted for the station at <paramref name="offset"/>; gives its index.</summary>
    internal int Add(int offset, Protocol protocol)
    {
        if (protocol.Lines.Length != LineCount || protocol.Votes.Length != Width - LineCount)
        {
            throw new ArgumentException(
                $"a protocol with {protocol.Lines.Length} lines and {protocol.Votes.Length} votes kept for contest {Plan.Contest.Id}, "
                + $"whose form has {LineCount} and ballot {Width - LineCount}", nameof(protocol));
        }
        var index = Count;
        var c = index >> Shift;
        if (c == _chunks.Length)
        {
            var grown = new Chunk[c + 1];
            Array.Copy(_chunks, grown, c);
            grown[c] = new Chunk(Width);
            _chunks = grown;
        }
        var chunk = _chunks[c];
        var at = index & Mask;
        protocol.Lines.AsSpan().CopyTo(chunk.Figures.AsSpan(at * Width, LineCount));
        protocol.Votes.AsSpan().CopyTo(chunk.Figures.AsSpan((at * Width) + LineCount, Width - LineCount));
        chunk.Versions[at] = protocol.Version;
        chunk.Offsets[at] = offset;
        if (protocol.Correction is { } correction)
        {
            (chunk.Corrections ??= new Correction?[1 << Shift])[at] = correction;
        }
        if (protocol.Image is { } image)
        {
            (chunk.Images ??= new ProtocolImage?[1 << Shift])[at] = image;
        }
        Count = index + 1;
        return index;
    }

    private Chunk ChunkOf(int index) => _chunks[index >> Shift];

    /// <summary>1,024 versions' figures, numbers and stations; their corrections and images only once one has any.</summary>
    private sealed class Chunk(int width)
    {
        public int[] Figures { get; } = new int[width << Shift];

        public int[] Versions { get; } = new int[1 << Shift];

        public int[] Offsets { get; } = new int[1 << Shift];

        public Correction?[]? Corrections { get; set; }

        public ProtocolImage?[]? Images { get; set; }
    }
}

/// <summary>One version a contest and source counted: where <see cref="CountedFigures"/> keeps it.</summary>
/// <param name="Kept">The contest's and source's kept versions.</param>
/// <param name="Index">Its place among them.</param>
public readonly record struct CountedRef(CountedFigures Kept, int Index)
{
    /// <summary>Its number (1 for a station's first record).</summary>
    public int Version => Kept.VersionOf(Index);

    /// <summary>Its lines, in form order.</summary>
    public ReadOnlySpan<int> Lines => Kept.Lines(Index);

    /// <summary>Its votes, in the contest's choice order.</summary>
    public ReadOnlySpan<int> Votes => Kept.Votes(Index);

    /// <summary>Its station (the definition's id).</summary>
    public AreaId Station => Kept.StationOf(Index);

    /// <summary>It as a protocol, made anew.</summary>
    public Protocol Protocol() => Kept.Protocol(Index);
}
