using System.Collections.Immutable;

namespace Sanoo.Core.Forensics;

/// <summary>
/// How turnout and the leader's share are spread over the stations: two histograms of <see cref="HistogramBins"/> bins a tenth of
/// a percentage point wide (bin b holds rates in [b/10 %, (b+1)/10 %), the last one 100 % exactly), fine enough to show peaks at
/// whole percentages, and the joint density of the two (the "comet" of Kobak, Shpilkin and Pshenichnikov) on a grid of
/// <see cref="CometBins"/> × <see cref="CometBins"/> cells one percentage point wide, row by row from 0 % leader's share, each row
/// from 0 % turnout (100 % falls in the last cell). Counts of stations, not of voters.
/// </summary>
/// <param name="Turnout">Stations by turnout (those with registered voters).</param>
/// <param name="LeaderShare">Stations by the leader's share (those where someone took part).</param>
/// <param name="Comet">Stations by turnout and leader's share, <see cref="CometBins"/>² cells.</param>
public sealed record RateDistributions(ImmutableArray<int> Turnout, ImmutableArray<int> LeaderShare, ImmutableArray<int> Comet)
{
    /// <summary>Bins of each histogram: 0.0 % to 100.0 % by tenths.</summary>
    public const int HistogramBins = 1001;

    /// <summary>Cells along each axis of the comet.</summary>
    public const int CometBins = 100;

    /// <summary>Stations in the comet's cell (turnout bin <paramref name="x"/>, share bin <paramref name="y"/>).</summary>
    public int CometAt(int x, int y) => Comet[(y * CometBins) + x];

    internal static RateDistributions Of(long[] registered, long[] tookPart, long[] leaderVotes)
    {
        var turnout = new int[HistogramBins];
        var share = new int[HistogramBins];
        var comet = new int[CometBins * CometBins];
        for (var i = 0; i < registered.Length; i++)
        {
            var hasTurnout = registered[i] > 0 && tookPart[i] <= registered[i];
            var hasShare = tookPart[i] > 0;
            if (hasTurnout)
            {
                turnout[1000 * tookPart[i] / registered[i]]++;
            }
            if (hasShare)
            {
                share[1000 * leaderVotes[i] / tookPart[i]]++;
            }
            if (hasTurnout && hasShare)
            {
                var x = (int)Math.Min(CometBins - 1, 100 * tookPart[i] / registered[i]);
                var y = (int)Math.Min(CometBins - 1, 100 * leaderVotes[i] / tookPart[i]);
                comet[(y * CometBins) + x]++;
            }
        }
        return new RateDistributions([.. turnout], [.. share], [.. comet]);
    }
}
