using Sanoo.Core.Definitions;

namespace Sanoo.Testing;

/// <summary>
/// Builds small election definitions in code: a nation, regions, districts, stations, one
/// party-list contest over the nation and optionally a single-member contest per district.
/// </summary>
public sealed class ElectionBuilder
{
    private readonly List<Area> _areas = [new Area(new AreaId("nation"), 0, null, LocalizedText.Of("en", "Nation"), null)];
    private readonly List<Choice> _choices = [];
    private readonly List<Contest> _contests = [];
    private int _parties;

    public static readonly SourceId Machine = new("machine");
    public static readonly SourceId Hand = new("hand");
    public static readonly ContestId PartyList = new("pr");

    public ElectionBuilder Region(string id)
    {
        _areas.Add(new Area(new AreaId(id), 1, new AreaId("nation"), LocalizedText.Of("en", id), null));
        return this;
    }

    public ElectionBuilder District(string id, string region)
    {
        _areas.Add(new Area(new AreaId(id), 2, new AreaId(region), LocalizedText.Of("en", id), null));
        return this;
    }

    public ElectionBuilder Station(string id, string parent, int registered, int additional = 0)
    {
        _areas.Add(new Area(new AreaId(id), 3, new AreaId(parent), null, new VoterRoll(registered, additional)));
        return this;
    }

    public ElectionBuilder Parties(int count, bool againstAll = true)
    {
        _parties = count;
        for (var i = 1; i <= count; i++)
        {
            _choices.Add(new Choice(new ChoiceId($"p{i}"), ChoiceKind.Party, LocalizedText.Of("en", $"Party {i}"), i, null));
        }
        if (againstAll)
        {
            _choices.Add(new Choice(new ChoiceId("against-all"), ChoiceKind.AgainstAll, LocalizedText.Of("en", "Against all"), null, null));
        }
        return this;
    }

    public ElectionBuilder SingleMember(string district, int candidates)
    {
        var ids = new List<ChoiceId>();
        for (var i = 1; i <= candidates; i++)
        {
            var id = new ChoiceId($"{district}-c{i}");
            _choices.Add(new Choice(id, ChoiceKind.Candidate, LocalizedText.Of("en", $"Candidate {i} of {district}"), i, null));
            ids.Add(id);
        }
        if (_choices.Any(c => c.Kind == ChoiceKind.AgainstAll))
        {
            ids.Add(new ChoiceId("against-all"));
        }
        _contests.Add(new Contest(
            new ContestId($"smd-{district}"),
            ContestKind.SingleMember,
            LocalizedText.Of("en", district),
            new AreaId(district),
            TestForms.Id,
            [.. ids],
            1,
            null,
            true));
        return this;
    }

    public ElectionDefinition Definition(int seats = 10)
    {
        var partyList = new Contest(
            PartyList,
            ContestKind.PartyList,
            LocalizedText.Of("en", "Party list"),
            new AreaId("nation"),
            TestForms.Id,
            [.. _choices.Where(c => c.Kind is ChoiceKind.Party or ChoiceKind.AgainstAll).Select(c => c.Id)],
            seats,
            new SeatRules("hare", new Threshold(5m, ThresholdBase.Participation), null, null),
            false);
        return new ElectionDefinition(
            new ElectionId("test"),
            LocalizedText.Of("en", "Test election"),
            new DateOnly(2021, 11, 28),
            ["en"],
            [
                new CountSource(Machine, LocalizedText.Of("en", "Machine count"), false),
                new CountSource(Hand, LocalizedText.Of("en", "Hand count"), true),
            ],
            [TestForms.Form],
            [.. _choices],
            [partyList, .. _contests],
            [.. _areas]);
    }

    public Election Build(int seats = 10) => Election.Create(Definition(seats)) switch
    {
        DefinitionResult.Loaded loaded => loaded.Election,
        DefinitionResult.Invalid invalid => throw new InvalidOperationException("test election is invalid: " + string.Join("; ", invalid.Problems)),
        _ => throw new InvalidOperationException(),
    };

    public int PartyCount => _parties;

    /// <summary>Two regions, three districts, eight stations, three parties and "against all", single-member contests in two districts.</summary>
    public static Election Small() => new ElectionBuilder()
        .Region("north").Region("south")
        .District("n1", "north").District("n2", "north").District("s1", "south")
        .Station("n1-1", "n1", 1000).Station("n1-2", "n1", 800, 20).Station("n1-3", "n1", 1200)
        .Station("n2-1", "n2", 900).Station("n2-2", "n2", 700)
        .Station("s1-1", "s1", 1500).Station("s1-2", "s1", 600, 10).Station("s1-3", "s1", 1100)
        .Parties(3)
        .SingleMember("n1", 3).SingleMember("s1", 2)
        .Build();
}
