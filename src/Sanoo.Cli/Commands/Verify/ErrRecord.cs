using System.Globalization;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// One object of an ERR report as it is read, JSON or XML alike: its type, its id and the few scalar fields a check reads (the rest
/// are skipped unread), with the object that holds it. A reader keeps one per depth and reuses it, so a report of any size is read
/// with a handful of these.
/// </summary>
internal sealed class ErrRecord
{
    /// <summary>The object that holds this one (null for the report).</summary>
    public ErrRecord? Parent { get; private set; }

    /// <summary>Its type without NIST's prefix (<c>VoteCounts</c>, <c>PartySelection</c>, <c>ReportingUnit</c> …).</summary>
    public string? Type { get; set; }

    /// <summary>Its <c>@id</c> (<c>ObjectId</c> in XML).</summary>
    public string? Id { get; set; }

    /// <summary>Its <c>GpUnitId</c>: the area a count is of.</summary>
    public string? GpUnitId { get; private set; }

    /// <summary>Its own <c>Type</c> field (a count's type: <c>total</c>, <c>seats</c>, <c>other</c>).</summary>
    public string? CountType { get; private set; }

    /// <summary>Its <c>OtherType</c>.</summary>
    public string? OtherType { get; private set; }

    /// <summary>The <c>OtherType</c> of its <c>DeviceClass</c>: the count source.</summary>
    public string? Device { get; set; }

    /// <summary>Its <c>Value</c> (an external identifier's).</summary>
    public string? Value { get; private set; }

    /// <summary>Its <c>Status</c> (the report's).</summary>
    public string? Status { get; private set; }

    /// <summary>Its <c>Count</c>.</summary>
    public long? Count { get; private set; }

    /// <summary>Its <c>BallotsCast</c>.</summary>
    public long? BallotsCast { get; private set; }

    /// <summary>Its <c>BallotsRejected</c>.</summary>
    public long? BallotsRejected { get; private set; }

    /// <summary>Its <c>VotersRegistered</c>.</summary>
    public long? VotersRegistered { get; private set; }

    /// <summary>Its <c>SubUnitsReported</c>.</summary>
    public long? SubUnitsReported { get; private set; }

    /// <summary>Its <c>TotalSubUnits</c>.</summary>
    public long? TotalSubUnits { get; private set; }

    /// <summary>The element's name (XML only: what it is a field of its parent as).</summary>
    public string Name { get; set; } = "";

    /// <summary>Whether it holds elements (XML only: else it is a scalar field of its parent).</summary>
    public bool HasElements { get; set; }

    /// <summary>Its text (XML only).</summary>
    public string? Text { get; set; }

    /// <summary>The scalar fields a check reads, by name: every other field is skipped unread (<see cref="Set(string, string)"/>).</summary>
    public static IReadOnlyList<string> Fields { get; } =
        ["GpUnitId", "Type", "OtherType", "Value", "Status", "Count", "BallotsCast", "BallotsRejected", "VotersRegistered",
            "SubUnitsReported", "TotalSubUnits"];

    /// <summary>Whether a field of this name is read (so that a reader makes a string of its value only then).</summary>
    public static bool Reads(string field) => Fields.Contains(field, StringComparer.Ordinal);

    /// <summary>Starts reading an object held by <paramref name="parent"/>.</summary>
    public void Start(ErrRecord? parent)
    {
        Parent = parent;
        HasElements = false;
        Type = Id = Text = GpUnitId = CountType = OtherType = Device = Value = Status = null;
        Count = BallotsCast = BallotsRejected = VotersRegistered = SubUnitsReported = TotalSubUnits = null;
    }

    /// <summary>Sets the number field <paramref name="field"/>.</summary>
    public void Set(string field, long number)
    {
        switch (field)
        {
            case "Count": Count = number; break;
            case "BallotsCast": BallotsCast = number; break;
            case "BallotsRejected": BallotsRejected = number; break;
            case "VotersRegistered": VotersRegistered = number; break;
            case "SubUnitsReported": SubUnitsReported = number; break;
            case "TotalSubUnits": TotalSubUnits = number; break;
            default: Set(field, number.ToString(CultureInfo.InvariantCulture)); break;
        }
    }

    /// <summary>Sets the field <paramref name="field"/> from its text (a number that does not read is kept as -1, never matched).</summary>
    public void Set(string field, string text)
    {
        long Number() => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : -1;
        switch (field)
        {
            case "GpUnitId": GpUnitId = text; break;
            case "Type": CountType = text; break;
            case "OtherType": OtherType = text; break;
            case "Value": Value = text; break;
            case "Status": Status = text; break;
            case "Count": Count = Number(); break;
            case "BallotsCast": BallotsCast = Number(); break;
            case "BallotsRejected": BallotsRejected = Number(); break;
            case "VotersRegistered": VotersRegistered = Number(); break;
            case "SubUnitsReported": SubUnitsReported = Number(); break;
            case "TotalSubUnits": TotalSubUnits = Number(); break;
            default: break;
        }
    }
}
