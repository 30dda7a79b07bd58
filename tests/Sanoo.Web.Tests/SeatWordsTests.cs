using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Sanoo.Core.Definitions;
using Sanoo.Core.Seats;
using Sanoo.Web.SeatWording;

namespace Sanoo.Web.Tests;

/// <summary>Seat steps are worded in every site language, English as it always read, Russian and Kyrgyz never falling back to it.</summary>
public sealed partial class SeatWordsTests
{
    private static readonly StepParty AtaJurt = new(new ChoiceId("p21"), "Ата-Журт Кыргызстан");
    private static readonly StepParty Ishenim = new(new ChoiceId("p09"), "Ишеним");
    private static readonly Choice Candidate =
        new(new ChoiceId("c1"), ChoiceKind.Candidate, LocalizedText.Of("ru", "Кандидат", "ky", "Талапкер"), null, null);
    private static readonly Choice AgainstAll =
        new(new ChoiceId("x"), ChoiceKind.AgainstAll, LocalizedText.Of("ru", "Против всех", "ky", "Баарына каршы"), null, null);

    /// <summary>One of every kind of step (a test below holds that none is missing), named in Cyrillic: any Latin letter is a fallback.</summary>
    public static ImmutableArray<SeatStep> EveryStep { get; } =
    [
        new SeatStep.Threshold(5m, 1_293_946, ThresholdBasis.Participation, 64_697.3m),
        new SeatStep.CoalitionThreshold(2, 7m, 90_576.22m),
        new SeatStep.AlternativeEntry(Ishenim, 1, 1),
        new SeatStep.AllPassed(),
        new SeatStep.BelowThreshold([new ThresholdExclusion.BelowNational(Ishenim, 58_294, 1, 5m),
            new ThresholdExclusion.BelowNational(AtaJurt, 400, 3, 7m), new ThresholdExclusion.BelowRegional(AtaJurt, 0.5m, "Баткен облусу")]),
        new SeatStep.Quota("hare", 821_068, 54, new Fraction(821_068, 54)),
        new SeatStep.WholeQuotas([new QuotaShare(AtaJurt, 14, new Fraction(595_216, 54))]),
        new SeatStep.QuotaTakeBack(1),
        new SeatStep.RemainderSeats(3, false, [AtaJurt, Ishenim, AtaJurt]),
        new SeatStep.RemainderSeats(3, true, [AtaJurt, Ishenim, AtaJurt]),
        new SeatStep.SeatsInOrder("dhondt", [new AwardedSeat(1, AtaJurt, new Fraction(223_892, 1)), new AwardedSeat(2, Ishenim, new(176_382, 1))]),
        new SeatStep.CapApplied(AtaJurt, 30, 27, 27),
        new SeatStep.SeatsWon([new PartyCount(AtaJurt, 15), new PartyCount(Ishenim, 12)]),
        new SeatStep.SeatsToRegions([new AreaCount("Бишкек шаары", 8)]),
        new SeatStep.WholeQuotasInRegions("imperiali-quota", 180, 20),
        new SeatStep.SecondTier([new PartyCount(AtaJurt, 2)]),
        new SeatStep.SeatsToStates([new AreaCount("Бавария", 93)]),
        new SeatStep.LevellingMinimums([new PartyCount(AtaJurt, 231)]),
        new SeatStep.HouseGrows(598, 709),
        new SeatStep.DistrictSeatsSetAside(1, 119),
        new SeatStep.Overhang(AtaJurt, 3, 1, 2),
        new SeatStep.House(120, 2),
        new SeatStep.RepeatElection(12_345, 678),
        new SeatStep.MajorityReached(Ishenim, 60_001, 100_000, ThresholdBasis.ValidBallots),
        new SeatStep.RunoffBetween([AtaJurt, Ishenim], [45_000, 30_000], 100_000, ThresholdBasis.Participation),
        new SeatStep.RunoffPlaceTie(30_000, 1, [AtaJurt, Ishenim], [Ishenim, AtaJurt], "кг-2021/президент"),
        new SeatStep.TurnoutBelowMinimum(50m, 40_000, 100_000, 50_000m),
        new SeatStep.Agreements([new AgreementBloc([AtaJurt, Ishenim], 400_274)], [Ishenim]),
        new SeatStep.BlocSplit(
            new StepParty(new ChoiceId("p21"), "Ата-Журт + Ишеним"), 27, [new PartyCount(AtaJurt, 15), new PartyCount(Ishenim, 12)]),
    ];

    private static readonly ImmutableArray<SeatTie> EveryTie =
    [
        new SeatTie.ForSeat(8, [AtaJurt, Ishenim], [Ishenim, AtaJurt], "kg-2021/list"),
        new SeatTie.ForRemainders(1, [AtaJurt, Ishenim], [Ishenim, AtaJurt], "kg-2021/list"),
    ];

    private static readonly ImmutableArray<SingleMemberResult.NoWinner> EveryNoWinner =
    [
        new SingleMemberResult.NoWinner.NothingCounted(),
        new SingleMemberResult.NoWinner.Tie([Candidate, Candidate], 1_200),
        new SingleMemberResult.NoWinner.AgainstAllLeads(AgainstAll, 12_345, 678),
        new SingleMemberResult.NoWinner.RunoffRequired([Candidate, Candidate], [45_000, 30_000]),
        new SingleMemberResult.NoWinner.TurnoutTooLow(50m, 40_000, 100_000),
    ];

    [GeneratedRegex("[A-Za-z]")]
    private static partial Regex Latin();

    [Fact]
    public void The_samples_hold_one_of_every_kind_of_step_tie_and_no_winner()
    {
        static IEnumerable<string> Kinds(Type union) =>
            union.Assembly.GetTypes().Where(t => t.IsSubclassOf(union) && !t.IsAbstract).Select(t => t.FullName!).Order(StringComparer.Ordinal);
        static IEnumerable<string> Present(IEnumerable<object> samples) =>
            samples.Select(s => s.GetType().FullName!).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(Kinds(typeof(SeatStep)), Present(EveryStep));
        Assert.Equal(Kinds(typeof(SeatTie)), Present(EveryTie));
        Assert.Equal(Kinds(typeof(ThresholdExclusion)), Present(EveryStep.OfType<SeatStep.BelowThreshold>().SelectMany(b => b.Excluded)));
        Assert.Equal(Kinds(typeof(SingleMemberResult.NoWinner)), Present(EveryNoWinner));
        var bases = typeof(SeatPhrases).GetProperties().Count(p => Enum.GetNames<ThresholdBasis>().Contains(p.Name));
        Assert.Equal(Enum.GetValues<ThresholdBasis>().Length, bases);
    }

    [Theory]
    [InlineData("ru")]
    [InlineData("ky")]
    public void Every_step_tie_and_no_winner_is_worded_in_russian_and_kyrgyz_without_a_word_of_english(string language)
    {
        var phrases = SeatPhrases.For(language);
        Assert.Equal(language, phrases.Code);
        var english = SeatPhrases.For("en");
        foreach (var basis in Enum.GetValues<ThresholdBasis>())
        {
            var step = new SeatStep.Threshold(5m, 100, basis, 5m);
            AssertWorded(SeatWords.Step(step, phrases), SeatWords.Step(step, english));
        }
        foreach (var step in EveryStep)
        {
            AssertWorded(SeatWords.Step(step, phrases), SeatWords.Step(step, english));
        }
        foreach (var tie in EveryTie)
        {
            AssertWorded(SeatWords.Tie(tie, phrases), SeatWords.Tie(tie, english));
        }
        foreach (var none in EveryNoWinner)
        {
            AssertWorded(SeatWords.NoWinner(none, language), SeatWords.NoWinner(none, "en"));
        }
        foreach (var method in SeatMethod.All)
        {
            Assert.DoesNotMatch(Latin(), phrases.Methods[method.Name]);
        }
    }

    private static void AssertWorded(string worded, string english)
    {
        Assert.NotEqual(english, worded);
        Assert.DoesNotMatch(Latin(), worded);
        Assert.DoesNotContain("{", worded, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_language_has_every_phrase_and_names_every_method()
    {
        foreach (var phrases in SeatPhrases.All)
        {
            foreach (var property in typeof(SeatPhrases).GetProperties().Where(p => p.PropertyType == typeof(string)))
            {
                Assert.False(string.IsNullOrWhiteSpace((string?)property.GetValue(phrases)), $"{phrases.Code}.{property.Name}");
            }
            Assert.Equal(SeatMethod.All.Select(m => m.Name).Order(StringComparer.Ordinal), phrases.Methods.Keys.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void English_reads_as_it_always_has()
    {
        var en = SeatPhrases.For("en");
        Assert.Equal("Threshold: 5% of 1,293,946 (all voters who took part) = 64,697.30 votes.", SeatWords.Step(EveryStep[0], en));
        Assert.Equal("Below the threshold, no seats: Ишеним (58,294), Ата-Журт Кыргызстан (400, a coalition of 3 needing 7%), "
            + "Ата-Журт Кыргызстан (under 0.5% in Баткен облусу).", SeatWords.Step(EveryStep[4], en));
        Assert.Equal("Quota (hare): 821,068 votes for 54 seats = 15,204.9630 votes a seat.", SeatWords.Step(EveryStep[5], en));
        Assert.Equal("Whole quotas: Ата-Журт Кыргызстан 14 (remainder 11,022.5185).", SeatWords.Step(EveryStep[6], en));
        Assert.Equal("Remainder seats (3) to the largest remainders, going round again as there are more seats than lists: "
            + "Ата-Журт Кыргызстан, Ишеним, Ата-Журт Кыргызстан.", SeatWords.Step(EveryStep[9], en));
        Assert.Equal("Seats in order (dhondt): 1: Ата-Журт Кыргызстан; 2: Ишеним.", SeatWords.Step(EveryStep[10], en));
        Assert.Equal("Ата-Журт Кыргызстан would win 30 seats, over the cap of 27: it keeps 27 and the other parties share "
            + "the remaining 27 seats again.",
            SeatWords.Step(EveryStep[11], en));
        Assert.Equal("House: 120 + 2 overhang = 122 seats.", SeatWords.Step(EveryStep[21], en));
        Assert.Equal("Remainder tie between Ата-Журт Кыргызстан, Ишеним for 1 seat(s); lottery order: Ишеним, Ата-Журт Кыргызстан.",
            SeatWords.Tie(EveryTie[1], en));
        Assert.Equal("\"against all\" leads with 12,345 votes, 678 ahead: no one is elected and a repeat election is held",
            SeatWords.NoWinner(EveryNoWinner[2], "en"));
    }

    [Fact]
    public void Russian_and_kyrgyz_write_numbers_with_a_space_and_a_decimal_comma()
    {
        Assert.Equal("Порог: 5\u00a0% от 1\u00a0293\u00a0946 (число избирателей, принявших участие в голосовании) = 64\u00a0697,30 голоса.",
            SeatWords.Step(EveryStep[0], SeatPhrases.For("ru")));
        Assert.Equal("Шайлоо босогосу: 5%; негизи: 1\u00a0293\u00a0946 (добуш берүүгө катышкан шайлоочулардын саны); босого = 64\u00a0697,30 добуш.",
            SeatWords.Step(EveryStep[0], SeatPhrases.For("ky")));
    }
}
