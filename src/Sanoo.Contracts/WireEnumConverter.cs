using System.Text.Json.Serialization;

namespace Sanoo.Contracts;

/// <summary>
/// The one way an enum of the wire travels: as a string, its member name in lower-case words
/// joined by hyphens (<c>AwaitingSecond</c> is <c>"awaiting-second"</c>, <c>PartyList</c> is
/// <c>"party-list"</c>). Numbers are refused on reading, so a verifier never meets an integer where
/// the documentation promises a word. Every enum of the wire names it with
/// <c>[JsonConverter(typeof(WireEnumConverter&lt;T&gt;))]</c>, so the spelling holds in any serializer.
/// </summary>
/// <typeparam name="TEnum">The enum.</typeparam>
public sealed class WireEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(WireWords.Policy, allowIntegerValues: false)
    where TEnum : struct, Enum;
