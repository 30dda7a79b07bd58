using Sanoo.Testing;

namespace Sanoo.Storage.Tests;

/// <summary>A damaged, foreign or misplaced SQLite file is reported clearly, never silently ignored or overwritten.</summary>
[Collection("stores")]
public class SqliteFileTests(PostgresServer postgres) : StoreTestBase(postgres)
{
    [Fact]
    public async Task The_database_and_its_wal_and_shm_files_are_readable_by_their_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes only
        }
        var address = NewAddress("sqlite");
        var path = address["sqlite:".Length..];
        var log = await OpenLogAsync(address);
        await log.SubmitAsync([.. Sample.Hand.Take(10).Select(p => Submit(p))]);
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            Assert.True(File.Exists(file), file);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
        await CloseAsync(log);
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_reported()
    {
        var address = NewAddress("sqlite");
        var path = address["sqlite:".Length..];
        File.WriteAllBytes(path, [.. Enumerable.Range(0, 8192).Select(i => (byte)((i * 7) % 256))]);
        var error = await Assert.ThrowsAsync<StoreException>(() => StoreAddress.OpenAsync(address));
        Assert.Contains("is not a database", error.Message, StringComparison.Ordinal);
        Assert.Contains("restore it from a backup", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_truncated_database_is_reported_as_damaged()
    {
        var address = NewAddress("sqlite");
        var path = address["sqlite:".Length..];
        var log = await OpenLogAsync(address);
        await log.SubmitAsync([.. Sample.Hand.Take(2000).Select(p => Submit(p))]);
        await CloseAsync(log);
        Checkpoint(path);
        var length = new FileInfo(path).Length;
        using (var file = File.Open(path, FileMode.Open))
        {
            file.SetLength(length / 2);
        }
        var error = await Assert.ThrowsAsync<StoreException>(async () => await CloseAsync(await OpenLogAsync(address, withDefinition: false)));
        Assert.Matches("damaged|not a database", error.Message);
    }

    [Fact]
    public async Task Another_applications_database_is_refused_untouched()
    {
        var address = NewAddress("sqlite");
        await RawSql.ExecuteAsync(address, "CREATE TABLE customers (id INTEGER PRIMARY KEY)");
        var error = await Assert.ThrowsAsync<StoreException>(() => StoreAddress.OpenAsync(address));
        Assert.Contains("not a Sanoo store", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_address_or_missing_folder_is_explained()
    {
        var error = await Assert.ThrowsAsync<StoreException>(() => StoreAddress.OpenAsync("mysql:whatever"));
        Assert.Contains("use sqlite:PATH", error.Message, StringComparison.Ordinal);
        error = await Assert.ThrowsAsync<StoreException>(() => StoreAddress.OpenAsync("sqlite:/no/such/folder/x.db"));
        Assert.Contains("the folder /no/such/folder does not exist", error.Message, StringComparison.Ordinal);
    }

    private static void Checkpoint(string path)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        command.ExecuteNonQuery();
    }
}
