using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Core.Tally;

namespace Sanoo.Testing;

/// <summary>Protocols made in a test, checked as the reader checks one read: a test protocol that does not fit is a broken test.</summary>
public static class Checking
{
    /// <summary>The protocol, checked against <paramref name="election"/>; throws when it does not fit.</summary>
    public static CheckedProtocol Checked(this Protocol protocol, Election election) => ProtocolReader.Check(election, protocol) switch
    {
        ProtocolReadResult.Ok ok => ok.Checked,
        ProtocolReadResult.Invalid invalid => throw new ArgumentException($"the test protocol does not fit: {string.Join("; ", invalid.Problems)}"),
        _ => throw new InvalidOperationException(),
    };

    /// <summary>Checks the protocol against the engine's election and applies it.</summary>
    public static ApplyOutcome Apply(this TallyEngine engine, Protocol protocol) => engine.Apply(protocol.Checked(engine.Election));
}
