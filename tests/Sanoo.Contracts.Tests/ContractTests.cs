using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sanoo.Contracts.Tests;

/// <summary>The wire's records and their one context: every document round-trips, every record is immutable, every enum is a word.</summary>
public class ContractTests
{
    /// <summary>The types the context serializes at the top level, as its attributes declare them.</summary>
    private static readonly IReadOnlyList<Type> Documents = [.. typeof(WireJson).GetCustomAttributesData()
        .Where(a => a.AttributeType == typeof(JsonSerializableAttribute))
        .Select(a => (Type)a.ConstructorArguments[0].Value!)];

    public static TheoryData<int> Samples => [.. Enumerable.Range(0, ContractSamples.All.Count)];

    private static Type DocumentOf(object sample) =>
        Documents.FirstOrDefault(t => t == sample.GetType()) ?? Documents.Single(t => t.IsInstanceOfType(sample));

    [Fact]
    public void Every_document_the_context_declares_has_a_sample()
    {
        var sampled = ContractSamples.All.Select(DocumentOf).ToHashSet();
        Assert.All(Documents, t => Assert.Contains(t, sampled));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_document_round_trips_through_the_context_to_the_same_bytes(int index)
    {
        var sample = ContractSamples.All[index];
        var type = WireJson.Default.GetTypeInfo(DocumentOf(sample))!;
        var bytes = JsonSerializer.SerializeToUtf8Bytes(sample, type);
        var strict = new JsonSerializerOptions(WireJson.Default.Options) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };
        var read = JsonSerializer.Deserialize(bytes, strict.GetTypeInfo(DocumentOf(sample)));
        Assert.NotNull(read);
        Assert.Equal(Encoding.UTF8.GetString(bytes), Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(read, type)));
    }

    [Fact]
    public void Every_contract_is_an_immutable_sealed_record()
    {
        var records = typeof(WireJson).Assembly.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsAbstract && !t.IsGenericType && t != typeof(WireJson))
            .ToList();
        Assert.NotEmpty(records);
        foreach (var record in records)
        {
            Assert.True(record.IsSealed, $"{record.Name} is not sealed");
            Assert.True(record.GetMethod("<Clone>$") is not null, $"{record.Name} is not a record");
            var settable = record.GetProperties().Where(p => p.SetMethod is { IsPublic: true } set
                && !set.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit)));
            Assert.Empty(settable);
        }
    }

    [Fact]
    public void The_api_documentation_names_every_document_and_enum()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Sanoo.slnx")))
        {
            root = root.Parent ?? throw new InvalidOperationException("the repository root is not above the test's folder");
        }
        var api = File.ReadAllText(Path.Combine(root.FullName, "docs", "api.md"));
        var named = Documents.Select(t => t.IsGenericType ? t.GetGenericArguments()[0] : t)
            .Concat(typeof(WireJson).Assembly.GetExportedTypes().Where(t => t.IsEnum));
        Assert.All(named, t => Assert.Contains($"`{t.Name}`", api, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(EntryStatus.AwaitingSecond, "awaiting-second")]
    [InlineData(EntryStatus.AlreadyMatched, "already-matched")]
    [InlineData(ContestKind.PartyList, "party-list")]
    [InlineData(ContestKind.SingleMember, "single-member")]
    [InlineData(ReceiptOutcome.Accepted, "accepted")]
    [InlineData(StoredOutcome.Conflict, "conflict")]
    [InlineData(Severity.Warning, "warning")]
    [InlineData(Publication.Live, "live")]
    public void Enums_travel_as_the_words_the_api_documents(object value, string word)
    {
        Assert.Equal($"\"{word}\"", JsonSerializer.Serialize(value, WireJson.Default.GetTypeInfo(value.GetType())!));
        Assert.Equal(value, JsonSerializer.Deserialize($"\"{word}\"", WireJson.Default.GetTypeInfo(value.GetType())!));
        Assert.Equal(word, typeof(WireWords).GetMethod(nameof(WireWords.Of))!.MakeGenericMethod(value.GetType()).Invoke(null, [value]));
    }

    [Fact]
    public void Every_enum_of_the_wire_names_the_one_converter()
    {
        var enums = typeof(WireJson).Assembly.GetExportedTypes().Where(t => t.IsEnum).ToList();
        Assert.Equal(6, enums.Count);
        Assert.All(enums, e =>
            Assert.Equal(typeof(WireEnumConverter<>).MakeGenericType(e), e.GetCustomAttribute<JsonConverterAttribute>()?.ConverterType));
    }

    [Fact]
    public void An_enum_sent_as_a_number_is_refused()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("1", WireJson.Default.ReceiptOutcome));
    }

    [Fact]
    public void An_operator_submission_omits_the_signature_and_a_first_version_its_correction()
    {
        var protocol = JsonElement.Parse("{}");
        Assert.Equal("""{"protocol":{}}""", JsonSerializer.Serialize(new Submission(protocol), WireJson.Default.Submission));
        var document = new ProtocolDocument("e", "s", "c", "hand", 1, new Dictionary<string, int>(), new Dictionary<string, int>());
        Assert.DoesNotContain("correction", JsonSerializer.Serialize(document, WireJson.Default.ProtocolDocument), StringComparison.Ordinal);
    }
}
