using System.Text.Json;
using Sanoo.Testing;

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
    [InlineData("party,votes\nA,12x\n", "--method", "hare", "seats.csv:2: expected a whole, non-negative number of votes for 'A'")]
    [InlineData("party,votes\nA,12\n", "--method", "hair", "Unknown method 'hair'. Methods: hare, droop")]
    [InlineData("party,votes\nA,12\nA,3\n", "--method", "hare", "seats.csv:3: 'A' appears twice (first on line 2)")]
    [InlineData("party,votes\nA,12\n", "--method", "dhont", "Unknown method 'dhont'.")]
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
        Assert.Contains("Unknown language 'de'. Languages: en, ky, ru.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Seats:", output, StringComparison.Ordinal);
    }

    private static JsonElement Json(string file, params string[] args)
    {
        var (code, output) = CliRun.Sanoo(["seats", "--votes", file, .. args, "--json"]);
        Assert.True(code == 0, output);
        return JsonDocument.Parse(output).RootElement;
    }

    private static Dictionary<string, int> SeatsOf(JsonElement json) =>
        json.GetProperty("parties").EnumerateArray().ToDictionary(p => p.GetProperty("party").GetString()!, p => p.GetProperty("seats").GetInt32());

    private (int Code, string Output) Refused(string csv, params string[] args)
    {
        var (code, output) = CliRun.Sanoo(["seats", "--votes", Votes(csv), "--seats", "3", "--method", "hare", .. args]);
        Assert.Equal(1, code);
        Assert.DoesNotContain("Seats:", output, StringComparison.Ordinal);
        return (code, string.Join(' ', output.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))); // the console wraps long lines
    }

    [Fact]
    public void A_quoted_name_with_doubled_quotes_and_a_separator_is_read_as_RFC_4180_says()
    {
        var json = Json(Votes("party,votes\n\"Party \"\"X\"\"\",100\n\"Greens, Left\",50\n"), "--seats", "3", "--method", "dhondt");
        Assert.Equal(new Dictionary<string, int> { ["Party \"X\""] = 2, ["Greens, Left"] = 1 }, SeatsOf(json));
    }

    [Fact]
    public void A_file_without_a_header_is_refused_naming_the_columns_expected_and_found()
    {
        var (_, output) = Refused("A,100\nB,50\n");
        Assert.Contains(
            ":1: expected the header \"party,votes\" (columns: party, votes), found 'A', '100'; the first row looks like data",
            output,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_third_column_is_refused_in_the_header_and_in_a_row()
    {
        var (_, header) = Refused("party,votes,seats\nA,100,1\n");
        Assert.Contains("found 'party', 'votes', 'seats'; unknown column(s) 'seats': a votes file has only the columns party and votes", header,
            StringComparison.Ordinal);
        var (_, row) = Refused("party,votes\nA,100\nB,50,1\n");
        Assert.Contains(":3: 3 field(s), expected 2 (party, votes), found 'B', '50', '1'; a name holding ',' must be in double quotes", row,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("party;votes\nA;1 234 567\nB;1 000 000\nC;300 000\n")]
    [InlineData("party\tvotes\nA\t1,234,567\nB\t1,000,000\nC\t300,000\n")]
    [InlineData("party,votes\nA,\"1,234,567\"\nB,\"1,000,000\"\nC,\"300,000\"\n")]
    [InlineData("party;votes\nA;1.234.567\nB;1.000.000\nC;300.000\n")]
    [InlineData("votes;party\n1\u00a0234\u00a0567;A\n1\u00a0000\u00a0000;B\n300\u00a0000;C\n")]
    [InlineData("PARTY , Votes \n A , 1234567 \n\nB,1000000\nC,300000\n")]
    public void Separators_and_thousands_groups_as_a_locale_writes_them_give_the_same_seats(string csv)
    {
        var json = Json(Votes(csv), "--seats", "10", "--method", "hare");
        Assert.Equal(new Dictionary<string, int> { ["A"] = 5, ["B"] = 4, ["C"] = 1 }, SeatsOf(json));
        Assert.Equal(1_234_567, json.GetProperty("parties")[0].GetProperty("votes").GetInt64());
    }

    [Theory]
    [InlineData("party;votes\nA;1.234\nB;1,234\n", ":3: '1,234' groups thousands with ',' but line 2 with '.'")]
    [InlineData("party;votes\nA;1.5\n", ":2: expected a whole, non-negative number of votes for 'A' (e.g. 1234567, 1 234 567 or 1,234,567)")]
    [InlineData("party;votes\nA;12,34\n", "found '12,34'")]
    [InlineData("party;votes\nA;-5\n", "found '-5'")]
    [InlineData("party|votes\nA|5\n", ":1: cannot tell how fields are separated in the header \"party|votes\"")]
    [InlineData("party,votes\n", "has no party rows after its header")]
    public void Votes_that_could_mean_two_things_are_refused(string csv, string message)
    {
        var (_, output) = Refused(csv);
        Assert.Contains(message, output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_separator_can_be_given()
    {
        var json = Json(Votes("party;votes\n\"A, B\";300\nC;100\n"), "--separator", ";", "--seats", "4", "--method", "hare");
        Assert.Equal(new Dictionary<string, int> { ["A, B"] = 3, ["C"] = 1 }, SeatsOf(json));
        var (_, output) = Refused("party,votes\nA,1\n", "--separator", "tab");
        Assert.Contains("expected the header \"party<tab>votes\"", output, StringComparison.Ordinal);
        var (_, unknown) = Refused("party,votes\nA,1\n", "--separator", "|");
        Assert.Contains("--separator must be ',', ';' or tab, not '|'.", unknown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DHondt")]
    [InlineData("D'Hondt")]
    [InlineData("dhondt")]
    public void Method_names_are_read_in_any_case(string method)
    {
        Assert.Equal("dhondt", Json(Votes("party,votes\nA,100\nB,50\n"), "--seats", "3", "--method", method).GetProperty("method").GetString());
        var accented = Json(Votes("party,votes\nA,100\n"), "--seats", "3", "--method", "Sainte-Laguë");
        Assert.Equal("sainte-lague", accented.GetProperty("method").GetString());
    }

    [Fact]
    public void A_choice_against_all_is_never_seated_but_counts_in_the_threshold_base()
    {
        var file = Votes("party,votes\nA,600\nB,150\nAgainst all,250\n");
        var json = Json(file, "--seats", "4", "--method", "hare", "--threshold", "16%", "--against-all", "AGAINST ALL");
        Assert.Equal(new Dictionary<string, int> { ["A"] = 4, ["B"] = 0, ["Against all"] = 0 }, SeatsOf(json));
        var against = json.GetProperty("parties")[2];
        Assert.True(against.GetProperty("againstAll").GetBoolean());
        Assert.Equal("Threshold: 16% of 1,000 (all votes in the file) = 160.00 votes.", json.GetProperty("steps")[0].GetString());
        var (code, text) = CliRun.Sanoo("seats", "--votes", file, "--seats", "4", "--method", "hare", "--against-all", "Against all");
        Assert.Equal(0, code);
        Assert.Contains("Against all     250   25.00%   against all", text, StringComparison.Ordinal);
        Assert.Contains("Seats: A 3, B 1.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_choice_against_all_not_named_as_one_or_a_name_not_in_the_file_is_refused()
    {
        var (_, unnamed) = Refused("party,votes\nA,600\nПротив всех,250\n");
        Assert.Contains(
            ":3: 'Против всех' reads as an \"against all\" choice, which never takes a seat: say so with --against-all \"Против всех\".", unnamed,
            StringComparison.Ordinal);
        var (_, absent) = Refused("party,votes\nA,600\nB,250\n", "--against-all", "None");
        Assert.Contains("--against-all 'None' names no row of", absent, StringComparison.Ordinal);
    }

    [RealDataFact("expected_seats.json")]
    public void The_Czech_2019_European_election_gives_its_official_seats_from_a_file_written_the_Czech_way()
    {
        var e = RealData.ExpectedSeats("cz_ep_2019");
        var votes = RealData.Numbers(e.GetProperty("votes"));
        static string Czech(long n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture).Replace(',', '\u00a0');
        static string Quoted(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
        var csv = "Party;Votes\n" + string.Concat(votes.Select(v => $"{Quoted(v.Key)};{Czech(v.Value)}\n"));
        var json = Json(Votes(csv), "--seats", "21", "--method", "DHondt", "--threshold", "5%");
        Assert.Equal(
            RealData.Numbers(e.GetProperty("expected_seats")).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {p.Value}"),
            SeatsOf(json).Where(p => p.Value > 0).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {p.Value}"));
    }

    [RealDataFact("expected_seats.json", "votelib_real/nmnmet_cc_2018.csv")]
    public void The_Czech_municipal_list_votes_give_the_official_seats_per_party()
    {
        var e = RealData.ExpectedSeats("cz_nove_mesto_nad_metuji_council_2018");
        var totals = RealData.Lines("votelib_real", "nmnmet_cc_2018.csv").Select(l => l.Split(';'))
            .GroupBy(r => r[0]).Select(g => (Party: g.Key, Votes: g.Sum(r => long.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture))));
        var file = Votes("party;votes\n" + string.Concat(totals.Select(t => $"{t.Party};{t.Votes}\n")));
        var won = SeatsOf(Json(file, "--seats", "21", "--method", "dhondt", "--threshold", "5%")).Where(p => p.Value > 0).ToDictionary();
        var expected = e.GetProperty("expected_elected").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetArrayLength());
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), won.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    public void Dispose() => File.Delete(_file);
}
