using System.Security.Cryptography;
using Sanoo.Storage.Images;
using Sanoo.Testing;

namespace Sanoo.Storage.Tests;

/// <summary>Protocol images in either backend: content-addressed, stored once, never replaced; in PostgreSQL append-only.</summary>
[Collection("stores")]
public class ImageStoreTests(PostgresServer postgres) : StoreTestBase(postgres)
{
    private static StoredImage Image(byte fill)
    {
        var bytes = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, fill, fill, fill };
        return new StoredImage(SHA256.HashData(bytes), "image/png", bytes);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task An_image_is_stored_once_under_its_hash_read_back_after_a_reopen_and_never_replaced(string backend)
    {
        var address = NewAddress(backend);
        var log = await OpenLogAsync(address);
        var image = Image(1);
        Assert.True(await log.PutImageAsync(image));
        Assert.False(await log.PutImageAsync(image with { Bytes = [.. image.Bytes, 9] }));
        Assert.Null(await log.ImageAsync(Image(2).Sha256));
        await CloseAsync(log);

        var reopened = await OpenLogAsync(address, withDefinition: false);
        var read = await reopened.ImageAsync(image.Sha256);
        Assert.NotNull(read);
        Assert.Equal(image.Bytes, read.Bytes);
        Assert.Equal("image/png", read.MediaType);
        await CloseAsync(reopened);
        if (backend == "sqlite")
        {
            var hex = Convert.ToHexStringLower(image.Sha256);
            Assert.True(File.Exists(Path.Combine(address["sqlite:".Length..] + ".images", hex[..2], hex[2..])));
        }
    }

    [Fact]
    public async Task A_stored_image_row_cannot_be_updated_or_deleted_in_postgres()
    {
        var address = NewAddress("postgres");
        var log = await OpenLogAsync(address);
        var image = Image(3);
        await log.PutImageAsync(image);
        await CloseAsync(log);
        var hex = Convert.ToHexStringLower(image.Sha256);
        var update = await Assert.ThrowsAnyAsync<Exception>(() =>
            RawSql.ExecuteAsync(address, $"UPDATE protocol_image SET bytes = '\\x00' WHERE sha256 = '\\x{hex}'"));
        Assert.Contains("append-only", update.Message, StringComparison.OrdinalIgnoreCase);
        await Assert.ThrowsAnyAsync<Exception>(() => RawSql.ExecuteAsync(address, "DELETE FROM protocol_image"));
    }
}
