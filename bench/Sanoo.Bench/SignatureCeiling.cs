using System.Diagnostics;
using System.Globalization;
using NSec.Cryptography;
using Sanoo.Core.Protocols;
using Sanoo.Samples.Kyrgyzstan2021;

namespace Sanoo.Bench;

/// <summary>
/// The most signed protocols this machine could take: Ed25519 verifications per second with the library the server uses (NSec), of
/// real canonical protocol bytes signed beforehand by a thousand device keys, on every core at once. Signed ingest is quoted as a
/// share of it.
/// </summary>
public static class SignatureCeiling
{
    /// <summary>Verifies for <paramref name="seconds"/> on every core; prints the rate in all and per core.</summary>
    public static int Run(double seconds)
    {
        var sample = Kg2021Generator.Generate();
        var signed = sample.Machine.Take(1_000).Select(protocol =>
        {
            using var key = Key.Create(SignatureAlgorithm.Ed25519);
            var canonical = ProtocolWriter.Canonical(sample.Election, protocol);
            return (Key: key.PublicKey, Message: canonical, Signature: SignatureAlgorithm.Ed25519.Sign(key, canonical));
        }).ToArray();
        var cores = Environment.ProcessorCount;
        var counts = new long[cores];
        var clock = Stopwatch.StartNew();
        Parallel.For(0, cores, new ParallelOptions { MaxDegreeOfParallelism = cores }, core =>
        {
            var n = 0L;
            for (var i = core; clock.Elapsed.TotalSeconds < seconds; i++)
            {
                var (key, message, signature) = signed[i % signed.Length];
                if (!SignatureAlgorithm.Ed25519.Verify(key, message, signature))
                {
                    throw new InvalidOperationException("a signature made here did not verify");
                }
                n++;
            }
            counts[core] = n;
        });
        var rate = counts.Sum() / clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Ed25519 verification ceiling (NSec, {signed.Length:N0} signed protocols of {signed.Average(s => s.Message.Length):N0} bytes, "
                + $"{cores} cores): {rate:F0} verifications/s, {rate / cores:F0} per core"));
        return 0;
    }
}
