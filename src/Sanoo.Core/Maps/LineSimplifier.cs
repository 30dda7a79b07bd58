using System.Collections.Immutable;

namespace Sanoo.Core.Maps;

/// <summary>
/// Douglas–Peucker simplification of closed rings: keeps the points that stray more than a tolerance from the line between
/// the points kept around them, so a boundary drawn a few hundred pixels wide needs tens of points, not thousands. A ring
/// always keeps at least its first point, the point farthest from it and its closing point, so no ring vanishes.
/// </summary>
public static class LineSimplifier
{
    /// <summary>The ring with only the points that matter at <paramref name="tolerance"/> (in the ring's own units).</summary>
    public static ImmutableArray<GeoPoint> Simplify(ImmutableArray<GeoPoint> ring, double tolerance)
    {
        if (ring.Length <= 4)
        {
            return ring;
        }
        var keep = new bool[ring.Length];
        keep[0] = keep[^1] = true;
        // A closed ring's ends coincide, so split it at the point farthest from its start first.
        var far = 1;
        for (var i = 1; i < ring.Length - 1; i++)
        {
            if (Distance2(ring[i], ring[0]) > Distance2(ring[far], ring[0]))
            {
                far = i;
            }
        }
        keep[far] = true;
        Mark(ring, 0, far, tolerance * tolerance, keep);
        Mark(ring, far, ring.Length - 1, tolerance * tolerance, keep);
        var kept = ImmutableArray.CreateBuilder<GeoPoint>();
        for (var i = 0; i < ring.Length; i++)
        {
            if (keep[i])
            {
                kept.Add(ring[i]);
            }
        }
        return kept.Count >= 4 ? kept.ToImmutable() : ring;
    }

    /// <summary>The shape with every ring simplified; rings that collapse below four points stay whole.</summary>
    public static AreaShape Simplify(AreaShape shape, double tolerance) =>
        new([.. shape.Rings.Select(r => Simplify(r, tolerance))]);

    private static void Mark(ImmutableArray<GeoPoint> ring, int first, int last, double tolerance2, bool[] keep)
    {
        var stack = new Stack<(int First, int Last)>();
        stack.Push((first, last));
        while (stack.Count > 0)
        {
            var (a, b) = stack.Pop();
            var (worst, index) = (0.0, -1);
            for (var i = a + 1; i < b; i++)
            {
                var d = SegmentDistance2(ring[i], ring[a], ring[b]);
                if (d > worst)
                {
                    (worst, index) = (d, i);
                }
            }
            if (index >= 0 && worst > tolerance2)
            {
                keep[index] = true;
                stack.Push((a, index));
                stack.Push((index, b));
            }
        }
    }

    private static double Distance2(GeoPoint p, GeoPoint q) => ((p.Lon - q.Lon) * (p.Lon - q.Lon)) + ((p.Lat - q.Lat) * (p.Lat - q.Lat));

    private static double SegmentDistance2(GeoPoint p, GeoPoint a, GeoPoint b)
    {
        var (dx, dy) = (b.Lon - a.Lon, b.Lat - a.Lat);
        var length2 = (dx * dx) + (dy * dy);
        if (length2 == 0)
        {
            return Distance2(p, a);
        }
        var t = Math.Clamp((((p.Lon - a.Lon) * dx) + ((p.Lat - a.Lat) * dy)) / length2, 0, 1);
        return Distance2(p, new GeoPoint(a.Lon + (t * dx), a.Lat + (t * dy)));
    }
}
