using System.Collections.Immutable;

namespace Sanoo.Core.Maps;

/// <summary>A point of the earth in WGS84 degrees, as GeoJSON writes it (longitude first).</summary>
/// <param name="Lon">Longitude, −180 … 180 degrees east.</param>
/// <param name="Lat">Latitude, −90 … 90 degrees north.</param>
public readonly record struct GeoPoint(double Lon, double Lat);

/// <summary>
/// The outline of an area on the map: the rings of a GeoJSON Polygon or MultiPolygon, outer rings and holes alike (the site
/// fills them even-odd, so a hole needs no flag). Invariants (held by <see cref="ShapeReader"/>): at least one ring; every ring
/// is closed (first point equals last) with at least four points, all within WGS84 bounds.
/// </summary>
/// <param name="Rings">The rings.</param>
public sealed record AreaShape(ImmutableArray<ImmutableArray<GeoPoint>> Rings)
{
    /// <summary>The smallest longitude and latitude box holding every point.</summary>
    public (double West, double South, double East, double North) Bounds()
    {
        var (w, s, e, n) = (double.MaxValue, double.MaxValue, double.MinValue, double.MinValue);
        foreach (var point in Rings.SelectMany(r => r))
        {
            (w, s, e, n) = (Math.Min(w, point.Lon), Math.Min(s, point.Lat), Math.Max(e, point.Lon), Math.Max(n, point.Lat));
        }
        return (w, s, e, n);
    }

    /// <summary>How many points the shape has in all its rings.</summary>
    public int PointCount => Rings.Sum(r => r.Length);
}
