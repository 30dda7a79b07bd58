using Sanoo.Core.Definitions;
using Sanoo.Core.Register;

namespace Sanoo.Storage.Access;

/// <summary>How an <see cref="Operator"/> is written in its register record, and read back.</summary>
public static class OperatorRecords
{
    /// <summary>The role's word in the record.</summary>
    public static string Text(OperatorRole role) => role == OperatorRole.Admin ? "admin" : "district";

    /// <summary>The operator a record enrols; a record that is not one is a damaged store.</summary>
    public static Operator Of(OperatorRecord r) => r.Role switch
    {
        "admin" => new Operator(r.Name, OperatorRole.Admin, null, [.. r.TokenSha256]),
        "district" when r.District is { } district && AreaId.TryParse(district, out var area) =>
            new Operator(r.Name, OperatorRole.District, area, [.. r.TokenSha256]),
        _ => throw new StoreException(
            $"register record {r.Sequence}: operator '{r.Name}' has role '{r.Role}' without a district: the store is damaged"),
    };
}
