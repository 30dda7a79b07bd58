using System.Net;
using System.Security.Cryptography;
using NSec.Cryptography;
using Sanoo.Cli.Commands;
using Sanoo.Contracts;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Core.Transparency;

namespace Sanoo.Cli.Sheets;

/// <summary>
/// Holds a sheet's payload against what a server publishes: the definition the signed tree head names, the station record's
/// version of that number, that log entry's canonical bytes (figure by figure) and signature, the entry's leaf rebuilt and
/// its inclusion proof verified against the commission-signed tree head. Every difference is named, never only counted.
/// </summary>
public static class SheetCheck
{
    /// <summary>What the check came to.</summary>
    public abstract record Outcome
    {
        private Outcome()
        {
        }

        /// <summary>The published entry says exactly what the sheet says, and the log includes it.</summary>
        /// <param name="Sequence">The entry's log position.</param>
        /// <param name="Statement">What was checked, in a sentence.</param>
        public sealed record Match(long Sequence, string Statement) : Outcome;

        /// <summary>The sheet and what is published differ, or what is published does not verify.</summary>
        /// <param name="Problems">Each difference, in a sentence naming the figure or the fact.</param>
        public sealed record Differs(IReadOnlyList<string> Problems) : Outcome;
    }

    /// <summary>Checks <paramref name="payload"/> against <paramref name="server"/>; network failures are thrown to the caller.</summary>
    internal static async Task<Outcome> CheckAsync(
        VerifyCommand.IPublished server, SheetPayload payload, string? pinnedKey, CancellationToken cancellationToken)
    {
        var p = payload.Protocol;
        var problems = new List<string>();
        var definition = await server.BytesAsync("/api/v1/definition", cancellationToken);
        if (DefinitionReader.Read(definition) is not DefinitionResult.Loaded { Election: var election })
        {
            return Differs("the definition the server publishes does not load");
        }
        if (p.Election != election.Id)
        {
            return Differs($"the sheet is of election {p.Election}; this server publishes election {election.Id}");
        }
        if (ProtocolReader.Check(election, p) is ProtocolReadResult.Invalid invalid)
        {
            return new Outcome.Differs([.. invalid.Problems.Select(x => $"the sheet's protocol does not fit the definition: {x.Path} {x.Message}")]);
        }
        var slot = $"station {p.Station}, contest {p.Contest}, source {p.Source}";
        StationRecord record;
        try
        {
            // Read before the tree head, so the head is at least as new as every version the record lists.
            record = await server.JsonAsync($"/api/v1/stations/{p.Station}", WireJson.Default.StationRecord, cancellationToken);
        }
        catch (HttpRequestException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return Differs($"the server publishes no station {p.Station}");
        }
        var count = record.Counts.FirstOrDefault(c => c.Contest == p.Contest.Value && c.Source == p.Source.Value);
        if (count?.Versions.FirstOrDefault(v => v.Version == p.Version) is not { } version)
        {
            var published = count is null ? "none" : string.Join(", ", count.Versions.Select(v => v.Version));
            return Differs($"the server publishes no version {p.Version} for {slot} (versions published: {published})");
        }
        var head = await server.JsonAsync("/api/v1/tree-head", WireJson.Default.TreeHead, cancellationToken);
        if (pinnedKey is not null && pinnedKey != head.PublicKey)
        {
            problems.Add($"the tree head names key {head.PublicKey}, not the pinned commission key {pinnedKey}");
        }
        if (!HeadSignatureOk(head, pinnedKey ?? head.PublicKey))
        {
            problems.Add($"the signature of the tree head of {head.TreeSize} entries does not verify");
        }
        if (Convert.ToHexStringLower(SHA256.HashData(definition)) != head.DefinitionSha256)
        {
            problems.Add("the definition served is not the one the signed tree head names");
        }
        var page = await server.JsonAsync($"/api/v1/entries?after={version.Sequence - 1}&limit=1", WireJson.Default.EntriesPage, cancellationToken);
        if (page.Entries is not [var entry] || entry.Sequence != version.Sequence)
        {
            return Differs([.. problems, $"the server does not serve log entry {version.Sequence}, which its station record names"]);
        }
        var canonical = Convert.FromBase64String(entry.Canonical);
        if (Convert.ToHexStringLower(SHA256.HashData(canonical)) != entry.ContentHash)
        {
            problems.Add($"log entry {entry.Sequence}'s protocol does not match its content hash");
        }
        if (ProtocolReader.Read(election, canonical) is not ProtocolReadResult.Ok { Protocol: var logged } || logged.Slot != p.Slot
            || logged.Version != p.Version)
        {
            return Differs([.. problems, $"log entry {entry.Sequence} is not a protocol of {slot}, version {p.Version}"]);
        }
        problems.AddRange(Differences(election, logged, p));
        var signature = entry.Signature.Length == 0 ? [] : Convert.FromBase64String(entry.Signature);
        var signatureNote = await CheckSignatureAsync(server, election, payload, signature, problems, cancellationToken);
        var contentHash = Convert.FromHexString(entry.ContentHash);
        var leaf = LogLeaf.Hash(entry.Sequence, entry.Station, entry.Contest, entry.Source, entry.Version, WireWords.Of(entry.Outcome),
            entry.Sender, contentHash, signature, DateTimeOffset.FromUnixTimeMilliseconds(entry.ReceivedAt));
        if (Convert.ToHexStringLower(leaf) != entry.LeafHash)
        {
            problems.Add($"log entry {entry.Sequence}'s leaf hash is not the hash of its fields");
        }
        var query = $"/api/v1/proofs/inclusion?sequence={entry.Sequence}&size={head.TreeSize}";
        var proof = (await server.JsonAsync(query, WireJson.Default.InclusionProof, cancellationToken)).Proof.Select(Convert.FromHexString).ToList();
        if (!MerkleProof.VerifyInclusion(entry.Sequence - 1, head.TreeSize, leaf, proof, Convert.FromHexString(head.RootHash)))
        {
            problems.Add($"the inclusion proof of entry {entry.Sequence} does not lead to the signed root of {head.TreeSize} entries");
        }
        if (problems.Count > 0)
        {
            return new Outcome.Differs(problems);
        }
        var counted = count.CountedVersion == p.Version ? "the version counted now"
            : count.CountedVersion is { } now ? $"NOT the version counted now (version {now} is)" : "not counted";
        var plan = election.Contest(p.Contest)!;
        return new Outcome.Match(entry.Sequence, $"the sheet of {slot}, version {p.Version} is exactly log entry {entry.Sequence} "
            + $"(published as {WireWords.Of(entry.Outcome)}, {counted}): its {plan.Form.Lines.Length} lines and {plan.Choices.Length} choices"
            + $"{signatureNote}; included at position {entry.Sequence} in the commission-signed tree head of {head.TreeSize} entries "
            + $"(root {head.RootHash[..16]}…) by a verified inclusion proof of {proof.Count} hashes.");
    }

    /// <summary>Each line and choice (and the correction) on which the sheet differs from the published protocol, by name.</summary>
    internal static IEnumerable<string> Differences(Election election, Protocol published, Protocol sheet)
    {
        var plan = election.Contest(published.Contest)!;
        for (var i = 0; i < plan.Form.Lines.Length; i++)
        {
            if (published.Lines[i] != sheet.Lines[i])
            {
                var line = plan.Form.Lines[i];
                yield return $"line {line.Id} ({line.Name.In("en")}): published {published.Lines[i]}, sheet {sheet.Lines[i]}";
            }
        }
        for (var i = 0; i < plan.Choices.Length; i++)
        {
            if (published.Votes[i] != sheet.Votes[i])
            {
                var choice = plan.Choices[i];
                yield return $"choice {choice.Id} ({choice.Name.In("en")}): published {published.Votes[i]}, sheet {sheet.Votes[i]}";
            }
        }
        if (!Equals(published.Correction, sheet.Correction))
        {
            yield return "the correction's reason or author differs from the one published";
        }
    }

    /// <summary>
    /// Holds the sheet's signature to the published one and, when there is one, verifies it over the canonical bytes rebuilt from
    /// the sheet with a key the server lists as enrolled for the station. Returns what to say on a match.
    /// </summary>
    private static async Task<string> CheckSignatureAsync(
        VerifyCommand.IPublished server, Election election, SheetPayload payload, byte[] published, List<string> problems,
        CancellationToken cancellationToken)
    {
        var sheet = payload.Signature.IsDefault ? [] : payload.Signature.AsSpan().ToArray();
        if (!sheet.AsSpan().SequenceEqual(published))
        {
            problems.Add(sheet.Length == 0 ? "the published entry carries a device signature; the sheet carries none"
                : published.Length == 0 ? "the sheet carries a device signature; the published entry carries none"
                : "the device signature on the sheet is not the one published");
            return "";
        }
        if (sheet.Length == 0)
        {
            return " (the source is not device-signed)";
        }
        var canonical = ProtocolWriter.Canonical(election, payload.Protocol);
        var station = payload.Protocol.Station.Value;
        var keys = await server.JsonAsync("/api/v1/keys", WireJson.Default.DeviceKeys, cancellationToken);
        var enrolled = keys.Enrolments.Where(k => k.Station == station).Select(k => k.PublicKey).Distinct().ToList();
        foreach (var key in enrolled)
        {
            if (PublicKey.TryImport(SignatureAlgorithm.Ed25519, Convert.FromBase64String(key), KeyBlobFormat.RawPublicKey, out var publicKey)
                && SignatureAlgorithm.Ed25519.Verify(publicKey!, canonical, sheet))
            {
                return $", and its device signature, verified over the rebuilt canonical bytes with station {station}'s enrolled key";
            }
        }
        problems.Add($"the device signature does not verify over the sheet's figures with any key enrolled for station {station} "
            + $"({enrolled.Count} enrolled)");
        return "";
    }

    private static bool HeadSignatureOk(Contracts.TreeHead head, string publicKey)
    {
        try
        {
            return Web.Publishing.CommissionKey.Verify(Web.PublicApi.TransparencyJson.Head(head), Convert.FromBase64String(publicKey));
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static Outcome.Differs Differs(params string[] problems) => new(problems);
}
