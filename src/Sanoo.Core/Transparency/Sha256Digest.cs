using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Sanoo.Core.Transparency;

/// <summary>
/// SHA-256 of the small inputs hashed by the million (log and register leaves, the trees' nodes, protocols' content hashes): a
/// restart at a million stations hashes some three million, the verifier more. .NET's own ways to OpenSSL cost far more than the
/// hashing of a 65-byte node: the one-shot <see cref="SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/> looks the algorithm up
/// under a lock the whole process shares at each call (0.39 µs, and two threads hashing at once ran no faster than one), an
/// <see cref="IncrementalHash"/> clears OpenSSL's error queue and resets its context at each (0.32 µs, scaling). Where OpenSSL's
/// library is the one .NET uses (Linux), its plain SHA-256 functions are called on a context on the stack instead (0.07 µs, the
/// processor's SHA instructions); they are checked against the digest of a known text when first found, and any other system, or
/// an input over <see cref="DirectLimit"/> (which would hold up the collector while it is hashed), goes through a kept
/// <see cref="IncrementalHash"/> a thread. The same digest whichever way: SHA-256 is SHA-256.
/// </summary>
public static unsafe class Sha256Digest
{
    /// <summary>The largest input hashed by the direct call; larger ones go through .NET (the call holds up the collector).</summary>
    public const int DirectLimit = 64 * 1024;

    private static readonly Direct? Functions = Direct.Find();

    [ThreadStatic]
    private static IncrementalHash? _context;

    /// <summary>Whether the direct calls are in use here (OpenSSL's library found and its digest checked).</summary>
    public static bool IsDirect => Functions is not null;

    /// <summary>SHA-256 of <paramref name="data"/>, written to <paramref name="destination"/> (32 bytes).</summary>
    public static void Write(ReadOnlySpan<byte> data, Span<byte> destination) => Write(null, data, destination);

    /// <summary>SHA-256 of <paramref name="data"/>.</summary>
    public static byte[] Of(ReadOnlySpan<byte> data)
    {
        var hash = new byte[MerkleHash.Size];
        Write(null, data, hash);
        return hash;
    }

    /// <summary>SHA-256 of one byte, <paramref name="first"/>, then <paramref name="data"/>, written to <paramref name="destination"/>.</summary>
    public static void Write(byte first, ReadOnlySpan<byte> data, Span<byte> destination) => Write((byte?)first, data, destination);

    private static void Write(byte? first, ReadOnlySpan<byte> data, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, MerkleHash.Size, nameof(destination));
        if (Functions is { } direct && data.Length <= DirectLimit)
        {
            direct.Hash(first, data, destination);
            return;
        }
        var context = _context ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        if (first is { } one)
        {
            context.AppendData([one]);
        }
        context.AppendData(data);
        context.GetHashAndReset(destination);
    }

    /// <summary>OpenSSL's SHA256_Init, SHA256_Update and SHA256_Final, on a context of <see cref="ContextSize"/> bytes on the stack.</summary>
    private sealed class Direct
    {
        /// <summary>Room for OpenSSL's SHA256_CTX (112 bytes: the state, the length, a block, two counts).</summary>
        private const int ContextSize = 128;

        private readonly delegate* unmanaged[SuppressGCTransition]<byte*, int> _init;
        private readonly delegate* unmanaged[SuppressGCTransition]<byte*, byte*, nuint, int> _update;
        private readonly delegate* unmanaged[SuppressGCTransition]<byte*, byte*, int> _final;

        private Direct(nint library)
        {
            _init = (delegate* unmanaged[SuppressGCTransition]<byte*, int>)NativeLibrary.GetExport(library, "SHA256_Init");
            _update = (delegate* unmanaged[SuppressGCTransition]<byte*, byte*, nuint, int>)NativeLibrary.GetExport(library, "SHA256_Update");
            _final = (delegate* unmanaged[SuppressGCTransition]<byte*, byte*, int>)NativeLibrary.GetExport(library, "SHA256_Final");
        }

        /// <summary>The functions of the OpenSSL library .NET uses on Linux, if found and right; null otherwise.</summary>
        public static Direct? Find()
        {
            if (!OperatingSystem.IsLinux())
            {
                return null;
            }
            Span<byte> abc = stackalloc byte[MerkleHash.Size];
            foreach (var name in (string[])["libcrypto.so.3", "libcrypto.so.1.1"])
            {
                if (!NativeLibrary.TryLoad(name, out var library))
                {
                    continue;
                }
                try
                {
                    var direct = new Direct(library);
                    direct.Hash(null, "abc"u8, abc);
                    // FIPS 180-2, appendix B.1: SHA-256("abc").
                    if (Convert.ToHexStringLower(abc) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
                    {
                        return direct;
                    }
                }
                catch (EntryPointNotFoundException)
                {
                    // a library built without the plain functions: .NET's way then
                }
            }
            return null;
        }

        public void Hash(byte? first, ReadOnlySpan<byte> data, Span<byte> destination)
        {
            var context = stackalloc byte[ContextSize];
            var one = first.GetValueOrDefault();
            fixed (byte* bytes = data)
            fixed (byte* digest = destination)
            {
                if (_init(context) != 1 || (first is not null && _update(context, &one, 1) != 1)
                    || _update(context, bytes, (nuint)data.Length) != 1 || _final(digest, context) != 1)
                {
                    throw new CryptographicException("OpenSSL's SHA-256 failed");
                }
            }
        }
    }
}
