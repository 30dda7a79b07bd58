using Sanoo.Core.Definitions;

namespace Sanoo.Log;

/// <summary>
/// Who sent a protocol version, as the log records and publishes it. Each case has one fixed
/// text, the one stored in the log's sender column and shown on the wire: <c>device:STATION</c>,
/// <c>operator:NAME</c>, <c>entries:FIRST+SECOND</c> (a double entry, both operators),
/// <c>entries:NAME</c> (a matched pair's protocol sent again, naming the entry that matched),
/// <c>file:NAME</c> (an import) or, for anything else an importer names, the text as given.
/// Invariant: <c>Parse(text).Text == text</c> for every text.
/// </summary>
public abstract record Sender
{
    private Sender()
    {
    }

    /// <summary>The text stored and published.</summary>
    public abstract string Text { get; }

    /// <summary>The operators it names (none for a device, a file or another sender): an operator revoked sends nothing more.</summary>
    public virtual IReadOnlyList<string> Operators => [];

    /// <summary>The sender a stored text names; never fails (a text that is no other case is <see cref="Named"/>).</summary>
    public static Sender Parse(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var (kind, rest) = colon < 0 ? ("", text) : (text[..colon], text[(colon + 1)..]);
        var pair = rest.Split('+');
        return kind switch
        {
            "device" when AreaId.TryParse(rest, out var station) => new Device(station),
            "operator" when rest.Length > 0 => new Operator(rest),
            "entries" when pair is [{ Length: > 0 } first, { Length: > 0 } second] => new DoubleEntry(first, second),
            "entries" when pair is [{ Length: > 0 } one] => new MatchedEntry(one),
            "file" when rest.Length > 0 => new File(rest),
            _ => new Named(text),
        };
    }

    /// <inheritdoc />
    public sealed override string ToString() => Text;

    /// <summary>A station's device, by its signature with the key enrolled for <paramref name="Station"/>.</summary>
    /// <param name="Station">The station whose key signed.</param>
    public sealed record Device(AreaId Station) : Sender
    {
        /// <inheritdoc />
        public override string Text => $"device:{Station}";
    }

    /// <summary>A commission operator, by their bearer token.</summary>
    /// <param name="Name">The operator's name.</param>
    public sealed record Operator(string Name) : Sender
    {
        /// <inheritdoc />
        public override string Text => $"operator:{Name}";

        /// <inheritdoc />
        public override IReadOnlyList<string> Operators => [Name];
    }

    /// <summary>A hand count entered by two operators with identical figures.</summary>
    /// <param name="First">The operator whose entry came first.</param>
    /// <param name="Second">The operator whose entry matched it.</param>
    public sealed record DoubleEntry(string First, string Second) : Sender
    {
        /// <inheritdoc />
        public override string Text => $"entries:{First}+{Second}";

        /// <inheritdoc />
        public override IReadOnlyList<string> Operators => [First, Second];
    }

    /// <summary>A matched pair's protocol sent again (a crash after matching is healed by the next entry).</summary>
    /// <param name="Name">The operator whose entry completed the pair.</param>
    public sealed record MatchedEntry(string Name) : Sender
    {
        /// <inheritdoc />
        public override string Text => $"entries:{Name}";

        /// <inheritdoc />
        public override IReadOnlyList<string> Operators => [Name];
    }

    /// <summary>A file of protocols imported from the command line.</summary>
    /// <param name="Name">The file's name.</param>
    public sealed record File(string Name) : Sender
    {
        /// <inheritdoc />
        public override string Text => $"file:{Name}";
    }

    /// <summary>Any other sender an importer names (<c>sanoo ingest --sender</c>): recorded as given.</summary>
    /// <param name="Given">The text.</param>
    public sealed record Named(string Given) : Sender
    {
        /// <inheritdoc />
        public override string Text => Given;
    }
}
