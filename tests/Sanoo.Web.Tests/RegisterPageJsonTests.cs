using System.Text.Json;
using System.Text.Json.Nodes;
using Sanoo.Contracts;
using Sanoo.Core.Register;
using RegisterRecord = Sanoo.Core.Register.RegisterRecord;
using Sanoo.Storage.Register;
using Sanoo.Web.PublicApi;

namespace Sanoo.Web.Tests;

/// <summary>
/// A register page written straight from the stored rows (<see cref="RegisterPageJson"/>) is the same JSON as the page built from
/// the contract's records and serialized, including a record whose text needs escaping.
/// </summary>
public sealed class RegisterPageJsonTests
{
    [Fact]
    public void A_page_written_from_the_rows_reads_as_the_contract_s_page_of_them()
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1_780_000_000_123);
        byte[] key = [.. Enumerable.Range(0, 32).Select(i => (byte)(i * 7))];
        RegisterRecord[] records =
        [
            new DefinitionRecord(1, 0, at, "cec", "kg-2021", [.. key]),
            new DeviceKeyRecord(2, 0, at, "keys enrol", "s0001", [.. key]),
            new DeviceKeyRevokedRecord(3, 5, at, "Айгүл \"<&>\"", "s0001", [.. key], "lost\n\tin transit \u0001 + / é"),
        ];
        var rows = records.Select(r => new RegisterRow(r.Sequence, r.Kind, [.. r.Encode()])).ToList();

        var written = RegisterPageJson.Of(2, rows);

        var contract = JsonSerializer.SerializeToUtf8Bytes(
            new Contracts.RegisterPage(2, [.. rows.Select(TransparencyJson.Of)]), WireJson.Default.RegisterPage);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(contract), JsonNode.Parse(written)), System.Text.Encoding.UTF8.GetString(written));
        var page = JsonSerializer.Deserialize(written, WireJson.Default.RegisterPage)!;
        Assert.Equal(3, page.Records.Count);
        Assert.Equal(records[2].Encode(), Convert.FromBase64String(page.Records[2].Bytes));
        Assert.Equal("lost\n\tin transit \u0001 + / é", page.Records[2].Record.GetProperty("reason").GetString());
    }
}
