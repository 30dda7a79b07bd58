using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Sanoo.Core.Json;
using Sanoo.Core.Maps;

namespace Sanoo.Samples.Kyrgyzstan2021;

/// <summary>
/// The regions' outlines for the sample, taken from OCHA COD-AB's nine first-level units (<c>kg_adm1_codab.geojson</c> in the
/// shared data, read in place and never committed), simplified for a page and rounded to 0.001° (about 100 m). Pure: the
/// caller reads the file. Without it the sample has no geometry and the site draws its tile grid.
/// </summary>
public sealed class Kg2021Geography
{
    /// <summary>The file's name in the shared data's <c>kg_2021/geo</c> folder.</summary>
    public const string FileName = "kg_adm1_codab.geojson";

    /// <summary>The credit line its SOURCE.md asks for, in the site's languages.</summary>
    public static readonly IReadOnlyDictionary<string, string> Credit = new Dictionary<string, string>
    {
        ["ky"] = "Административдик чек аралар: КР ӨКМ / OCHA, HDX (cod-ab-kgz), CC BY-IGO 3.0; жөнөкөйлөтүлгөн",
        ["ru"] = "Административные границы: МЧС КР / OCHA, HDX (cod-ab-kgz), CC BY-IGO 3.0; упрощены",
        ["en"] = "Administrative boundaries: Ministry of Emergency Situations of the Kyrgyz Republic / OCHA, via HDX (cod-ab-kgz), "
            + "CC BY-IGO 3.0; simplified, Bishkek and Osh city gap-filled",
    };

    /// <summary>The sample's region ids by the ISO 3166-2 code the file gives each unit.</summary>
    private static readonly IReadOnlyDictionary<string, string> RegionByIso = new Dictionary<string, string>
    {
        ["KG-B"] = "batken", ["KG-O"] = "osh-oblast", ["KG-GO"] = "osh-city", ["KG-J"] = "jalal-abad", ["KG-T"] = "talas",
        ["KG-C"] = "chui", ["KG-GB"] = "bishkek", ["KG-N"] = "naryn", ["KG-Y"] = "issyk-kul",
    };

    /// <summary>Tolerance of the simplification, in degrees (about 1 km; a national map is a few hundred pixels wide).</summary>
    private const double Tolerance = 0.01;

    private Kg2021Geography(ImmutableDictionary<string, AreaShape> shapes) => Shapes = shapes;

    /// <summary>The simplified outline of each region that has one, by region id.</summary>
    public ImmutableDictionary<string, AreaShape> Shapes { get; }

    /// <summary>Reads the GeoJSON FeatureCollection; throws when it is not the file described (a wrong file is a setup fault).</summary>
    public static Kg2021Geography Read(ReadOnlySpan<byte> geoJson)
    {
        var reader = new Utf8JsonReader(geoJson);
        using var document = JsonDocument.ParseValue(ref reader);
        var shapes = ImmutableDictionary.CreateBuilder<string, AreaShape>(StringComparer.Ordinal);
        foreach (var feature in document.RootElement.GetProperty("features").EnumerateArray())
        {
            var iso = feature.GetProperty("properties").GetProperty("iso_3166_2").GetString() ?? string.Empty;
            var problems = new List<JsonProblem>();
            if (RegionByIso.TryGetValue(iso, out var region)
                && ShapeReader.Read(feature.GetProperty("geometry"), "$.geometry", problems) is { } shape)
            {
                shapes[region] = Round(LineSimplifier.Simplify(shape, Tolerance));
            }
        }
        return shapes.Count == RegionByIso.Count
            ? new Kg2021Geography(shapes.ToImmutable())
            : throw new InvalidDataException($"{FileName} should hold the nine units {string.Join(", ", RegionByIso.Keys)}");
    }

    /// <summary>
    /// Writes a region's outline as a GeoJSON MultiPolygon of one ring per polygon (holes are drawn even-odd), on one line even in
    /// an indented file: a position a line would triple its size.
    /// </summary>
    public void WriteGeometry(Utf8JsonWriter json, string region)
    {
        if (!Shapes.TryGetValue(region, out var shape))
        {
            return;
        }
        var compact = new ArrayBufferWriter<byte>();
        using (var geometry = new Utf8JsonWriter(compact))
        {
            geometry.WriteStartObject();
            geometry.WriteString("type", "MultiPolygon");
            geometry.WriteStartArray("coordinates");
            foreach (var ring in shape.Rings)
            {
                geometry.WriteStartArray();
                geometry.WriteStartArray();
                foreach (var point in ring)
                {
                    geometry.WriteStartArray();
                    geometry.WriteRawValue(point.Lon.ToString("0.###", CultureInfo.InvariantCulture));
                    geometry.WriteRawValue(point.Lat.ToString("0.###", CultureInfo.InvariantCulture));
                    geometry.WriteEndArray();
                }
                geometry.WriteEndArray();
                geometry.WriteEndArray();
            }
            geometry.WriteEndArray();
            geometry.WriteEndObject();
        }
        json.WritePropertyName("geometry");
        json.WriteRawValue(compact.WrittenSpan);
    }

    private static AreaShape Round(AreaShape shape) => new([.. shape.Rings.Select(ring =>
        ring.Select(p => new GeoPoint(Math.Round(p.Lon, 3), Math.Round(p.Lat, 3))).ToImmutableArray())]);
}
