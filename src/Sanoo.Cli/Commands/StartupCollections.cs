using System.Runtime;

namespace Sanoo.Cli.Commands;

/// <summary>
/// While a server opens its store (a million counted versions and the definition's areas kept, nothing released), the collector's
/// full collections only trace what stays: <see cref="GCLatencyMode.LowLatency"/> puts them off until the first snapshot is out
/// (docs/performance.md, the reopen). Younger generations are collected as always, and memory running low still collects fully. The
/// mode is the process's: the first opening sets it and the last one done (or failed) puts back the mode found.
/// </summary>
internal sealed class StartupCollections : IDisposable
{
    private static readonly Lock Gate = new();
    private static int _opening;
    private static GCLatencyMode _found;
    private bool _disposed;

    public StartupCollections()
    {
        lock (Gate)
        {
            if (_opening++ == 0)
            {
                _found = GCSettings.LatencyMode;
                GCSettings.LatencyMode = GCLatencyMode.LowLatency;
            }
        }
    }

    public void Dispose()
    {
        lock (Gate)
        {
            if (!_disposed && --_opening == 0)
            {
                GCSettings.LatencyMode = _found;
            }
            _disposed = true;
        }
    }
}
