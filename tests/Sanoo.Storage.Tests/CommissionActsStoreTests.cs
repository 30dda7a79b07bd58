using Sanoo.Core.Definitions;
using Sanoo.Storage.Acts;
using Sanoo.Testing;

namespace Sanoo.Storage.Tests;

/// <summary>Recount orders, their outcomes and certifications, on both backends: kept in order, never changed.</summary>
[Collection("stores")]
public class CommissionActsStoreTests(PostgresServer postgres) : StoreTestBase(postgres)
{
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeMilliseconds(1_637_000_000_000);

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Recounts_and_their_outcomes_are_kept_and_an_outcome_needs_its_order(string backend)
    {
        var address = NewAddress(backend);
        await using var store = await StoreAddress.OpenAsync(address);
        var (first, _) = await store.OrderRecountAsync(new RecountOrder(0, new AreaId("s0001"), new ContestId("list"),
            "machine and hand differ by 12 votes", "cec", At));
        var (second, _) = await store.OrderRecountAsync(
            new RecountOrder(0, new AreaId("s0002"), new ContestId("smd-01"), "observer complaint 17", "cec", At));
        Assert.Equal((1L, 2L), (first.Sequence, second.Sequence));
        var outcome = await store.RecordRecountOutcomeAsync(new RecountOutcome(0, first.Sequence, "hand count confirmed", "dec-01", At.AddHours(5)));
        Assert.Equal(1, outcome.Sequence);
        var missing = await Assert.ThrowsAsync<StoreException>(() => store.RecordRecountOutcomeAsync(new RecountOutcome(0, 99, "x", "dec-01", At)));
        Assert.Contains("no recount order 99", missing.Message, StringComparison.Ordinal);

        var (orders, outcomes) = await store.ReadRecountsAsync(3);
        Assert.Equal(["s0001", "s0002"], orders.Select(o => o.Station.Value));
        Assert.Equal("machine and hand differ by 12 votes", orders[0].Reason);
        Assert.Equal(At, orders[0].OrderedAt);
        Assert.Equal(first.Sequence, Assert.Single(outcomes).Recount);
        var error = await Assert.ThrowsAnyAsync<Exception>(() => RawSql.ExecuteAsync(address, "DELETE FROM register"));
        Assert.Contains("append-only", error.Message + error.InnerException?.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Certifications_are_kept_in_order(string backend)
    {
        var address = NewAddress(backend);
        await using var store = await StoreAddress.OpenAsync(address);
        await store.CertifyAsync(new Certification(0, 9797, "The CEC certifies the result.", "cec", At));
        await store.CertifyAsync(new Certification(0, 9801, "Certified again after two recounts.", "cec", At.AddDays(3)));
        var all = await store.ReadCertificationsAsync(2);
        Assert.Equal([9797L, 9801L], all.Select(c => c.Position));
        Assert.Equal([1L, 2L], all.Select(c => c.Sequence));
        var error = await Assert.ThrowsAnyAsync<Exception>(() => RawSql.ExecuteAsync(address, "UPDATE register SET log_size = 1"));
        Assert.Contains("append-only", error.Message + error.InnerException?.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Reads_up_to_a_register_size_leave_out_the_records_after_it(string backend)
    {
        await using var store = await StoreAddress.OpenAsync(NewAddress(backend));
        var (first, _) = await store.OrderRecountAsync(new RecountOrder(0, new AreaId("s0001"), new ContestId("list"), "differ", "cec", At));
        await store.CertifyAsync(new Certification(0, 9797, "The CEC certifies the result.", "cec", At));
        await store.OrderRecountAsync(new RecountOrder(0, new AreaId("s0002"), new ContestId("list"), "complaint", "cec", At));
        await store.RecordRecountOutcomeAsync(new RecountOutcome(0, first.Sequence, "hand count confirmed", "dec-01", At));
        await store.CertifyAsync(new Certification(0, 9801, "Certified again.", "cec", At));
        var register = await store.ReadRegisterAsync(0);
        Assert.Equal(5, register.Count);
        var bound = register.First(r => r.Kind == Core.Register.CertificationRecord.Word).Sequence;

        var (orders, outcomes) = await store.ReadRecountsAsync(bound);
        Assert.Equal(["s0001"], orders.Select(o => o.Station.Value));
        Assert.Empty(outcomes);
        Assert.Equal([9797L], (await store.ReadCertificationsAsync(bound)).Select(c => c.Position));
        Assert.Equal([bound], (await store.ReadRegisterOfKindAsync(Core.Register.CertificationRecord.Word, bound)).Select(r => r.Sequence));
        Assert.Empty(await store.ReadRegisterOfKindAsync(Core.Register.RecountOrderRecord.Word, 0));
        (orders, outcomes) = await store.ReadRecountsAsync(register[^2].Sequence);
        Assert.Equal((2, 1), (orders.Count, outcomes.Count));
        Assert.Equal([9797L, 9801L], (await store.ReadCertificationsAsync(register.Count)).Select(c => c.Position));
        Assert.Equal(2, (await store.ReadRegisterOfKindAsync(Core.Register.CertificationRecord.Word, register.Count)).Count);
    }
}
