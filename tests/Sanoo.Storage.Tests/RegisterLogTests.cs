using System.Security.Cryptography;
using Sanoo.Core.Definitions;
using Sanoo.Core.Register;
using Sanoo.Core.Transparency;
using Sanoo.Log;
using Sanoo.Storage.Access;
using Sanoo.Storage.Acts;
using Sanoo.Testing;

namespace Sanoo.Storage.Tests;

/// <summary>
/// The register beside the log, on both backends: what it holds is what the log decides by (a replaced or revoked key is refused at
/// once), its tree is rebuilt alike after a reopen, and its rules hold across servers sharing one store.
/// </summary>
[Collection("stores")]
public class RegisterLogTests(PostgresServer postgres) : StoreTestBase(postgres)
{
    [Theory]
    [MemberData(nameof(Backends))]
    public async Task A_protocol_signed_with_a_key_replaced_or_revoked_a_moment_before_is_refused_never_counted(string backend)
    {
        var address = NewAddress(backend);
        var log = await OpenLogAsync(address);
        var protocol = Sample.Machine[0];
        var station = new AreaId(protocol.Station.Value);
        var (first, second) = (RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32));
        await using (var other = await StoreAddress.OpenAsync(address))
        {
            // Another process (sanoo keys enrol) writes to the store: the log has not read it yet when the protocol arrives.
            await other.EnrolDeviceAsync(new DeviceKey(station, first, DateTimeOffset.UtcNow, "admin"));
            Assert.IsType<Receipt.Accepted>(await log.SubmitAsync(Submit(protocol) with { Signature = new byte[64], DeviceKey = first }));
            await other.EnrolDeviceAsync(new DeviceKey(station, second, DateTimeOffset.UtcNow, "admin"));
            var corrected = Sample.Machine.First(p => p.Station == protocol.Station && p.Contest != protocol.Contest);
            await Assert.ThrowsAsync<KeyNotCurrentException>(
                () => log.SubmitAsync(Submit(corrected) with { Signature = new byte[64], DeviceKey = first }));
            await other.RevokeDeviceAsync(station, "the device was stolen", "admin");
            await Assert.ThrowsAsync<KeyNotCurrentException>(
                () => log.SubmitAsync(Submit(corrected) with { Signature = new byte[64], DeviceKey = second }));
        }
        Assert.Equal(1, log.Position);
        var roots = await log.RootsAsync();
        Assert.Equal(4, roots.RegisterSize); // the definition, two enrolments, the revocation
        await CloseAsync(log);

        var reopened = await OpenLogAsync(address, withDefinition: false);
        Assert.Equal(roots.RegisterRoot, (await reopened.RootsAsync()).RegisterRoot);
        var rows = await reopened.RegisterAsync(0);
        Assert.Equal([DefinitionRecord.Word, DeviceKeyRecord.Word, DeviceKeyRecord.Word, DeviceKeyRevokedRecord.Word], rows.Select(r => r.Kind));
        var tree = new MerkleTree();
        foreach (var row in rows)
        {
            tree.Append(MerkleHash.Leaf(row.Record.AsSpan()));
        }
        Assert.Equal(roots.RegisterRoot, tree.Root(tree.Size));
        Assert.Equal(1, RegisterRecord.Decode(rows[2].Record.AsSpan()).LogSize); // the replacement took effect after entry 1
        await CloseAsync(reopened);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Two_servers_ordering_the_same_recount_at_once_open_it_once(string backend)
    {
        var address = NewAddress(backend);
        await CloseAsync(await OpenLogAsync(address));
        var station = new AreaId(Sample.Hand[0].Station.Value);
        var contest = new ContestId(Sample.Hand[0].Contest.Value);
        var stores = new List<IProtocolStore>();
        for (var i = 0; i < 4; i++)
        {
            stores.Add(await StoreAddress.OpenAsync(address));
        }
        var orders = await Task.WhenAll(stores.SelectMany(store => Enumerable.Range(0, 5).Select(_ => Task.Run(() =>
            store.OrderRecountAsync(new RecountOrder(0, station, contest, "observer complaint", "cec", DateTimeOffset.UtcNow))))));
        Assert.Single(orders, o => o.Recorded);
        Assert.All(orders, o => Assert.Equal(1, o.Order.Sequence));
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }
    }
}
