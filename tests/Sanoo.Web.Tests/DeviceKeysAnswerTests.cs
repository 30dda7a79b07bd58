using System.Text.Json;
using Sanoo.Contracts;
using Sanoo.Core.Definitions;
using Sanoo.Log;
using Sanoo.Storage;
using Sanoo.Web.PublicApi;

namespace Sanoo.Web.Tests;

/// <summary>
/// <c>/api/v1/keys</c> kept per register size (<see cref="DeviceKeysAnswer"/>): the answer kept is the one read afresh from the
/// store, is served again while the register keeps its size, and is read again when a key is enrolled or revoked.
/// </summary>
public sealed class DeviceKeysAnswerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sanoo-keys-").FullName;

    private static async Task<byte[]> FreshAsync(ElectionLog log) => JsonSerializer.SerializeToUtf8Bytes(
        TransparencyJson.Of(await log.DeviceKeysAsync(0), await log.RevocationsAsync()), WireJson.Default.DeviceKeys);

    private static Task EnrolAsync(IProtocolStore store, string station, byte fill) => store.EnrolDeviceAsync(
        new Storage.Access.DeviceKey(new AreaId(station), Enumerable.Repeat(fill, 32).ToArray(), DateTimeOffset.UtcNow, "test"));

    [Fact]
    public async Task The_answer_kept_equals_a_fresh_one_and_is_read_again_when_the_register_grows()
    {
        var store = await StoreAddress.OpenAsync("sqlite:" + Path.Combine(_folder, "sanoo.db"));
        await using var log = await ElectionLog.OpenAsync(store, ServerFixture.Sample.DefinitionJson);
        await EnrolAsync(store, "s0001", 1);
        await EnrolAsync(store, "s0002", 2);
        await log.CatchUpAsync();
        using var answer = new DeviceKeysAnswer();

        var first = await answer.BytesAsync(log, WireJson.Default.DeviceKeys, CancellationToken.None);
        Assert.Equal(await FreshAsync(log), first);
        Assert.Same(first, await answer.BytesAsync(log, WireJson.Default.DeviceKeys, CancellationToken.None));

        await EnrolAsync(store, "s0003", 3);
        await log.CatchUpAsync();
        var grown = await answer.BytesAsync(log, WireJson.Default.DeviceKeys, CancellationToken.None);
        Assert.Equal(await FreshAsync(log), grown);
        Assert.Contains(JsonSerializer.Deserialize(grown, WireJson.Default.DeviceKeys)!.Devices, d => d.Station == "s0003");

        await log.RevokeDeviceAsync(new AreaId("s0001"), "lost", "test");
        var revoked = await answer.BytesAsync(log, WireJson.Default.DeviceKeys, CancellationToken.None);
        Assert.Equal(await FreshAsync(log), revoked);
        var keys = JsonSerializer.Deserialize(revoked, WireJson.Default.DeviceKeys)!;
        Assert.DoesNotContain(keys.Devices, d => d.Station == "s0001");
        Assert.Single(keys.Revocations);
    }

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
