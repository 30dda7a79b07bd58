namespace Sanoo.Web.Site;

/// <summary>
/// Seat positions of a parliament drawn as a half circle: rows from the inside out, each with
/// seats in proportion to its length, then ordered left to right so that each party's seats
/// form one wedge. Coordinates are in a box from (−1, −1) to (1, 0); the centre is (0, 0).
/// </summary>
public static class HemicycleLayout
{
    /// <summary>A seat's centre and radius.</summary>
    public readonly record struct Seat(double X, double Y, double R);

    /// <summary>The positions of <paramref name="seats"/> seats, left to right.</summary>
    public static IReadOnlyList<Seat> Of(int seats)
    {
        if (seats <= 0)
        {
            return [];
        }
        var rows = Math.Max(1, (int)Math.Ceiling(Math.Sqrt(seats / 3.5)));
        var radii = Enumerable.Range(0, rows).Select(i => rows == 1 ? 0.7 : 0.4 + (0.6 * i / (rows - 1))).ToArray();
        var perRow = Share(seats, radii);
        var gap = rows == 1 ? 0.6 : 0.6 / (rows - 1);
        var arc = Enumerable.Range(0, rows).Where(i => perRow[i] > 1).Select(i => Math.PI * radii[i] / (perRow[i] - 1)).DefaultIfEmpty(gap).Min();
        var dot = 0.45 * Math.Min(gap, arc);
        var placed = new List<(double Angle, double Radius)>();
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < perRow[i]; j++)
            {
                placed.Add((perRow[i] == 1 ? Math.PI / 2 : Math.PI * (1 - ((double)j / (perRow[i] - 1))), radii[i]));
            }
        }
        var scale = 1 / (1 + dot); // the outer row's seats touch the box, not cross it
        return [.. placed.OrderByDescending(p => Math.Round(p.Angle, 9)).ThenBy(p => p.Radius)
            .Select(p => new Seat(p.Radius * Math.Cos(p.Angle) * scale, -p.Radius * Math.Sin(p.Angle) * scale, dot * scale))];
    }

    /// <summary>Seats per row in proportion to the rows' radii, by largest remainder.</summary>
    private static int[] Share(int seats, double[] radii)
    {
        var total = radii.Sum();
        var exact = radii.Select(r => seats * r / total).ToArray();
        var counts = exact.Select(e => (int)Math.Floor(e)).ToArray();
        foreach (var i in Enumerable.Range(0, radii.Length).OrderByDescending(i => exact[i] - counts[i]).Take(seats - counts.Sum()))
        {
            counts[i]++;
        }
        return counts;
    }
}
