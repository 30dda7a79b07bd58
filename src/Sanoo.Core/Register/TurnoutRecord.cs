using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Sanoo.Core.Register;

/// <summary>
/// A station's turnout report (<see cref="Turnout.TurnoutReport"/>) as the register keeps it: signed by the station's device
/// (<see cref="RegisterRecord.By"/> is <c>device:STATION</c> and <see cref="Signature"/> its Ed25519 signature over the report's
/// canonical bytes), or sent by an operator acting for the station (<see cref="RegisterRecord.By"/> is their name, no signature).
/// One per station and time; never changed.
/// </summary>
/// <param name="Sequence">Its place in the register.</param>
/// <param name="LogSize">Protocol log entries when it was recorded.</param>
/// <param name="At">When it was recorded.</param>
/// <param name="By">The device (<c>device:STATION</c>) or the operator who sent it.</param>
/// <param name="StationId">The polling station.</param>
/// <param name="Time">The report's time of day (<c>HH:mm</c>), one of the definition's.</param>
/// <param name="Voters">Voters who had taken part by then.</param>
/// <param name="Signature">The device's signature, when a device sent it.</param>
public sealed record TurnoutRecord(
    long Sequence, long LogSize, DateTimeOffset At, string By, string StationId, string Time, long Voters, ImmutableArray<byte>? Signature)
    : RegisterRecord(Sequence, LogSize, At, By)
{
    /// <summary>The kind's word.</summary>
    public const string Word = "turnout";

    /// <summary>The prefix of <see cref="RegisterRecord.By"/> for a report a station's device signed.</summary>
    public const string DevicePrefix = "device:";

    /// <inheritdoc />
    public override string Kind => Word;

    /// <inheritdoc />
    public override string? Station => StationId;

    /// <inheritdoc />
    public override string? ActingOperator => Signature is null ? By : null;

    /// <summary>The report itself, as it was signed.</summary>
    public Turnout.TurnoutReport Report(Definitions.ElectionId election) => new(election, new Definitions.AreaId(StationId), Time, Voters);

    private protected override void WriteFields(JsonObject json)
    {
        json["station"] = StationId;
        json["time"] = Time;
        json["voters"] = Voters;
        if (Signature is { } signature)
        {
            json["signature"] = Convert.ToBase64String(signature.AsSpan());
        }
    }
}
