namespace Sanoo.Cli.ErrImport;

/// <summary>
/// The station counts of one contest gathered from an ERR report: per station and count source, the votes of each selection and the
/// ballots cast and rejected. Counts of areas above the stations are not kept: Sanoo adds them up again from the stations.
/// </summary>
/// <param name="Choices">How many selections the contest has.</param>
public sealed class ErrCountBook(int Choices)
{
    /// <summary>The counts of one station in one source.</summary>
    public sealed class Station(int choices)
    {
        /// <summary>Votes per selection, in ballot order.</summary>
        public long[] Votes { get; } = new long[choices];

        /// <summary>Ballots cast, where the report gives them.</summary>
        public long? Cast { get; set; }

        /// <summary>Ballots rejected, where the report gives them.</summary>
        public long? Rejected { get; set; }
    }

    /// <summary>The stations with any count, by station <c>@id</c> and source, in the order first met.</summary>
    public Dictionary<(string Station, string Source), Station> Stations { get; } = [];

    /// <summary>Seats won per selection and source (counts of type <c>seats</c>).</summary>
    public Dictionary<string, long[]> Seats { get; } = new(StringComparer.Ordinal);

    /// <summary>The counts of a station and source, made on first use.</summary>
    public Station At(string station, string source)
    {
        if (!Stations.TryGetValue((station, source), out var counts))
        {
            counts = new Station(Choices);
            Stations[(station, source)] = counts;
        }
        return counts;
    }

    /// <summary>The seats per selection of a source, made on first use.</summary>
    public long[] SeatsOf(string source)
    {
        if (!Seats.TryGetValue(source, out var seats))
        {
            seats = new long[Choices];
            Seats[source] = seats;
        }
        return seats;
    }
}
