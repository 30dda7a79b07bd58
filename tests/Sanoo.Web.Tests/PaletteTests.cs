using System.Net.Http.Json;
using Sanoo.Web.Site;

namespace Sanoo.Web.Tests;

/// <summary>Party colours that a reader can tell apart, each standing out from the page (WCAG 1.4.11).</summary>
public sealed class PaletteTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    /// <summary>The page's background and the light track of the bars (site.css <c>--bg</c>, <c>--soft</c>).</summary>
    private static readonly string[] Backgrounds = ["#ffffff", "#f3f5f8"];

    [Theory]
    [InlineData(50, 2.6772, -79.7751, 50, 0, -82.7485, 2.0425)]
    [InlineData(50, -1.3802, -84.2814, 50, 0, -82.7485, 1.0000)]
    [InlineData(50, 2.5, 0, 50, 0, -2.5, 4.3065)]
    [InlineData(60.2574, -34.0099, 36.2677, 60.4626, -34.1751, 39.4387, 1.2644)]
    [InlineData(22.7233, 20.0904, -46.6940, 23.0331, 14.9730, -42.5619, 2.0373)]
    public void The_colour_difference_is_CIEDE2000_as_its_authors_tabulate_it(
        double l1, double a1, double b1, double l2, double a2, double b2, double expected) =>
        Assert.Equal(expected, ColourScience.Difference((l1, a1, b1), (l2, a2, b2)), 4);

    [Fact]
    public void Every_two_colours_of_the_palette_differ_plainly_and_each_stands_out_from_the_page()
    {
        string[] colours = [.. Palette.Colors, Palette.AgainstAll, Palette.Independent];
        Assert.Equal(colours.Length, colours.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        var (difference, first, second) = ColourScience.Closest(colours);
        Assert.True(difference >= Palette.MinimumDifference, $"{first} and {second} are only {difference:0.0} apart (CIEDE2000)");
        foreach (var colour in colours)
        {
            foreach (var background in Backgrounds)
            {
                var contrast = ColourScience.Contrast(colour, background);
                Assert.True(contrast >= 3, $"{colour} is {contrast:0.00}:1 against {background}");
            }
        }
    }

    [Fact]
    public async Task The_21_lists_of_2021_are_drawn_in_colours_told_apart_and_each_is_named_beside_its_colour()
    {
        var page = await server.Client.GetFromJsonAsync("/en/data.json", Contracts.WireJson.Default.AreaPageData);
        var rows = page!.Results!.Rows;
        Assert.Equal(21, ServerFixture.Sample.Election.Definition.Choices.Count(c => c.Kind == Core.Definitions.ChoiceKind.Party));
        Assert.Equal(22, rows.Count);
        Assert.All(rows, r => Assert.False(string.IsNullOrWhiteSpace(r.Name)));
        var (difference, first, second) = ColourScience.Closest([.. rows.Select(r => r.Color)]);
        Assert.True(difference >= Palette.MinimumDifference, $"{first} and {second} are only {difference:0.0} apart (CIEDE2000)");
    }
}
