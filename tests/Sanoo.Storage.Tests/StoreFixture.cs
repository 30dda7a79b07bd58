using Sanoo.Log;
using Sanoo.Samples.Kyrgyzstan2021;
using Sanoo.Testing;

namespace Sanoo.Storage.Tests;

[CollectionDefinition("stores")]
public sealed class StoresDefinition : ICollectionFixture<PostgresServer>;

/// <summary>Fresh stores of either backend for the contract tests, and the kg-2021 sample to fill them.</summary>
public abstract class StoreTestBase(PostgresServer postgres) : IDisposable
{
    private readonly List<string> _files = [];

    public static TheoryData<string> Backends => new() { "sqlite", "postgres" };

    protected static GeneratedElection Sample => SampleCache.Value;

    private static readonly Lazy<GeneratedElection> SampleCache = new(() => Kg2021Generator.Generate());

    protected PostgresServer Postgres => postgres;

    /// <summary>The address of a new, empty store.</summary>
    protected string NewAddress(string backend)
    {
        if (backend == "postgres")
        {
            return "postgres:" + postgres.NewDatabase();
        }
        var file = Path.Combine(Path.GetTempPath(), $"sanoo-test-{Guid.NewGuid():N}.db");
        _files.Add(file);
        return "sqlite:" + file;
    }

    protected static async Task<ElectionLog> OpenLogAsync(string address, bool withDefinition = true, TimeProvider? time = null)
    {
        var store = await StoreAddress.OpenAsync(address);
        return await ElectionLog.OpenAsync(store, withDefinition ? Sample.DefinitionJson : null, time);
    }

    protected static async Task CloseAsync(ElectionLog log)
    {
        await log.DisposeAsync();
        await log.Store.DisposeAsync();
    }

    protected static Submission Submit(Core.Protocols.Protocol protocol, string sender = "test") =>
        new(protocol.Checked(Sample.Election), Sender.Parse(sender));

    public void Dispose()
    {
        foreach (var file in _files)
        {
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        }
        GC.SuppressFinalize(this);
    }
}
