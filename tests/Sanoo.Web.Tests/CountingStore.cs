using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Sanoo.Storage;

namespace Sanoo.Web.Tests;

/// <summary>
/// A store that counts the calls made to it, by method name, and passes each on unchanged: evidence, without timing, of what
/// a request read. A proxy rather than a hand-written wrapper, so it follows the store's contract as that changes.
/// </summary>
public class CountingStore : DispatchProxy
{
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);
    private IProtocolStore _inner = null!;

    /// <summary><paramref name="inner"/>, counted by <paramref name="counter"/>.</summary>
    public static IProtocolStore Wrap(IProtocolStore inner, out CountingStore counter)
    {
        var proxy = Create<IProtocolStore, CountingStore>();
        counter = (CountingStore)(object)proxy;
        counter._inner = inner;
        return proxy;
    }

    /// <summary>How many times <paramref name="method"/> was called.</summary>
    public int Calls(string method) => _calls.GetValueOrDefault(method);

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        _calls.AddOrUpdate(targetMethod.Name, 1, (_, n) => n + 1);
        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is { } inner)
        {
            ExceptionDispatchInfo.Capture(inner).Throw();
            throw;
        }
    }
}
