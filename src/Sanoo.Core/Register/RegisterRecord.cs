using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sanoo.Core.Json;

namespace Sanoo.Core.Register;

/// <summary>
/// One record of the register: the signed log of everything, besides the protocols, that decides a published number. The
/// definition (record 1), device key enrolments and revocations, operators and their roles and revocations, every hand-count entry with
/// its commitment and the openings of a matched pair, recount orders and outcomes, certifications, the witnesses whose
/// cosignatures the server accepts and their revocations, observers' reports and answers, the stations' turnout reports through election day,
/// the risk-limiting audit's plan, rounds, recounts and results, and the word catalogs the site's pages are worded with.
/// Each record is RFC 8785 JSON (<see cref="Encode"/>), its bytes are a leaf of the
/// register's Merkle tree, and every signed tree head names that tree's size and root beside the protocol log's: a record
/// changed, dropped or slipped into the database is seen by the server at start and by any verifier.
/// </summary>
/// <param name="Sequence">Its place in the register, from 1 (record 1 is always the definition).</param>
/// <param name="LogSize">How many protocol log entries there were when it was recorded: it takes effect for the entries after.</param>
/// <param name="At">When it was recorded, to the millisecond.</param>
/// <param name="By">Who recorded it (an operator's name, or the command that did).</param>
public abstract record RegisterRecord(long Sequence, long LogSize, DateTimeOffset At, string By)
{
    /// <summary>The kind's word in the record (<c>kind</c>).</summary>
    public abstract string Kind { get; }

    /// <summary>The station the record concerns, if any (the store indexes it).</summary>
    public virtual string? Station => null;

    /// <summary>
    /// The operator (or observer, or party agent) whose act the record is, by name, if it is one (a hand entry, a recount order or
    /// outcome, a certification, a report or its answer, a turnout report an operator sent, an audit recount): the store refuses,
    /// and the verifier names, one whose operator's enrolment was revoked before it (<see cref="OperatorRevokedRecord"/>).
    /// </summary>
    public virtual string? ActingOperator => null;

    /// <summary>The record's kind-specific members.</summary>
    private protected abstract void WriteFields(JsonObject json);

    /// <summary>
    /// The record's bytes: RFC 8785 JSON with <c>kind</c>, <c>sequence</c>, <c>logSize</c>, <c>at</c>, <c>by</c> and the kind's members.
    /// </summary>
    public byte[] Encode()
    {
        var json = new JsonObject
        {
            ["kind"] = Kind,
            ["sequence"] = Sequence,
            ["logSize"] = LogSize,
            ["at"] = At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            ["by"] = By,
        };
        WriteFields(json);
        return CanonicalJson.Canonicalize(JsonSerializer.SerializeToUtf8Bytes(json, RegisterJson.Default.JsonObject));
    }

    /// <summary>The RFC 9162 leaf hash of the record in the register's tree.</summary>
    public byte[] LeafHash() => Transparency.MerkleHash.Leaf(Encode());

    /// <summary>
    /// Reads a record's bytes: well-formed RFC 8785 JSON of a known kind with every member it needs, nothing else. Throws
    /// <see cref="FormatException"/> saying what is wrong.
    /// </summary>
    public static RegisterRecord Decode(ReadOnlySpan<byte> bytes)
    {
        var canonical = CanonicalJson.Canonicalize(bytes.ToArray());
        if (!canonical.AsSpan().SequenceEqual(bytes))
        {
            throw new FormatException("a register record is not in its RFC 8785 form");
        }
        using var document = JsonDocument.Parse(canonical);
        var r = new Reader(document.RootElement);
        var sequence = r.Long("sequence");
        var logSize = r.Long("logSize");
        var at = DateTimeOffset.ParseExact(r.Text("at"), "yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        var by = r.Text("by");
        var kind = r.Text("kind");
        RegisterRecord record = kind switch
        {
            DefinitionRecord.Word => new DefinitionRecord(sequence, logSize, at, by, r.Text("election"), r.Hex("definitionSha256", 32)),
            DeviceKeyRecord.Word => new DeviceKeyRecord(sequence, logSize, at, by, r.Text("station"), r.Base64("publicKey", 32)),
            DeviceKeyRevokedRecord.Word => new DeviceKeyRevokedRecord(
                sequence, logSize, at, by, r.Text("station"), r.Base64("publicKey", 32), r.Text("reason")),
            OperatorRecord.Word => new OperatorRecord(
                sequence, logSize, at, by, r.Text("name"), r.Text("role"), r.OptionalText("district"), r.Hex("tokenSha256", 32),
                r.OptionalText("party")),
            OperatorRevokedRecord.Word => new OperatorRevokedRecord(
                sequence, logSize, at, by, r.Text("name"), r.Hex("tokenSha256", 32), r.Text("reason")),
            HandEntryRecord.Word => new HandEntryRecord(
                sequence, logSize, at, by, r.Long("entry"), r.Text("station"), r.Text("contest"), r.Text("source"), (int)r.Long("version"),
                r.Text("status"), r.Hex("commitment", 32), r.Openings(), r.OptionalHex("contentHash", 32)),
            RecountOrderRecord.Word => new RecountOrderRecord(
                sequence, logSize, at, by, r.Long("number"), r.Text("station"), r.Text("contest"), r.Text("reason"),
                r.Translations()),
            RecountOutcomeRecord.Word => new RecountOutcomeRecord(
                sequence, logSize, at, by, r.Long("number"), r.Long("recount"), r.Text("outcome"), r.Translations()),
            CertificationRecord.Word => new CertificationRecord(
                sequence, logSize, at, by, r.Long("number"), r.Long("position"), r.Text("statement"), r.Translations()),
            WitnessRecord.Word => new WitnessRecord(sequence, logSize, at, by, r.Text("name"), r.Base64("publicKey", 32)),
            WitnessRevokedRecord.Word => new WitnessRevokedRecord(
                sequence, logSize, at, by, r.Text("name"), r.Base64("publicKey", 32), r.Text("reason")),
            ReportRecord.Word => new ReportRecord(
                sequence, logSize, at, by, r.Long("number"), r.Text("station"), r.OptionalText("contest"), r.Text("what"), r.Text("text"),
                r.OptionalHex("photoSha256", 32)),
            ReportAnswerRecord.Word => new ReportAnswerRecord(
                sequence, logSize, at, by, r.Long("report"), r.Text("answer"), r.Text("reason"), r.OptionalLong("recount"),
                r.OptionalHex("protocolSha256", 32), r.Translations()),
            TurnoutRecord.Word => new TurnoutRecord(
                sequence, logSize, at, by, r.Text("station"), r.Text("time"), r.Long("voters"),
                r.OptionalText("signature") is null ? null : r.Base64("signature", 64)),
            AuditPlanRecord.Word => new AuditPlanRecord(
                sequence, logSize, at, by, r.Text("seed"), r.Text("riskLimit"), r.Text("source"), r.Texts("contests")),
            AuditRoundRecord.Word => new AuditRoundRecord(sequence, logSize, at, by, r.Long("round"), r.Texts("draws")),
            AuditRecountRecord.Word => new AuditRecountRecord(
                sequence, logSize, at, by, r.Text("station"), r.Text("contest"), r.Long("ballots"), r.Longs("votes")),
            AuditResultRecord.Word => new AuditResultRecord(sequence, logSize, at, by, r.Long("round"), r.Text("risk"), r.Text("decision")),
            WordCatalogRecord.Word => WordCatalogRecord.Of(sequence, logSize, at, by, r.Text("language"), r.Text("catalog")),
            _ => throw new FormatException($"register record {sequence} is of unknown kind '{kind}'"),
        };
        r.NoOthers(record);
        return record;
    }

    /// <summary>Reads members strictly, remembering which were read so that no unknown one slips through.</summary>
    private sealed class Reader(JsonElement root)
    {
        private readonly HashSet<string> _read = [];

        public string Text(string name) => OptionalText(name) ?? throw new FormatException($"a register record lacks '{name}'");

        public string? OptionalText(string name)
        {
            if (!root.TryGetProperty(name, out var value))
            {
                return null;
            }
            _read.Add(name);
            return value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : throw new FormatException($"a register record's '{name}' is not a string");
        }

        public long Long(string name)
        {
            _read.Add(name);
            return root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) && n >= 0
                ? n
                : throw new FormatException($"a register record's '{name}' is missing or not a whole number");
        }

        public ImmutableArray<string> Texts(string name) =>
            [.. Items(name).Select(e => e.ValueKind == JsonValueKind.String
                ? e.GetString()!
                : throw new FormatException($"a register record's '{name}' holds something other than strings"))];

        public ImmutableArray<long> Longs(string name) =>
            [.. Items(name).Select(e => e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out var n) && n >= 0
                ? n
                : throw new FormatException($"a register record's '{name}' holds something other than whole numbers"))];

        private JsonElement.ArrayEnumerator Items(string name)
        {
            _read.Add(name);
            return root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
                ? value.EnumerateArray()
                : throw new FormatException($"a register record's '{name}' is missing or not an array");
        }

        /// <summary>The optional <c>language</c> and <c>translations</c> of a record's free text (<see cref="Register.Translations"/>).</summary>
        public Translations? Translations()
        {
            var language = OptionalText("language");
            if (!root.TryGetProperty("translations", out var texts))
            {
                return language is null ? null : Of(language, []);
            }
            _read.Add("translations");
            if (texts.ValueKind != JsonValueKind.Object || !texts.EnumerateObject().Any())
            {
                throw new FormatException("a register record's 'translations' is not an object naming at least one language");
            }
            var pairs = texts.EnumerateObject().Select(t => t.Value.ValueKind == JsonValueKind.String
                ? KeyValuePair.Create(t.Name, t.Value.GetString()!)
                : throw new FormatException($"a register record's translation '{t.Name}' is not a string")).ToList();
            if (pairs.Select(p => p.Key).Distinct(StringComparer.Ordinal).Count() != pairs.Count)
            {
                throw new FormatException("a register record's 'translations' names a language twice");
            }
            return Of(language, pairs);
        }

        private static Translations? Of(string? language, IEnumerable<KeyValuePair<string, string>> texts)
        {
            try
            {
                return Register.Translations.Of(language, texts);
            }
            catch (FormatException e)
            {
                throw new FormatException($"a register record's 'translations' is wrong: {e.Message}", e);
            }
        }

        public long? OptionalLong(string name) => root.TryGetProperty(name, out _) ? Long(name) : null;

        public ImmutableArray<byte> Hex(string name, int length) =>
            OptionalHex(name, length) ?? throw new FormatException($"a register record lacks '{name}'");

        public ImmutableArray<byte>? OptionalHex(string name, int length)
        {
            if (OptionalText(name) is not { } text)
            {
                return null;
            }
            var bytes = text.Length == 2 * length && !text.Any(char.IsAsciiLetterUpper) ? TryHex(text) : null;
            return bytes is null
                ? throw new FormatException($"a register record's '{name}' is not {length} bytes of lower-case hex")
                : [.. bytes];
        }

        public ImmutableArray<byte> Base64(string name, int length)
        {
            var text = Text(name);
            try
            {
                var bytes = Convert.FromBase64String(text);
                return bytes.Length == length && Convert.ToBase64String(bytes) == text
                    ? [.. bytes]
                    : throw new FormatException($"a register record's '{name}' is not {length} bytes of base64");
            }
            catch (FormatException e)
            {
                throw new FormatException($"a register record's '{name}' is not {length} bytes of base64", e);
            }
        }

        public ImmutableArray<Opening> Openings()
        {
            if (!root.TryGetProperty("opens", out var opens))
            {
                return [];
            }
            _read.Add("opens");
            if (opens.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("a register record's 'opens' is not an array");
            }
            return [.. opens.EnumerateArray().Select(o =>
            {
                var r = new Reader(o);
                var opening = new Opening(r.Long("entry"), r.Hex("salt", Opening.SaltLength));
                r.NoOthers(null);
                return opening;
            })];
        }

        public void NoOthers(RegisterRecord? record)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("a register record is not a JSON object");
            }
            foreach (var member in root.EnumerateObject())
            {
                if (!_read.Contains(member.Name))
                {
                    throw new FormatException(
                        $"register record {record?.Sequence.ToString(CultureInfo.InvariantCulture) ?? "?"} holds an unknown member '{member.Name}'");
                }
            }
        }

        private static byte[]? TryHex(string text)
        {
            try
            {
                return Convert.FromHexString(text);
            }
            catch (FormatException)
            {
                return null;
            }
        }
    }
}

/// <summary>How a hand entry's commitment is opened once its figures are public: the entry's number and its secret salt.</summary>
/// <param name="Entry">The hand entry's number.</param>
/// <param name="Salt">The 16 random bytes hashed before its canonical bytes.</param>
public sealed record Opening(long Entry, ImmutableArray<byte> Salt)
{
    /// <summary>How many bytes a salt has.</summary>
    public const int SaltLength = 16;

    /// <summary>
    /// A hand entry's commitment: SHA-256 of the salt then the protocol's canonical bytes. Published at once, it binds the typed
    /// figures without showing them (the salt makes them unguessable from the hash) until the pair matches and the salts are opened.
    /// </summary>
    public static byte[] Commit(ReadOnlySpan<byte> salt, ReadOnlySpan<byte> canonical)
    {
        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        sha.AppendData(salt);
        sha.AppendData(canonical);
        return sha.GetHashAndReset();
    }
}

/// <summary>Record 1: the election definition the log is counted under, by the SHA-256 of its exact bytes.</summary>
public sealed record DefinitionRecord(
    long Sequence, long LogSize, DateTimeOffset At, string By, string Election, ImmutableArray<byte> DefinitionSha256)
    : RegisterRecord(Sequence, LogSize, At, By)
{
    /// <summary>The kind's word.</summary>
    public const string Word = "definition";

    /// <inheritdoc />
    public override string Kind => Word;

    private protected override void WriteFields(JsonObject json)
    {
        json["election"] = Election;
        json["definitionSha256"] = Convert.ToHexStringLower(DefinitionSha256.AsSpan());
    }
}

/// <summary>
/// A station device's Ed25519 public key, enrolled: from the next protocol log entry on it is the station's key (replacing any before).
/// </summary>
public sealed record DeviceKeyRecord(long Sequence, long LogSize, DateTimeOffset At, string By, string StationId, ImmutableArray<byte> PublicKey)
    : RegisterRecord(Sequence, LogSize, At, By)
{
    /// <summary>The kind's word.</summary>
    public const string Word = "device-key";

    /// <inheritdoc />
    public override string Kind => Word;

    /// <inheritdoc />
    public override string? Station => StationId;

    private protected override void WriteFields(JsonObject json)
    {
        json["station"] = StationId;
        json["publicKey"] = Convert.ToBase64String(PublicKey.AsSpan());
    }
}

/// <summary>A station's device key revoked (lost, stolen, compromised): from the next entry on nothing it signs is accepted.</summary>
public sealed record DeviceKeyRevokedRecord(
    long Sequence, long LogSize, DateTimeOffset At, string By, string StationId, ImmutableArray<byte> PublicKey, string Reason)
    : RegisterRecord(Sequence, LogSize, At, By)
{
    /// <summary>The kind's word.</summary>
    public const string Word = "device-key-revoked";

    /// <inheritdoc />
    public override string Kind => Word;

    /// <inheritdoc />
    public override string? Station => StationId;

    private protected override void WriteFields(JsonObject json)
    {
        json["station"] = StationId;
        json["publicKey"] = Convert.ToBase64String(PublicKey.AsSpan());
        json["reason"] = Reason;
    }
}

/// <summary>
/// Someone with a bearer token: a commission operator (role <c>district</c> or <c>admin</c>), or an accredited <c>observer</c> or
/// <c>party-agent</c> who may file reports (<see cref="ReportRecord"/>). <see cref="District"/> is the operator's district, or the
/// area (any level) an observer is accredited for (none: the whole election); <see cref="Party"/> is a party agent's choice id.
/// </summary>
public sealed record OperatorRecord(
    long Sequence, long LogSize, DateTimeOffset At, string By, string Name, string Role, string? District, ImmutableArray<byte> TokenSha256,
    string? Party = null)
    : RegisterRecord(Sequence, LogSize, At, By)
{
    /// <summary>The kind's word.</summary>
    public const string Word = "operator";

    /// <inheritdoc />
    public override string Kind => Word;

    private protected override void WriteFields(JsonObject json)
    {
        json["name"] = Name;
        json["role"] = Role;
        if (District is not null)
        {
            json["district"] = District;
        }
        json["tokenSha256"] = Convert.ToHexStringLower(TokenSha256.AsSpan());
        if (Party is not null)
        {
            json["party"] = Party;
        }
    }
}

/// <summary>
/// One operator's hand-count entry (<see cref="RegisterRecord.By"/> is the operator): its slot, what double entry made of it
/// (<c>awaiting-second</c>, <c>matched</c>, <c>mismatch</c>) and the commitment to its figures. A matched entry opens its own
/// commitment and the one it matched (<see cref="Opens"/>) and names the protocol both hold (<see cref="ContentHash"/>).
/// </summary>
public sealed record HandEntryRecord(
    long Sequence, long LogSize, DateTimeOffset At, string By, long Entry, string StationId, string Contest, string Source, int Version,
    string Status, ImmutableArray<byte> Commitment, ImmutableArray<Opening> Opens, ImmutableArray<byte>? ContentHash)
    : RegisterRecord(Sequence, LogSize, At, By)
{
    /// <summary>The kind's word.</summary>
    public const string Word = "hand-entry";

    /// <inheritdoc />
    public override string Kind => Word;

    /// <inheritdoc />
    public override string? Station => StationId;

    /// <inheritdoc />
    public override string? ActingOperator => By;

    private protected override void WriteFields(JsonObject json)
    {
        json["entry"] = Entry;
        json["station"] = StationId;
        json["contest"] = Contest;
        json["source"] = Source;
        json["version"] = Version;
        json["status"] = Status;
        json["commitment"] = Convert.ToHexStringLower(Commitment.AsSpan());
        if (!Opens.IsDefaultOrEmpty)
        {
            json["opens"] = new JsonArray([.. Opens.Select(o => (JsonNode)new JsonObject
            {
                ["entry"] = o.Entry,
                ["salt"] = Convert.ToHexStringLower(o.Salt.AsSpan()),
            })]);
        }
        if (ContentHash is { } hash)
        {
            json["contentHash"] = Convert.ToHexStringLower(hash.AsSpan());
        }
    }
}

/// <summary>A recount the commission ordered (numbered from 1 among orders).</summary>
/// <remarks><see cref="Translations"/> is the reason's language and translations (absent in records made before there were any).</remarks>
public sealed record RecountOrderRecord(
    long Sequence, long LogSize, DateTimeOffset At, string By, long Number, string StationId, string Contest, string Reason,
    Translations? Translations = null)
    : RegisterRecord(Sequence, LogSize, At, By)
{
    /// <summary>The kind's word.</summary>
    public const string Word = "recount-order";

    /// <inheritdoc />
    public override string Kind => Word;

    /// <inheritdoc />
    public override string? Station => StationId;

    /// <inheritdoc />
    public override string? ActingOperator => By;

    private protected override void WriteFields(JsonObject json)
    {
        json["number"] = Number;
        json["station"] = StationId;
        json["contest"] = Contest;
        json["reason"] = Reason;
        Register.Translations.Write(Translations, json);
    }
}

/// <summary>What a recount found (numbered among outcomes), answering order <see cref="Recount"/>.</summary>
/// <remarks><see cref="Translations"/> is the finding's language and translations (absent in records made before there were any).</remarks>
public sealed record RecountOutcomeRecord(
    long Sequence, long LogSize, DateTimeOffset At, string By, long Number, long Recount, string Outcome, Translations? Translations = null)
    : RegisterRecord(Sequence, LogSize, At, By)
{
    /// <summary>The kind's word.</summary>
    public const string Word = "recount-outcome";

    /// <inheritdoc />
    public override string Kind => Word;

    /// <inheritdoc />
    public override string? ActingOperator => By;

    private protected override void WriteFields(JsonObject json)
    {
        json["number"] = Number;
        json["recount"] = Recount;
        json["outcome"] = Outcome;
        Register.Translations.Write(Translations, json);
    }
}

/// <summary>The commission's certification of the result as it stood at protocol log position <see cref="Position"/>.</summary>
/// <remarks><see cref="Translations"/> is the statement's language and translations (absent in records made before there were any).</remarks>
public sealed record CertificationRecord(
    long Sequence, long LogSize, DateTimeOffset At, string By, long Number, long Position, string Statement, Translations? Translations = null)
    : RegisterRecord(Sequence, LogSize, At, By)
{
    /// <summary>The kind's word.</summary>
    public const string Word = "certification";

    /// <inheritdoc />
    public override string Kind => Word;

    /// <inheritdoc />
    public override string? ActingOperator => By;

    private protected override void WriteFields(JsonObject json)
    {
        json["number"] = Number;
        json["position"] = Position;
        json["statement"] = Statement;
        Register.Translations.Write(Translations, json);
    }
}

/// <summary>An independent witness whose cosignatures of tree heads the server accepts and publishes.</summary>
public sealed record WitnessRecord(long Sequence, long LogSize, DateTimeOffset At, string By, string Name, ImmutableArray<byte> PublicKey)
    : RegisterRecord(Sequence, LogSize, At, By)
{
    /// <summary>The kind's word.</summary>
    public const string Word = "witness";

    /// <inheritdoc />
    public override string Kind => Word;

    private protected override void WriteFields(JsonObject json)
    {
        json["name"] = Name;
        json["publicKey"] = Convert.ToBase64String(PublicKey.AsSpan());
    }
}
