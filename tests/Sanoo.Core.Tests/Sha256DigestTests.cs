using System.Security.Cryptography;
using Sanoo.Core.Transparency;

namespace Sanoo.Core.Tests;

/// <summary>The SHA-256 the trees and leaves are hashed with: the same digest as .NET's, whichever way it reaches OpenSSL.</summary>
public class Sha256DigestTests
{
    [Fact]
    public void On_linux_the_direct_calls_are_in_use()
    {
        // Every machine Sanoo is deployed to and tested on is Linux, where .NET's SHA-256 is OpenSSL's: were the direct calls not
        // found, every hash would quietly cost five times as much.
        Assert.Equal(OperatingSystem.IsLinux(), Sha256Digest.IsDirect);
    }

    [Fact]
    public void Every_length_around_the_blocks_hashes_as_dotnet_does()
    {
        var random = new Random(20261204);
        foreach (var length in Enumerable.Range(0, 300).Concat([1_000, 65_535, Sha256Digest.DirectLimit, Sha256Digest.DirectLimit + 1, 200_000]))
        {
            var data = new byte[length];
            random.NextBytes(data);
            Assert.Equal(SHA256.HashData(data), Sha256Digest.Of(data));
            var prefixed = new byte[length + 1];
            prefixed[0] = 0x01;
            data.CopyTo(prefixed, 1);
            var written = new byte[32];
            Sha256Digest.Write(0x01, data, written);
            Assert.Equal(SHA256.HashData(prefixed), written);
        }
    }

    [Fact]
    public void Threads_hashing_at_once_each_get_their_own_digest()
    {
        var inputs = Enumerable.Range(0, 20_000).Select(i => BitConverter.GetBytes(i * 7919L)).ToArray();
        var hashes = new byte[inputs.Length][];
        Parallel.For(0, inputs.Length, i => hashes[i] = Sha256Digest.Of(inputs[i]));
        Assert.All(Enumerable.Range(0, inputs.Length), i => Assert.Equal(SHA256.HashData(inputs[i]), hashes[i]));
    }

    [Fact]
    public void A_destination_too_short_for_a_digest_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Sha256Digest.Write([1, 2, 3], new byte[31]));
    }
}
