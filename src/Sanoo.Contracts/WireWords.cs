using System.Text.Json;

namespace Sanoo.Contracts;

/// <summary>How an enum of the wire is spelled: its member name in lower-case words joined by hyphens.</summary>
public static class WireWords
{
    /// <summary>The naming rule <see cref="WireEnumConverter{TEnum}"/> writes and reads by.</summary>
    public static JsonNamingPolicy Policy { get; } = JsonNamingPolicy.KebabCaseLower;

    /// <summary>The word for <paramref name="value"/>, e.g. <c>"awaiting-second"</c>, as it travels on the wire.</summary>
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => Policy.ConvertName(value.ToString());
}
