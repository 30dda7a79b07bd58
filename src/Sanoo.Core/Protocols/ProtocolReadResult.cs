using System.Collections.Immutable;
using Sanoo.Core.Json;

namespace Sanoo.Core.Protocols;

/// <summary>The outcome of reading one protocol: the protocol, or every problem with its JSON path.</summary>
public abstract record ProtocolReadResult
{
    private ProtocolReadResult()
    {
    }

    /// <summary>A well-formed protocol of this election (its control relations are not yet checked).</summary>
    public sealed record Ok(CheckedProtocol Checked) : ProtocolReadResult
    {
        /// <summary>The protocol read.</summary>
        public Protocol Protocol => Checked.Protocol;
    }

    /// <summary>The protocol cannot be read; nothing of it can be counted.</summary>
    public sealed record Invalid(ImmutableArray<JsonProblem> Problems) : ProtocolReadResult;
}
