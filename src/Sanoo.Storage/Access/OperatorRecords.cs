using Sanoo.Core.Definitions;
using Sanoo.Core.Register;

namespace Sanoo.Storage.Access;

/// <summary>How an <see cref="Operator"/> is written in its register record, and read back.</summary>
public static class OperatorRecords
{
    /// <summary>The role's word in the record.</summary>
    public static string Text(OperatorRole role) => role switch
    {
        OperatorRole.Admin => "admin",
        OperatorRole.Observer => "observer",
        OperatorRole.PartyAgent => "party-agent",
        _ => "district",
    };

    /// <summary>The operator a record enrols; a record that is not one is a damaged store.</summary>
    public static Operator Of(OperatorRecord r) => r.Role switch
    {
        "admin" => new Operator(r.Name, OperatorRole.Admin, null, [.. r.TokenSha256]),
        "district" when r.District is { } district && AreaId.TryParse(district, out var area) =>
            new Operator(r.Name, OperatorRole.District, area, [.. r.TokenSha256]),
        "observer" when r.Party is null && AreaOrNone(r.District, out var area) =>
            new Operator(r.Name, OperatorRole.Observer, area, [.. r.TokenSha256]),
        "party-agent" when r.Party is { Length: > 0 } && AreaOrNone(r.District, out var area) =>
            new Operator(r.Name, OperatorRole.PartyAgent, area, [.. r.TokenSha256], r.Party),
        _ => throw new StoreException(
            $"register record {r.Sequence}: operator '{r.Name}' has role '{r.Role}' without a district (or a party agent "
            + "without a party): the store is damaged"),
    };

    /// <summary>An observer's area: none (the whole election) or a well-formed area id.</summary>
    private static bool AreaOrNone(string? text, out AreaId? area)
    {
        area = null;
        if (text is null)
        {
            return true;
        }
        if (!AreaId.TryParse(text, out var id))
        {
            return false;
        }
        area = id;
        return true;
    }
}
