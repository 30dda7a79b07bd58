using Sanoo.Contracts;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// What the verifier reads of one log entry a page serves (<see cref="LogEntry"/>): the fields its Merkle leaf commits to, as
/// served. Its canonical bytes and signature travel decoded beside it (<see cref="PreparedEntry"/>); the page's copy of the
/// protocol as JSON and its leaf hash are not read: the verifier rebuilds both from the signed bytes.
/// </summary>
/// <param name="Sequence">Its log position, from 1.</param>
/// <param name="Station">The station's id.</param>
/// <param name="Contest">The contest's id.</param>
/// <param name="Source">The count source's id.</param>
/// <param name="Version">The protocol's version number.</param>
/// <param name="Outcome">What the server says became of it.</param>
/// <param name="Sender">Who sent it, as the log records it.</param>
/// <param name="ContentHash">SHA-256 of the canonical bytes, lower-case hex, as served.</param>
/// <param name="ReceivedAt">When it was received, in Unix milliseconds.</param>
internal sealed record ServedEntry(
    long Sequence,
    string Station,
    string Contest,
    string Source,
    int Version,
    StoredOutcome Outcome,
    string Sender,
    string ContentHash,
    long ReceivedAt);
