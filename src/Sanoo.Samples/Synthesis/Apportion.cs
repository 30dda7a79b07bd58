namespace Sanoo.Samples.Synthesis;

/// <summary>Splits a whole number into whole parts by weights, exactly (largest remainder), for sample data.</summary>
public static class Apportion
{
    /// <summary>
    /// Parts proportional to <paramref name="weights"/> that sum to exactly <paramref name="total"/>;
    /// each part is at most its cap when caps are given and can hold the total.
    /// </summary>
    public static long[] Split(long total, IReadOnlyList<double> weights, IReadOnlyList<long>? caps = null)
    {
        var parts = new long[weights.Count];
        var open = Enumerable.Range(0, weights.Count).Where(i => weights[i] > 0 && (caps is null || caps[i] > 0)).ToList();
        var left = total;
        while (left > 0 && open.Count > 0)
        {
            var weightSum = open.Sum(i => weights[i]);
            var share = new double[weights.Count];
            var given = 0L;
            foreach (var i in open)
            {
                share[i] = left * weights[i] / weightSum;
                var whole = (long)Math.Floor(share[i]);
                parts[i] += whole;
                given += whole;
            }
            var remainder = left - given;
            foreach (var i in open.OrderByDescending(i => share[i] - Math.Floor(share[i])).ThenBy(i => i).Take((int)remainder))
            {
                parts[i]++;
            }
            left = 0;
            if (caps is null)
            {
                break;
            }
            foreach (var i in open.Where(i => parts[i] > caps[i]).ToList())
            {
                left += parts[i] - caps[i];
                parts[i] = caps[i];
            }
            open.RemoveAll(i => parts[i] >= caps[i]);
        }
        if (left > 0)
        {
            throw new InvalidOperationException($"cannot split {total} within the caps: {left} left over");
        }
        return parts;
    }
}
