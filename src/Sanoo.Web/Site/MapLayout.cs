using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Sanoo.Core.Definitions;
using Sanoo.Core.Maps;

namespace Sanoo.Web.Site;

/// <summary>Where one area is drawn on its parent's map: an SVG path (its outline) or a tile (a square).</summary>
/// <param name="Area">The area.</param>
/// <param name="Path">The SVG path data in the map's pixels; null for a tile.</param>
/// <param name="Tile">The tile's left, top and side in pixels; null for an outline.</param>
public sealed record MapPlace(Area Area, string? Path, (int X, int Y, int Side)? Tile);

/// <summary>
/// The drawing of the areas directly below one area, fixed for the election (the colours change with each snapshot, the shapes
/// never): outlines projected equirectangularly (longitude scaled by the cosine of the middle latitude) into a box
/// <see cref="Width"/> pixels wide, simplified again to under a pixel and rounded to whole pixels; areas without geometry as
/// equal tiles in definition order, in a grid of their own or in a row under the outlines.
/// </summary>
/// <param name="Width">The drawing's width in pixels (its viewBox).</param>
/// <param name="Height">Its height.</param>
/// <param name="Places">The areas in definition order.</param>
public sealed record MapLayout(int Width, int Height, IReadOnlyList<MapPlace> Places)
{
    /// <summary>The width every map is laid out at; pages scale it to the screen.</summary>
    public const int MapWidth = 600;

    private const int TileSide = 44;
    private const int TileGap = 4;

    private static readonly ConditionalWeakTable<Election, ConcurrentDictionary<AreaId, MapLayout>> Cache = [];

    /// <summary>Whether any of the areas is drawn by its outline (else the map is a tile grid).</summary>
    public bool Geographic => Places.Any(p => p.Path is not null);

    /// <summary>The layout of <paramref name="children"/> (the areas below <paramref name="parent"/>), computed once per election.</summary>
    public static MapLayout Of(Election election, AreaId parent, IReadOnlyList<Area> children) =>
        Cache.GetValue(election, _ => new()).GetOrAdd(parent, _ => Lay(children));

    private static MapLayout Lay(IReadOnlyList<Area> children)
    {
        var shaped = children.Where(c => c.Shape is not null).ToList();
        var places = new Dictionary<AreaId, MapPlace>();
        var height = 0;
        if (shaped.Count > 0)
        {
            var bounds = shaped.Select(c => c.Shape!.Bounds()).ToList();
            var (west, south) = (bounds.Min(b => b.West), bounds.Min(b => b.South));
            var (east, north) = (bounds.Max(b => b.East), bounds.Max(b => b.North));
            var cos = Math.Cos((south + north) / 2 * Math.PI / 180);
            var scale = (MapWidth - 2) / Math.Max((east - west) * cos, 1e-9);
            height = (int)Math.Ceiling((north - south) * scale) + 2;
            foreach (var child in shaped)
            {
                var projected = new AreaShape([.. child.Shape!.Rings.Select(ring => ring
                    .Select(p => new GeoPoint(1 + ((p.Lon - west) * cos * scale), 1 + ((north - p.Lat) * scale))).ToImmutableArray())]);
                places[child.Id] = new MapPlace(child, PathOf(LineSimplifier.Simplify(projected, 0.6)), null);
            }
        }
        var tiles = children.Where(c => c.Shape is null).ToList();
        var step = TileSide + TileGap;
        var columns = Math.Max(1, Math.Min(tiles.Count, shaped.Count > 0 ? MapWidth / step
            : Math.Min(MapWidth / step, (int)Math.Ceiling(Math.Sqrt(tiles.Count * 2.0)))));
        if (tiles.Count > 0)
        {
            var top = height + (height > 0 ? TileGap * 2 : 0);
            for (var i = 0; i < tiles.Count; i++)
            {
                places[tiles[i].Id] = new MapPlace(tiles[i], null, ((i % columns * step) + 1, top + (i / columns * step) + 1, TileSide));
            }
            height = top + ((tiles.Count + columns - 1) / columns * step);
        }
        var width = shaped.Count > 0 ? MapWidth : (columns * step) + 2;
        return new MapLayout(width, height + 2, [.. children.Select(c => places[c.Id])]);
    }

    /// <summary>Whole-pixel path data: an absolute move, then relative lines, each ring closed; repeated points dropped.</summary>
    private static string PathOf(AreaShape shape)
    {
        var path = new StringBuilder();
        foreach (var ring in shape.Rings)
        {
            var (x, y) = ((int)Math.Round(ring[0].Lon), (int)Math.Round(ring[0].Lat));
            path.Append(CultureInfo.InvariantCulture, $"M{x} {y}l");
            var points = 0;
            foreach (var point in ring.Skip(1))
            {
                var (nx, ny) = ((int)Math.Round(point.Lon), (int)Math.Round(point.Lat));
                if (nx == x && ny == y)
                {
                    continue;
                }
                path.Append(CultureInfo.InvariantCulture, $"{(points > 0 && nx - x >= 0 ? " " : "")}{nx - x}{(ny - y >= 0 ? " " : "")}{ny - y}");
                (x, y, points) = (nx, ny, points + 1);
            }
            path.Append('z');
        }
        return path.ToString();
    }
}
