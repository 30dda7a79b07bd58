using System.Collections.Immutable;
using Microsoft.Data.Sqlite;
using Sanoo.Storage.Log;

namespace Sanoo.Storage.Sqlite;

/// <summary>How a <see cref="LogEntry"/> maps to the <c>protocol_version</c> table in SQLite.</summary>
internal static class SqliteEntries
{
    private const string Columns = LogEntryColumns.List;

    public static string Select(bool withCanonical) => $"SELECT {Columns}{(withCanonical ? ", canonical" : "")} FROM protocol_version";

    public static LogEntry Read(SqliteDataReader r, bool withCanonical) => LogEntryColumns.Read(r, withCanonical);

    public static void PrepareInsert(SqliteCommand insert)
    {
        insert.CommandText = "INSERT INTO protocol_version (seq, station, contest, source, version, outcome, content_sha256, canonical, figures, correction_reason, correction_author, sender, received_at, violations, device_signature) " +
            "VALUES ($seq, $station, $contest, $source, $version, $outcome, $hash, $canonical, $figures, $reason, $author, $sender, $at, $violations, $signature)";
        foreach (var name in new[] { "$seq", "$station", "$contest", "$source", "$version", "$outcome", "$hash", "$canonical", "$figures", "$reason", "$author", "$sender", "$at", "$violations", "$signature" })
        {
            insert.Parameters.Add(new SqliteParameter(name, null));
        }
    }

    public static void Bind(SqliteCommand insert, LogEntry e)
    {
        var p = insert.Parameters;
        p["$seq"].Value = e.Sequence;
        p["$station"].Value = e.Station.Value;
        p["$contest"].Value = e.Contest.Value;
        p["$source"].Value = e.Source.Value;
        p["$version"].Value = e.Version;
        p["$outcome"].Value = OutcomeText.Of(e.Outcome);
        p["$hash"].Value = e.ContentHash.ToArray();
        p["$canonical"].Value = e.Canonical.ToArray();
        p["$figures"].Value = FiguresBytes(e.Figures);
        p["$reason"].Value = (object?)e.CorrectionReason ?? DBNull.Value;
        p["$author"].Value = (object?)e.CorrectionAuthor ?? DBNull.Value;
        p["$sender"].Value = e.Sender;
        p["$at"].Value = e.ReceivedAt.ToUnixTimeMilliseconds();
        p["$violations"].Value = (object?)e.Violations ?? DBNull.Value;
        p["$signature"].Value = e.Signature.IsDefaultOrEmpty ? DBNull.Value : e.Signature.ToArray();
    }

    private static byte[] FiguresBytes(ImmutableArray<int> figures) => Figures.Encode(figures.AsSpan(), []);
}
