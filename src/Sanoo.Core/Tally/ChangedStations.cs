namespace Sanoo.Core.Tally;

/// <summary>
/// The stations of one book whose counted protocol changed since its last freeze, as offsets (repeats allowed), so the next
/// snapshot's check can update what the stations add instead of adding them all again. Past a quarter of the stations it stops
/// listing and says so: a full check is then as cheap.
/// </summary>
internal sealed class ChangedStations
{
    private readonly List<int> _offsets = [];
    private int _limit = -1;

    /// <summary>The offsets listed since the last clear.</summary>
    public List<int> Offsets => _offsets;

    /// <summary>Whether more changed than are listed: the next check adds every station.</summary>
    public bool Overflowed { get; private set; } = true; // the first freeze has nothing to update

    /// <summary>Notes a change of the station at <paramref name="offset"/> among <paramref name="stations"/>.</summary>
    public void Add(int offset, int stations)
    {
        if (Overflowed)
        {
            return;
        }
        if (_limit < 0)
        {
            _limit = Math.Max(1024, stations / 4);
        }
        if (_offsets.Count >= _limit)
        {
            Overflowed = true;
            _offsets.Clear();
            return;
        }
        _offsets.Add(offset);
    }

    /// <summary>Starts a new list: called when the book is frozen.</summary>
    public void Clear()
    {
        _offsets.Clear();
        Overflowed = false;
    }
}
