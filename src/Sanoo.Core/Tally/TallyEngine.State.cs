using Sanoo.Core.Protocols;

namespace Sanoo.Core.Tally;

/// <summary>
/// The engine's state for a checkpoint: exported at a log position, and restored by adopting the log's versions up to it
/// without deciding them again, then taking the sums, flags and counts from the state.
/// </summary>
public sealed partial class TallyEngine
{
    private bool _adopting;

    /// <summary>
    /// The state at <see cref="Position"/> as bytes (<see cref="TallyStateCodec"/>): per contest and source, in the engine's order,
    /// the log position of each station's counted version (0 for none) and its warning flag, then each tally area's sums,
    /// stations reporting, voters covered and protocols flagged. The figures are not in it: they stay in the log.
    /// </summary>
    public byte[] ExportState()
    {
        var output = new List<byte>(1 << 16);
        output.AddRange(TallyStateCodec.Magic);
        TallyStateCodec.Write(output, (ulong)Position);
        TallyStateCodec.Write(output, (ulong)_books.Length);
        for (var b = 0; b < _books.Length; b++)
        {
            var book = _books[b];
            var positions = _positions[b];
            TallyStateCodec.Write(output, (ulong)positions.Length);
            TallyStateCodec.Write(output, (ulong)book.Width);
            TallyStateCodec.Write(output, (ulong)book.Reporting.Length);
            for (var k = 0; k < positions.Length; k++)
            {
                TallyStateCodec.Write(output, (ulong)positions[k]);
            }
            for (var k = 0; k < positions.Length; k += 8)
            {
                var bits = 0;
                for (var i = 0; i < 8 && k + i < positions.Length; i++)
                {
                    bits |= book.CurrentFlagged[k + i] ? 1 << i : 0;
                }
                output.Add((byte)bits);
            }
            foreach (var sum in book.Sums)
            {
                TallyStateCodec.WriteSigned(output, sum);
            }
            for (var slot = 0; slot < book.Reporting.Length; slot++)
            {
                TallyStateCodec.WriteSigned(output, book.Reporting[slot]);
                TallyStateCodec.WriteSigned(output, book.Covered[slot]);
                TallyStateCodec.WriteSigned(output, book.Flagged[slot]);
            }
        }
        return [.. output];
    }

    /// <summary>
    /// Takes the next log entry as counted, without deciding it: its protocol becomes its station's counted version (and
    /// <paramref name="counted"/> says so on the night's timeline, received at <paramref name="receivedAt"/>, Unix milliseconds,
    /// with the version it replaced). For the entries a verified checkpoint covers; the sums are wrong until
    /// <see cref="RestoreState"/> succeeds, and nothing is applied or frozen before. False for a protocol that does not fit the election.
    /// </summary>
    public bool TryAdopt(Protocol protocol, long receivedAt, out Progress.CountedVersion counted)
    {
        counted = default;
        if (!Election.TryCountedPlace(protocol.Station, protocol.Contest, protocol.Source, out var plan, out var s, out var offset)
            || protocol.Lines.Length != plan.Form.Lines.Length || protocol.Votes.Length != plan.Choices.Length)
        {
            return false;
        }
        _adopting = true;
        Position++;
        var book = _books[(plan.Index * _sources) + s];
        var superseded = book.CountedAt(offset);
        var index = book.Kept.Add(offset, protocol);
        book.Current[offset] = index + 1;
        _positions[(plan.Index * _sources) + s][offset] = Position;
        counted = new(Position, receivedAt, book.Kept, index, superseded);
        return true;
    }

    /// <summary>Takes the next log entry as not counted (a conflict, a stale or a rejected version), without deciding it.</summary>
    public void AdoptUncounted()
    {
        _adopting = true;
        Position++;
    }

    /// <summary>
    /// Completes the versions adopted with <paramref name="state"/> (from <see cref="ExportState"/>): it must be of this
    /// position and this election's shape, and name for every station the very version adopted last. The flags, sums and counts
    /// are then taken from it, and the next freeze checks every station against them. Returns why the state was refused, or
    /// null; a refused state leaves the engine unusable (replay the log into a new one).
    /// </summary>
    public string? RestoreState(ReadOnlySpan<byte> state)
    {
        var reader = new TallyStateCodec(state);
        if (unchecked((long)reader.Unsigned()) != Position || reader.Failed)
        {
            return reader.Failed ? "the tally state is not in a format this Sanoo reads" : "the tally state is of another log position";
        }
        if (reader.Count(int.MaxValue) != _books.Length)
        {
            return "the tally state has another number of contests and sources than the definition";
        }
        for (var b = 0; b < _books.Length; b++)
        {
            var book = _books[b];
            var positions = _positions[b];
            if (reader.Count(int.MaxValue) != positions.Length || reader.Count(int.MaxValue) != book.Width
                || reader.Count(int.MaxValue) != book.Reporting.Length)
            {
                return $"the tally state's contest {book.Plan.Contest.Id} has another shape than the definition's";
            }
            for (var k = 0; k < positions.Length; k++)
            {
                if (unchecked((long)reader.Unsigned()) != positions[k])
                {
                    return reader.Failed
                        ? "the tally state ends early"
                        : $"the tally state names another counted version of a station of contest {book.Plan.Contest.Id} than the log";
                }
            }
            var flags = reader.Take((positions.Length + 7) / 8);
            for (var k = 0; k < positions.Length; k++)
            {
                book.CurrentFlagged[k] = !flags.IsEmpty && (flags[k >> 3] & (1 << (k & 7))) != 0;
            }
            for (var i = 0; i < book.Sums.Length; i++)
            {
                book.Sums[i] = reader.Signed();
            }
            for (var slot = 0; slot < book.Reporting.Length; slot++)
            {
                book.Reporting[slot] = unchecked((int)reader.Signed());
                book.Covered[slot] = reader.Signed();
                book.Flagged[slot] = unchecked((int)reader.Signed());
            }
        }
        if (reader.Failed || !reader.AtEnd)
        {
            return "the tally state ends early or has bytes left over";
        }
        _adopting = false;
        return null;
    }
}
