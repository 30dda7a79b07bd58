namespace Sanoo.Samples.Synthesis;

/// <summary>
/// Fills a table of whole numbers whose row sums and column sums are both exactly given,
/// following a table of expected proportions: iterative proportional fitting on the reals,
/// then a rounding that keeps both margins. Used to spread a party's official national total
/// over the stations so that every station's votes still add up to its valid ballots.
/// </summary>
public static class MatrixRounding
{
    /// <summary>The whole-number table; rows × columns as in <paramref name="expected"/>.</summary>
    public static int[][] Fit(double[][] expected, IReadOnlyList<long> rowSums, IReadOnlyList<long> columnSums, int iterations = 40)
    {
        if (rowSums.Sum() != columnSums.Sum())
        {
            throw new ArgumentException($"row sums ({rowSums.Sum()}) and column sums ({columnSums.Sum()}) differ");
        }
        var rows = expected.Length;
        var columns = columnSums.Count;
        var x = expected.Select(r => (double[])r.Clone()).ToArray();
        for (var round = 0; round < iterations; round++)
        {
            for (var r = 0; r < rows; r++)
            {
                var sum = x[r].Sum();
                for (var c = 0; c < columns && sum > 0; c++)
                {
                    x[r][c] *= rowSums[r] / sum;
                }
            }
            for (var c = 0; c < columns; c++)
            {
                var sum = 0.0;
                for (var r = 0; r < rows; r++)
                {
                    sum += x[r][c];
                }
                for (var r = 0; r < rows && sum > 0; r++)
                {
                    x[r][c] *= columnSums[c] / sum;
                }
            }
        }
        var table = new int[rows][];
        var columnLeft = columnSums.ToArray();
        for (var r = 0; r < rows; r++)
        {
            table[r] = new int[columns];
            for (var c = 0; c < columns; c++)
            {
                table[r][c] = (int)Math.Min(Math.Floor(x[r][c]), columnLeft[c]);
                columnLeft[c] -= table[r][c];
            }
        }
        for (var r = 0; r < rows; r++)
        {
            var rowLeft = rowSums[r] - table[r].Sum();
            var fractions = Enumerable.Range(0, columns).OrderByDescending(c => x[r][c] - Math.Floor(x[r][c])).ThenBy(c => c).ToList();
            while (rowLeft > 0)
            {
                var progressed = false;
                foreach (var c in fractions)
                {
                    if (rowLeft == 0)
                    {
                        break;
                    }
                    if (columnLeft[c] > 0)
                    {
                        table[r][c]++;
                        columnLeft[c]--;
                        rowLeft--;
                        progressed = true;
                    }
                }
                if (!progressed)
                {
                    throw new InvalidOperationException("row and column sums cannot both be met");
                }
            }
        }
        if (columnLeft.Any(c => c != 0))
        {
            throw new InvalidOperationException("column sums not met");
        }
        return table;
    }
}
