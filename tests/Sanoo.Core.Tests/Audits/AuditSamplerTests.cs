using Sanoo.Core.Audits;

namespace Sanoo.Core.Tests.Audits;

/// <summary>The sampler reproduces the test vector docs/audits.md publishes (computed there with a few lines of Python).</summary>
public class AuditSamplerTests
{
    private const string Seed = "32805417963180645971";

    [Fact]
    public void A_ticket_is_the_first_16_bytes_of_the_SHA_256_of_seed_comma_draw()
    {
        var ticket = AuditSampler.Ticket(Seed, 1);
        Assert.Equal("30bd984bb69c3d84990f53608164b3a6", ticket.ToString("x32", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_sampler_reproduces_its_documented_test_vector()
    {
        long[] weights = [100, 0, 250, 650, 1000];
        Assert.Equal<int>([3, 4, 4, 3, 3, 3, 3, 4, 4, 3], AuditSampler.Draw(Seed, 1, 10, weights));
        Assert.Equal<int>([1, 5, 5, 4, 3, 3, 3, 7, 7, 4, 3, 7], AuditSampler.Draw(Seed, 1, 12, Enumerable.Repeat(1L, 10).ToArray()));
    }

    [Fact]
    public void A_later_round_continues_the_same_sequence_of_draws()
    {
        long[] weights = [100, 0, 250, 650, 1000];
        var all = AuditSampler.Draw(Seed, 1, 13, weights);
        Assert.Equal<int>(all[10..], AuditSampler.Draw(Seed, 11, 3, weights));
        Assert.Equal<int>([3, 4, 4], AuditSampler.Draw(Seed, 11, 3, weights));
    }

    [Fact]
    public void A_batch_of_weight_zero_is_never_drawn_and_draws_follow_the_weights()
    {
        long[] weights = [1, 0, 3];
        var draws = AuditSampler.Draw("12345678901234567890", 1, 4000, weights);
        Assert.DoesNotContain(1, draws);
        var share = draws.Count(d => d == 2) / 4000.0;
        Assert.InRange(share, 0.72, 0.78);
    }
}
