using Sanoo.Core.Protocols;

namespace Sanoo.Samples.Night;

/// <summary>What a submission on election night is.</summary>
public enum NightEventKind
{
    /// <summary>A station's machine count, first time sent.</summary>
    MachineCount,

    /// <summary>The same machine count sent again (the device did not get a receipt).</summary>
    Retry,

    /// <summary>A protocol with an arithmetic error: rejected, then sent again correctly.</summary>
    Mistake,

    /// <summary>A commission's hand count, first version.</summary>
    HandCount,

    /// <summary>A later version of a hand count, with its reason and author.</summary>
    Correction,
}

/// <summary>One submission of the night: when (from the polls' closing), what, and the protocol sent.</summary>
/// <param name="At">Time after the polls closed.</param>
/// <param name="Kind">What it is.</param>
/// <param name="Protocol">The protocol sent.</param>
public sealed record NightEvent(TimeSpan At, NightEventKind Kind, Protocol Protocol);
