using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Sanoo.Core.Register;

/// <summary>
/// The start of the risk-limiting audit (docs/audits.md): the seed rolled in public, the risk limit, the count audited and the
/// contests. The reported count is the one the protocol log held at <see cref="RegisterRecord.LogSize"/>; a store holds one audit.
/// </summary>
/// <param name="Seed">The public seed: decimal digits, as rolled.</param>
/// <param name="RiskLimit">The risk limit as a decimal fraction, e.g. <c>0.05</c>.</param>
/// <param name="Source">The count source audited (the reported count, e.g. <c>machine</c>).</param>
/// <param name="Contests">The contests audited.</param>
/// <param name="Sequence">Its place in the register.</param>
/// <param name="LogSize">How many protocol log entries there were when it was recorded.</param>
/// <param name="At">When it was recorded.</param>
/// <param name="By">Who recorded it.</param>
public sealed record AuditPlanRecord(
    long Sequence, long LogSize, DateTimeOffset At, string By, string Seed, string RiskLimit, string Source, ImmutableArray<string> Contests)
    : RegisterRecord(Sequence, LogSize, At, By)
{
    /// <summary>The kind's word.</summary>
    public const string Word = "audit-plan";

    /// <inheritdoc />
    public override string Kind => Word;

    private protected override void WriteFields(JsonObject json)
    {
        json["seed"] = Seed;
        json["riskLimit"] = RiskLimit;
        json["source"] = Source;
        json["contests"] = new JsonArray([.. Contests.Select(c => (JsonNode)JsonValue.Create(c))]);
    }
}

/// <summary>A round of the audit drawn: the station each of its draws picked, in draw order (a station may come more than once).</summary>
/// <param name="Round">The round, from 1.</param>
/// <param name="Draws">The stations drawn.</param>
/// <param name="Sequence">Its place in the register.</param>
/// <param name="LogSize">How many protocol log entries there were when it was recorded.</param>
/// <param name="At">When it was recorded.</param>
/// <param name="By">Who recorded it.</param>
public sealed record AuditRoundRecord(long Sequence, long LogSize, DateTimeOffset At, string By, long Round, ImmutableArray<string> Draws)
    : RegisterRecord(Sequence, LogSize, At, By)
{
    /// <summary>The kind's word.</summary>
    public const string Word = "audit-round";

    /// <inheritdoc />
    public override string Kind => Word;

    private protected override void WriteFields(JsonObject json)
    {
        json["round"] = Round;
        json["draws"] = new JsonArray([.. Draws.Select(d => (JsonNode)JsonValue.Create(d))]);
    }
}

/// <summary>
/// One operator's entry of a drawn station's hand recount of one contest. Entered twice: the recount counts once two operators'
/// latest entries agree.
/// </summary>
/// <param name="StationId">The station.</param>
/// <param name="Contest">The contest.</param>
/// <param name="Ballots">The ballots found (valid and invalid).</param>
/// <param name="Votes">Votes per choice, in ballot order.</param>
/// <param name="Sequence">Its place in the register.</param>
/// <param name="LogSize">How many protocol log entries there were when it was recorded.</param>
/// <param name="At">When it was recorded.</param>
/// <param name="By">Who recorded it.</param>
public sealed record AuditRecountRecord(
    long Sequence, long LogSize, DateTimeOffset At, string By, string StationId, string Contest, long Ballots, ImmutableArray<long> Votes)
    : RegisterRecord(Sequence, LogSize, At, By)
{
    /// <summary>The kind's word.</summary>
    public const string Word = "audit-recount";

    /// <inheritdoc />
    public override string Kind => Word;

    /// <inheritdoc />
    public override string? Station => StationId;

    /// <inheritdoc />
    public override string? ActingOperator => By;

    private protected override void WriteFields(JsonObject json)
    {
        json["station"] = StationId;
        json["contest"] = Contest;
        json["ballots"] = Ballots;
        json["votes"] = new JsonArray([.. Votes.Select(v => (JsonNode)JsonValue.Create(v))]);
    }
}

/// <summary>What a round measured once its stations were recounted: the risk over every draw so far and the decision.</summary>
/// <param name="Round">The round.</param>
/// <param name="Risk">The measured risk, written with six decimals (e.g. <c>0.031250</c>).</param>
/// <param name="Decision"><c>confirmed</c>, <c>next-round</c> or <c>full-count</c>.</param>
/// <param name="Sequence">Its place in the register.</param>
/// <param name="LogSize">How many protocol log entries there were when it was recorded.</param>
/// <param name="At">When it was recorded.</param>
/// <param name="By">Who recorded it.</param>
public sealed record AuditResultRecord(long Sequence, long LogSize, DateTimeOffset At, string By, long Round, string Risk, string Decision)
    : RegisterRecord(Sequence, LogSize, At, By)
{
    /// <summary>The kind's word.</summary>
    public const string Word = "audit-result";

    /// <inheritdoc />
    public override string Kind => Word;

    private protected override void WriteFields(JsonObject json)
    {
        json["round"] = Round;
        json["risk"] = Risk;
        json["decision"] = Decision;
    }
}
