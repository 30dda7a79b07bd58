namespace Sanoo.Core.Definitions;

/// <summary>
/// Who counted: the election declares its sources. In Kyrgyzstan <c>machine</c> is the
/// automated count (preliminary) and <c>hand</c> the commission's manual count (official).
/// Each source is tallied on its own; sources are never added together.
/// </summary>
/// <param name="Id">The source's id.</param>
/// <param name="Name">How the public site names it.</param>
/// <param name="Official">Whether this source's count is the legally binding one.</param>
public sealed record CountSource(SourceId Id, LocalizedText Name, bool Official)
{
    /// <summary>
    /// Whether this count is typed in by commission operators twice: a protocol is counted only
    /// when two different operators have entered identical figures (see docs/hand-counts.md).
    /// </summary>
    public bool DoubleEntry { get; init; }

    /// <summary>
    /// Whether double entry is the only way in: not even an admin (a supervisor) may send a protocol of this count alone. Without
    /// it an admin may (the law may let a supervisor record a recount's figures), and the verifier names each such entry.
    /// </summary>
    public bool DoubleEntryRequired { get; init; }

    /// <summary>
    /// Whether every protocol of this count is signed by its station's device (Ed25519 over the
    /// canonical bytes): the server takes one only with a valid signature, and the verifier refuses
    /// any entry of this source without one, so a signature cannot be stripped unseen. By default a
    /// count that is not official is signed (a machine count); an imported count with no devices
    /// behind it says <c>"signed": false</c>.
    /// </summary>
    public bool Signed { get; init; }

    /// <summary>
    /// Whether every protocol of this count must name the image of its signed paper protocol (docs/evidence.md). By default
    /// not: a protocol without one is taken and its station page says "no image".
    /// </summary>
    public bool ImagesRequired { get; init; }

    /// <summary>The largest image, in bytes, that a protocol of this count may name: 10 MB unless the definition says.</summary>
    public long ImageMaxBytes { get; init; } = DefaultImageMaxBytes;

    /// <summary>
    /// The party whose agents keep this count, when it is a party's copy of the protocols (docs/evidence.md): the figures of the
    /// protocol copy each agent received at the station, entered by that party's accredited agents only. A party copy is never
    /// official, never signed by a device and never entered twice; it is compared with the official count station by station
    /// and is not shown as a result of its own.
    /// </summary>
    public ChoiceId? PartyCopy { get; init; }

    /// <summary>The image size limit of a source whose definition names none: 10 MB (10,485,760 bytes).</summary>
    public const long DefaultImageMaxBytes = 10L * 1024 * 1024;
}
