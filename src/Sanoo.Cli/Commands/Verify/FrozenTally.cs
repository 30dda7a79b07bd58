using Sanoo.Core.Tally;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// The verifier's own tally as it stood when the log it replays reached one size: the tally engine frozen there (every invariant
/// checked) and a copy of its running sums. Kept for a size a published folder's whole-election exports state below the head (a
/// publish with <c>--exports-every</c> leaves them at an earlier snapshot), so that they are held to the figures of that size as
/// exports of the head are to the head's (<see cref="ExportFigures"/>). Costs the sums and the stations' counted versions that
/// change after it (the snapshot shares the engine's unchanged chunks).
/// </summary>
/// <param name="Snapshot">The engine frozen at that size.</param>
/// <param name="Sums">The running sums at that size, a copy.</param>
internal sealed record FrozenTally(Snapshot Snapshot, AreaSums Sums);
