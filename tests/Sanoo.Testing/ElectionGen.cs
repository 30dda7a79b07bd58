using CsCheck;
using Sanoo.Core.Definitions;

namespace Sanoo.Testing;

/// <summary>
/// The shape of a random election: stations per district per region (a district count of 0
/// puts the region's stations directly under the region), parties, "against all", which
/// districts hold single-member contests, and a seed for voter counts.
/// </summary>
public sealed record ElectionShape(int[][] Regions, int Parties, bool AgainstAll, int SingleMemberEvery, int Seed)
{
    public override string ToString() =>
        $"regions=[{string.Join(" | ", Regions.Select(r => string.Join(",", r)))}] parties={Parties} " +
            $"againstAll={AgainstAll} smdEvery={SingleMemberEvery} seed={Seed}";

    public Election Build()
    {
        var random = new Random(Seed);
        var builder = new ElectionBuilder();
        var smd = new List<string>();
        var districtNumber = 0;
        for (var r = 0; r < Regions.Length; r++)
        {
            builder.Region($"r{r}");
            for (var d = 0; d < Regions[r].Length; d++)
            {
                var stations = Regions[r][d];
                var parent = $"r{r}";
                if (d % 3 != 2)
                {
                    parent = $"r{r}d{d}";
                    builder.District(parent, $"r{r}");
                    if (SingleMemberEvery > 0 && districtNumber++ % SingleMemberEvery == 0)
                    {
                        smd.Add(parent);
                    }
                }
                for (var s = 0; s < stations; s++)
                {
                    builder.Station($"{parent}s{s}", parent, random.Next(0, 3000), random.Next(0, 3) == 0 ? random.Next(0, 60) : 0);
                }
            }
        }
        builder.Parties(Parties, AgainstAll);
        foreach (var district in smd)
        {
            builder.SingleMember(district, 1 + (district.Length % 3));
        }
        return builder.Build(seats: 7);
    }
}

/// <summary>Generators of random elections for property tests.</summary>
public static class ElectionGen
{
    /// <summary>1–3 regions of 1–3 groups of 1–4 stations (every third group sits directly under its region), 1–5 parties.</summary>
    public static Gen<ElectionShape> Shape { get; } =
        Gen.Select(
            Gen.Int[1, 4].Array[1, 3].Array[1, 3],
            Gen.Int[1, 5],
            Gen.Bool,
            Gen.Int[0, 2],
            Gen.Int)
        .Select((regions, parties, againstAll, smdEvery, seed) => new ElectionShape(regions, parties, againstAll, smdEvery, seed));
}
