using Sanoo.Samples.Kyrgyzstan2021;
using Sanoo.Testing;

namespace Sanoo.Samples.Tests;

/// <summary>
/// The sample's regions drawn from COD-AB's nine units in the shared data (read in place; skipped where it is not, but always there in CI).
/// </summary>
public sealed class Kg2021GeographyTests
{
    private const string Codab = "kg_2021/geo/" + Kg2021Geography.FileName;

    private static byte[] File => System.IO.File.ReadAllBytes(SharedData.PathOf("kg_2021", "geo", Kg2021Geography.FileName));

    [RealDataFact(Codab)]
    public void Every_domestic_region_gets_its_outline_and_the_definition_stays_small()
    {
        var plain = Kg2021Generator.Generate();
        var mapped = Kg2021Generator.Generate(Kg2021Generator.DefaultSeed, Kg2021Geography.Read(File));
        var regions = mapped.Election.Areas.Where(a => a.Level == 1).ToList();
        Assert.Equal(9, regions.Count(r => r.Shape is not null));
        Assert.Null(regions.Single(r => r.Id.Value == "abroad").Shape);
        Assert.All(plain.Election.Areas, a => Assert.Null(a.Shape));
        Assert.Contains("CC BY-IGO 3.0", mapped.Election.Definition.MapCredit!.In("en"), StringComparison.Ordinal);
        // The simplified outlines add a few tens of KB to the definition (the file itself is 108 KB), and nothing else changes.
        var added = mapped.DefinitionJson.Length - plain.DefinitionJson.Length;
        Assert.InRange(added, 10_000, 40_000);
        Assert.Equal(plain.Hand.SelectMany(p => p.Votes), mapped.Hand.SelectMany(p => p.Votes));
        // Bishkek lies around 74.6° E, 42.9° N; Osh city around 72.8° E, 40.5° N.
        var bishkek = regions.Single(r => r.Id.Value == "bishkek").Shape!.Bounds();
        Assert.InRange(74.6, bishkek.West, bishkek.East);
        Assert.InRange(42.87, bishkek.South, bishkek.North);
    }

    [RealDataFact(Codab)]
    public void The_same_file_gives_the_same_definition_bytes()
    {
        var first = Kg2021Generator.Generate(Kg2021Generator.DefaultSeed, Kg2021Geography.Read(File));
        var second = Kg2021Generator.Generate(Kg2021Generator.DefaultSeed, Kg2021Geography.Read(File));
        Assert.Equal(first.DefinitionJson, second.DefinitionJson);
    }

    [RealDataFact(Codab, "kg_2021/geo/kg_adm1.geojson")]
    public void A_file_without_the_nine_units_is_refused()
    {
        // Natural Earth's admin-1 file has eight units: Osh city is inside Osh region there.
        var naturalEarth = System.IO.File.ReadAllBytes(SharedData.PathOf("kg_2021", "geo", "kg_adm1.geojson"));
        Assert.Throws<InvalidDataException>(() => Kg2021Geography.Read(naturalEarth));
    }
}
