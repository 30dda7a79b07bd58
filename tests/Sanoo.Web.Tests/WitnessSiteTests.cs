namespace Sanoo.Web.Tests;

/// <summary>The results pages' footer says which independent witnesses verified the current tree head, or that none has.</summary>
public sealed class WitnessSiteTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private async Task<string> FooterAsync(string language, string expected)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var page = await server.Client.GetStringAsync($"/{language}/");
            if (page.Contains(expected, StringComparison.Ordinal) || clock.Elapsed > TimeSpan.FromSeconds(5))
            {
                return page;
            }
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task The_footer_names_the_witnesses_who_verified_the_current_head_in_every_language()
    {
        var none = await FooterAsync("en", Site.Words.For("en").NoWitness);
        Assert.Contains(Site.Words.For("en").NoWitness, none, StringComparison.Ordinal);

        using var key = await WitnessApiTests.EnrolAsync(server, "Election Watch");
        var head = await WitnessApiTests.HeadAsync(server);
        var answer = await server.SubmitAsync(WitnessApiTests.Cosign(head, "Election Watch", key), path: "/api/v1/cosignatures");
        Assert.True(answer.IsSuccessStatusCode, await answer.Content.ReadAsStringAsync());

        var en = await FooterAsync("en", "Election Watch");
        Assert.Contains("Verified by independent witnesses: Election Watch (0 min ago)", en, StringComparison.Ordinal);
        Assert.DoesNotContain(Site.Words.For("en").NoWitness, en, StringComparison.Ordinal);
        var ru = await FooterAsync("ru", "Election Watch");
        Assert.Contains("Проверено независимыми наблюдателями: Election Watch (0 мин назад)", ru, StringComparison.Ordinal);
        var ky = await FooterAsync("ky", "Election Watch");
        Assert.Contains("Көз карандысыз байкоочулар текшерген: Election Watch (0 мүнөт мурун)", ky, StringComparison.Ordinal);
    }
}
