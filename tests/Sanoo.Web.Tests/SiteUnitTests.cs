using System.Globalization;
using CsCheck;
using Sanoo.Web.OpenData;
using Sanoo.Web.Site;

namespace Sanoo.Web.Tests;

public sealed class SiteUnitTests
{
    [Theory]
    [InlineData("ru-RU,ru;q=0.9,en;q=0.8", "ru")]
    [InlineData("en-GB,en;q=0.9", "en")]
    [InlineData("de-DE,ky;q=0.5,ru;q=0.4", "ky")]
    [InlineData("fr, ru;q=0", "ky")]
    [InlineData("", "ky")]
    [InlineData(null, "ky")]
    [InlineData("en;q=0.2, ru;q=0.8", "ru")]
    public void The_home_page_picks_the_browsers_language_among_the_sites(string? header, string expected) =>
        Assert.Equal(expected, SiteLanguage.Pick(header, ["ky", "ru", "en"]));

    [Fact]
    public void Numbers_are_written_as_each_language_writes_them()
    {
        Assert.Equal("1,293,946", SiteLanguage.Of("en").Number(1_293_946));
        Assert.Equal("1\u00a0293\u00a0946", SiteLanguage.Of("ru").Number(1_293_946));
        Assert.Equal(CultureInfo.GetCultureInfo("ky").NumberFormat.NumberGroupSeparator, SiteLanguage.Of("ky").Number(1_293_946)[1..2]);
        Assert.Contains("90,1", SiteLanguage.Of("ru").Percent(90.1m, 1), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_language_has_all_its_words()
    {
        foreach (var words in new[] { Words.For("en"), Words.For("ru"), Words.For("ky") })
        {
            foreach (var property in typeof(Words).GetProperties().Where(p => p.PropertyType == typeof(string)))
            {
                Assert.False(string.IsNullOrWhiteSpace((string?)property.GetValue(words)), $"{words.LanguageName}.{property.Name}");
            }
            Assert.Equal(3, words.ReportingFormat.Split('{').Length - 1);
        }
        Assert.NotEqual(Words.For("en").Turnout, Words.For("ky").Turnout);
    }

    [Fact]
    public void Shares_are_rounded_down_so_they_never_add_up_to_more_than_the_whole() =>
        Gen.Int[1, 30].SelectMany(n => Gen.Long[0, 1_000_000].Array[n]).Sample(votes =>
        {
            var total = votes.Sum();
            var shares = votes.Sum(v => ContestResults.ShareOf(v, total));
            Assert.True(shares <= 100m, $"{shares}");
            Assert.True(total == 0 || shares > 100m - (0.01m * votes.Length));
        });

    [Theory]
    [InlineData(1)]
    [InlineData(54)]
    [InlineData(90)]
    [InlineData(120)]
    [InlineData(709)]
    public void The_hemicycle_has_a_seat_for_every_seat_and_no_two_overlap(int seats)
    {
        var positions = HemicycleLayout.Of(seats);
        Assert.Equal(seats, positions.Count);
        foreach (var p in positions)
        {
            Assert.InRange(Math.Abs(p.X) + p.R, 0, 1.000001);
            Assert.InRange(p.Y - p.R, -1.000001, 0);
            Assert.InRange(p.Y + p.R, -1, 0.08);
        }
        for (var i = 0; i < positions.Count; i++)
        {
            for (var j = i + 1; j < positions.Count; j++)
            {
                var distance = Math.Sqrt(Math.Pow(positions[i].X - positions[j].X, 2) + Math.Pow(positions[i].Y - positions[j].Y, 2));
                Assert.True(distance >= positions[i].R + positions[j].R, $"seats {i} and {j} overlap");
            }
        }
        var angles = positions.Select(p => Math.Round(Math.Atan2(-p.Y, p.X), 9)).ToList();
        Assert.True(angles.Zip(angles.Skip(1)).All(pair => pair.First >= pair.Second), "seats go left to right");
    }

    [Fact]
    public void Csv_fields_are_quoted_only_when_they_must_be()
    {
        var text = new StringWriter();
        new Csv(text).Row("plain", "with, comma", "with \"quote\"", "two\nlines", 1234567L, 3.5m, null, true);
        Assert.Equal("plain,\"with, comma\",\"with \"\"quote\"\"\",\"two\nlines\",1234567,3.5,,true\r\n", text.ToString());
    }

    [Fact]
    public void Csv_numbers_are_written_from_their_digits_invariantly_whatever_the_culture()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("ru-RU");
            var text = new StringWriter(CultureInfo.InvariantCulture);
            new Csv(text).Row(-42, -7L, 12.50m, 1234567890123L, int.MinValue, decimal.MaxValue, "-1");
            Assert.Equal("-42,-7,12.50,1234567890123,-2147483648,79228162514264337593543950335,'-1\r\n", text.ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}
