using System.Collections.Frozen;

namespace Sanoo.Storage.Reports;

/// <summary>The words reports and answers are recorded with: what is wrong, and a report's state.</summary>
public static class ReportWords
{
    /// <summary>The station's protocol image and its figures differ.</summary>
    public const string ImageDiffers = "image-differs";

    /// <summary>The protocol was not posted at the station.</summary>
    public const string NotPosted = "not-posted";

    /// <summary>The published figures differ from the reporter's own copy of the protocol.</summary>
    public const string CopyDiffers = "copy-differs";

    /// <summary>Anything else, said in the report's text (which must then not be empty).</summary>
    public const string Other = "other";

    /// <summary>A report not answered yet.</summary>
    public const string Open = "open";

    /// <summary>An answer that upholds the report.</summary>
    public const string Accepted = "accepted";

    /// <summary>An answer that turns the report down, with a reason.</summary>
    public const string Rejected = "rejected";

    /// <summary>Every word for what is wrong, in the order pages list them.</summary>
    public static IReadOnlyList<string> Concerns { get; } = [ImageDiffers, NotPosted, CopyDiffers, Other];

    /// <summary>Every state, in the order pages count them.</summary>
    public static IReadOnlyList<string> States { get; } = [Open, Accepted, Rejected];

    /// <summary>The words an answer may be.</summary>
    public static FrozenSet<string> Answers { get; } = FrozenSet.ToFrozenSet([Accepted, Rejected], StringComparer.Ordinal);
}
