using System.Collections.Immutable;
using Sanoo.Core.Definitions;

namespace Sanoo.Core.Protocols;

/// <summary>
/// One station's record of one count of one contest: the form's lines and the votes per
/// choice, as the commission or machine wrote them. Units: ballots, voters and votes.
/// Invariants (held by <see cref="ProtocolReader"/> and <see cref="Election"/>-aware checks):
/// <see cref="Lines"/> follows the form's line order and <see cref="Votes"/> the contest's
/// choice order; every figure is non-negative; <see cref="Version"/> ≥ 1, and every version
/// after the first carries a <see cref="Correction"/>.
/// A station figure fits in 32 bits (the largest real stations, e-voting pseudo-stations, have
/// a few hundred thousand voters); area sums are 64-bit.
/// </summary>
/// <param name="Election">The election it belongs to.</param>
/// <param name="Station">The polling station.</param>
/// <param name="Contest">The contest counted.</param>
/// <param name="Source">Who counted.</param>
/// <param name="Version">1 for the first record; each correction is the next number.</param>
/// <param name="Lines">The form's lines, in form order.</param>
/// <param name="Votes">Votes per choice, in the contest's choice order.</param>
/// <param name="Correction">Reason and author, for versions after the first.</param>
/// <param name="Image">The image of the signed paper protocol, when one is attached; part of the signed bytes.</param>
public sealed record Protocol(
    ElectionId Election,
    AreaId Station,
    ContestId Contest,
    SourceId Source,
    int Version,
    ImmutableArray<int> Lines,
    ImmutableArray<int> Votes,
    Correction? Correction,
    ProtocolImage? Image = null)
{
    /// <summary>The slot this protocol fills: one per station, contest and source.</summary>
    public (AreaId Station, ContestId Contest, SourceId Source) Slot => (Station, Contest, Source);

    /// <summary>Whether the two protocols say exactly the same thing, version included.</summary>
    public bool Equals(Protocol? other) =>
        other is not null
        && Election == other.Election
        && Station == other.Station
        && Contest == other.Contest
        && Source == other.Source
        && Version == other.Version
        && Lines.AsSpan().SequenceEqual(other.Lines.AsSpan())
        && Votes.AsSpan().SequenceEqual(other.Votes.AsSpan())
        && Equals(Correction, other.Correction)
        && Equals(Image, other.Image);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Station);
        hash.Add(Contest);
        hash.Add(Source);
        hash.Add(Version);
        foreach (var value in Lines)
        {
            hash.Add(value);
        }
        foreach (var value in Votes)
        {
            hash.Add(value);
        }
        return hash.ToHashCode();
    }

    /// <summary>The sum of the votes for every choice.</summary>
    public long TotalVotes()
    {
        var sum = 0L;
        foreach (var votes in Votes)
        {
            sum += votes;
        }
        return sum;
    }
}
