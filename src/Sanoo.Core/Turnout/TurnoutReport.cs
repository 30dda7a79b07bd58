using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sanoo.Core.Definitions;
using Sanoo.Core.Json;

namespace Sanoo.Core.Turnout;

/// <summary>
/// A station's report of how many voters have taken part by a time of election day: the figures the commission publishes
/// through the day (in Kyrgyzstan, from the voters identified by the station's device). Signed, like a machine count, by the
/// station's device key over <see cref="Canonical"/>, or sent by an operator acting for the station.
/// </summary>
/// <param name="Election">The election.</param>
/// <param name="Station">The polling station.</param>
/// <param name="Time">One of the definition's <see cref="ElectionDefinition.TurnoutTimes"/> (local time, <c>HH:mm</c>).</param>
/// <param name="Voters">Voters who had taken part by then.</param>
public sealed record TurnoutReport(ElectionId Election, AreaId Station, string Time, long Voters)
{
    /// <summary>The format word in the signed bytes.</summary>
    public const string Format = "sanoo-turnout/1";

    /// <summary>
    /// The bytes a device signs: RFC 8785 JSON <c>{"election","format","station","time","voters"}</c>, so that a signature over one
    /// station's report at one time can never stand for another's, nor for a protocol.
    /// </summary>
    public byte[] Canonical()
    {
        var json = new JsonObject
        {
            ["election"] = Election.Value, ["format"] = Format, ["station"] = Station.Value, ["time"] = Time, ["voters"] = Voters,
        };
        return CanonicalJson.Canonicalize(JsonSerializer.SerializeToUtf8Bytes(json, Register.RegisterJson.Default.JsonObject));
    }

    /// <summary>Whether <paramref name="text"/> is a local time of day as <c>HH:mm</c> (00:00 to 23:59).</summary>
    public static bool IsTime(string text) =>
        text.Length == 5 && TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}
