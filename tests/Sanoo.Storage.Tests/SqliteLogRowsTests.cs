using Microsoft.Data.Sqlite;
using Sanoo.Storage.Log;
using Sanoo.Storage.Sql;
using Sanoo.Storage.Sqlite;
using Sanoo.Testing;

namespace Sanoo.Storage.Tests;

/// <summary>The log's rows read from SQLite through its own statement (a restart reads a million) are those ADO.NET's reader gives.</summary>
[Collection("stores")]
public sealed class SqliteLogRowsTests(PostgresServer postgres) : StoreTestBase(postgres)
{
    [Fact]
    public async Task The_rows_read_through_SQLites_own_statement_are_those_the_ADO_NET_reader_gives()
    {
        var address = NewAddress("sqlite");
        var log = await OpenLogAsync(address);
        await log.SubmitAsync([.. Sample.Hand.Take(20).Select(p => Submit(p, "operator:first"))]);
        await log.SubmitAsync([.. Sample.Hand.Skip(20).Take(20).Select(p => Submit(p, "operator:second"))]);
        await CloseAsync(log);
        // Every column with a value in some row: a correction, broken relations and a signature, as a tamperer might write them.
        await RawSql.ExecuteAsync(
            address,
            "DROP TRIGGER protocol_version_append_only_update; "
            + "UPDATE protocol_version SET correction_reason = 'a recount', correction_author = 'Ayşe', violations = '[\"x\"]' WHERE seq = 3; "
            + "UPDATE protocol_version SET device_signature = x'0102ff' WHERE seq = 4");
        var path = address["sqlite:".Length..];
        await using var dialect = SqliteDialect.Open(path);
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        foreach (var withCanonical in new[] { false, true })
        {
            var sql = ProtocolVersionRows.SelectAfter(withCanonical);
            var ado = (await new SqlSession(dialect, connection).QueryAsync(sql, r => LogEntryColumns.Read(r, withCanonical), [2L], default))
                .Select(Text).ToList();
            var own = SqliteLogRows.Read(connection, sql, 2, withCanonical).Select(Text).ToList();
            Assert.Equal(38, own.Count);
            Assert.Equal(ado, own);
            Assert.Contains(
                own, row => row.Contains("|a recount|Ayşe|", StringComparison.Ordinal) && row.Contains("|[\"x\"]|", StringComparison.Ordinal));
            Assert.EndsWith("|0102FF", own[1], StringComparison.Ordinal);
            Assert.Equal(2, own.Select(row => row.Split('|')[11]).Distinct().Count()); // the two senders, each read as it is
        }
        await using var store = await StoreAddress.OpenAsync(address);
        var read = await store.ReadAsync(2, withCanonical: true).Select(Text).ToListAsync();
        var expected = (await new SqlSession(dialect, connection)
            .QueryAsync(ProtocolVersionRows.SelectAfter(true), r => LogEntryColumns.Read(r, true), [2L], default)).Select(Text);
        Assert.Equal(expected, read);
    }

    /// <summary>Every field of an entry, in one line.</summary>
    private static string Text(LogEntry e) => string.Join(
        "|",
        e.Sequence, e.Station, e.Contest, e.Source, e.Version, e.Outcome, Convert.ToHexString(e.ContentHash.AsSpan()),
        Convert.ToHexString(e.Canonical.AsSpan()), string.Join(",", e.Figures), e.CorrectionReason ?? "-", e.CorrectionAuthor ?? "-", e.Sender,
        e.ReceivedAt.ToUnixTimeMilliseconds(), e.Violations ?? "-", Convert.ToHexString(e.Signature.AsSpan()));
}
