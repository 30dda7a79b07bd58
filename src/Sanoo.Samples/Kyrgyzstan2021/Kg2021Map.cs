using Sanoo.Samples.Synthesis;

namespace Sanoo.Samples.Kyrgyzstan2021;

/// <summary>A synthetic polling station of the sample: where it is and its voter lists.</summary>
/// <param name="Id">Its id, s0001 … s2494.</param>
/// <param name="Region">Index of its region in the facts.</param>
/// <param name="District">Its single-member district number; null abroad.</param>
/// <param name="Registered">Voters on the main list.</param>
/// <param name="Additional">Voters on additional lists.</param>
public sealed record Kg2021Station(string Id, int Region, int? District, int Registered, int Additional);

/// <summary>
/// Lays out the sample's map: regions' voters from their 2020 shares (abroad as reported),
/// stations per region (Osh city and abroad as reported, Bishkek as in 2020, the rest by
/// voters), districts as in the facts, and station sizes varying around the district mean.
/// The registered voters sum to the official 3,703,420 and the stations to 2,494.
/// </summary>
public static class Kg2021Map
{
    /// <summary>The stations, region by region, district by district.</summary>
    public static IReadOnlyList<Kg2021Station> Stations(Kg2021Facts facts, SampleRandom random)
    {
        var regions = facts.Regions;
        var abroad = regions.Single(r => r.Kind == "abroad");
        var domestic = regions.Where(r => r.Kind != "abroad").ToList();
        var registered = Apportion.Split(facts.Totals.Registered - abroad.Registered!.Value, [.. domestic.Select(r => r.RegisteredShare2020!.Value)]);
        var fixedStations = domestic.Sum(r => r.Stations ?? r.Stations2020 ?? 0);
        var free = Apportion.Split(
            facts.Totals.Stations - facts.Totals.StationsAbroad - fixedStations,
            [.. domestic.Select(r => r.Stations is null && r.Stations2020 is null ? r.RegisteredShare2020!.Value : 0)]);
        var stations = new List<Kg2021Station>(facts.Totals.Stations);
        for (var r = 0; r < domestic.Count; r++)
        {
            var region = domestic[r];
            var regionIndex = regions.IndexOf(region);
            var stationCount = region.Stations ?? region.Stations2020 ?? (int)free[r];
            var districts = facts.Districts.Where(d => d.Region == region.Id).OrderBy(d => d.Number).ToList();
            var districtVoters = Apportion.Split(registered[r], [.. districts.Select(_ => random.Factor(0.08))]);
            var districtStations = Apportion.Split(stationCount - districts.Count, [.. districtVoters.Select(v => (double)v)]);
            for (var d = 0; d < districts.Count; d++)
            {
                AddStations(stations, regionIndex, districts[d].Number, (int)districtStations[d] + 1, districtVoters[d], random);
            }
        }
        AddStations(stations, regions.IndexOf(abroad), null, facts.Totals.StationsAbroad, abroad.Registered.Value, random);
        return stations;
    }

    private static void AddStations(List<Kg2021Station> into, int region, int? district, int count, long voters, SampleRandom random)
    {
        var sizes = Apportion.Split(voters, [.. Enumerable.Range(0, count).Select(_ => random.Factor(0.45))]);
        foreach (var size in sizes)
        {
            var additional = random.Next(10) < 3 ? random.Next((int)(size / 60) + 1) : 0;
            into.Add(new Kg2021Station($"s{into.Count + 1:D4}", region, district, (int)size, additional));
        }
    }
}
