using System.Text.Json;

namespace Sanoo.Cli.Tests;

public sealed class SeatsCommandTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"sanoo-votes-{Guid.NewGuid():N}.csv");

    private string Votes(string csv)
    {
        File.WriteAllText(_file, csv);
        return _file;
    }

    [Fact]
    public void The_Kyrgyz_list_gives_15_12_9_7_6_5_and_explains_each_step()
    {
        var file = Votes(
            "party,votes\nAta-Jurt Kyrgyzstan,223892\nIshenim,176382\nYntymak,142267\nAlliance,107859\n" +
                "Butun Kyrgyzstan,91111\nYiman Nuru,79557\nEl Umutu,58294\n");
        var (code, output) = CliRun.Sanoo(
            "seats", "--votes", file, "--seats", "54", "--method", "hare", "--threshold", "5%", "--base", "1293946", "--cap", "27");
        Assert.Equal(0, code);
        Assert.Contains("Threshold: 5% of 1,293,946 (the base given) = 64,697.30 votes.", output, StringComparison.Ordinal);
        Assert.Contains("Below the threshold, no seats: El Umutu (58,294).", output, StringComparison.Ordinal);
        Assert.Contains(
            "Remainder seats (3) to the largest remainders: Butun Kyrgyzstan, Ata-Jurt Kyrgyzstan, Ishenim.", output, StringComparison.Ordinal);
        Assert.Contains(
            "Seats: Ata-Jurt Kyrgyzstan 15, Ishenim 12, Yntymak 9, Alliance 7, Butun Kyrgyzstan 6, Yiman Nuru 5.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_output_carries_seats_steps_and_ties()
    {
        var file = Votes("party,votes\nA,100000\nB,80000\nC,30000\nD,20000\n");
        var (code, output) = CliRun.Sanoo("seats", "--votes", file, "--seats", "8", "--method", "dhondt", "--json");
        Assert.Equal(0, code);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal([4, 3, 1, 0], json.GetProperty("parties").EnumerateArray().Select(p => p.GetProperty("seats").GetInt32()));
        Assert.Contains(
            json.GetProperty("steps").EnumerateArray(),
            s => s.GetString()!.StartsWith("Seats in order (dhondt): 1: A; 2: B; 3: A", StringComparison.Ordinal));
        Assert.Equal(0, json.GetProperty("ties").GetArrayLength());
    }

    [Fact]
    public void The_steps_are_worded_in_the_language_asked_for_and_carried_as_data()
    {
        var file = Votes("party,votes\nА,100000\nБ,80000\nВ,30000\nГ,20000\n");
        var (code, output) = CliRun.Sanoo("seats", "--votes", file, "--seats", "8", "--method", "hare", "--language", "ru", "--json");
        Assert.Equal(0, code);
        var json = JsonDocument.Parse(output).RootElement;
        var steps = json.GetProperty("steps").EnumerateArray().Select(s => s.GetString()!).ToList();
        Assert.Equal("Избирательная квота (метод Хэйра): голосов — 230\u00a0000, мандатов — 8; "
            + "квота = 28\u00a0750,0000 голоса на один мандат.", steps[0]);
        Assert.Equal("Мандаты по наибольшим остаткам (2): Б, Г.", steps[2]);
        var quota = json.GetProperty("stepData")[0];
        Assert.Equal("quota", quota.GetProperty("kind").GetString());
        Assert.Equal("230000/8", quota.GetProperty("quota").GetProperty("exact").GetString());
    }

    [Fact]
    public void A_tie_is_reported()
    {
        var file = Votes("party,votes\nA,500\nB,500\n");
        var (code, output) = CliRun.Sanoo("seats", "--votes", file, "--seats", "1", "--method", "hare");
        Assert.Equal(0, code);
        Assert.Contains("Tie: Remainder tie between A, B for 1 seat(s); lottery order:", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("party,votes\nA,12x\n", "--method", "hare", "seats.csv:2: expected 'party,votes'")]
    [InlineData("party,votes\nA,12\n", "--method", "hair", "Unknown method 'hair'. Methods: hare, droop")]
    [InlineData("party,votes\nA,12\nA,3\n", "--method", "hare", "'A' appears twice")]
    public void Bad_input_is_refused_with_the_reason(string csv, string option, string value, string message)
    {
        var file = Votes(csv);
        var named = Path.Combine(Path.GetDirectoryName(file)!, "seats.csv");
        File.Copy(file, named, overwrite: true);
        var (code, output) = CliRun.Sanoo("seats", "--votes", named, "--seats", "3", option, value);
        Assert.Equal(1, code);
        Assert.Contains(message, output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_language_is_refused_naming_the_languages_it_has()
    {
        var file = Votes("party,votes\nA,100000\nB,80000\n");
        var (code, output) = CliRun.Sanoo("seats", "--votes", file, "--seats", "8", "--method", "dhondt", "--language", "de");
        Assert.Equal(1, code);
        Assert.Contains("Unknown language 'de'. Languages: en, ru, ky.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Seats:", output, StringComparison.Ordinal);
    }

    public void Dispose() => File.Delete(_file);
}
