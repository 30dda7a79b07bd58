using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Sanoo.Core.Definitions;

namespace Sanoo.Core.Tests;

/// <summary>
/// Sanoo.Core is the pure domain: it never touches the disk, the network, the console, the
/// clock or randomness, so every server and every verifier computes the same numbers. These
/// tests read the compiled assembly's metadata and hold that line.
/// </summary>
public class CorePurityTests
{
    private static readonly string[] AllowedAssemblies =
    [
        "System.Runtime", "System.Collections", "System.Collections.Immutable", "System.Linq",
        "System.Memory", "System.Text.Json", "System.Security.Cryptography", "System.Runtime.Intrinsics",
        "System.Text.Encodings.Web", "System.Runtime.InteropServices", "System.Numerics.Vectors",
    ];

    private static readonly string[] ForbiddenTypes =
    [
        "System.IO.File", "System.IO.Directory", "System.IO.FileStream", "System.IO.FileInfo", "System.IO.DirectoryInfo",
        "System.IO.StreamReader", "System.IO.StreamWriter", "System.IO.Path", "System.Console", "System.Environment",
        "System.Random", "System.Diagnostics.Process", "System.Diagnostics.Stopwatch", "System.Threading.Thread",
        "System.Threading.Timer", "System.Threading.Tasks.Task",
    ];

    private static readonly string[] ForbiddenMembers =
    [
        "System.DateTime.get_Now", "System.DateTime.get_UtcNow", "System.DateTime.get_Today",
        "System.DateTimeOffset.get_Now", "System.DateTimeOffset.get_UtcNow", "System.Guid.NewGuid",
    ];

    private static MetadataReader Read(out PEReader pe)
    {
        pe = new PEReader(File.OpenRead(typeof(Election).Assembly.Location));
        return pe.GetMetadataReader();
    }

    [Fact]
    public void Core_references_no_io_assembly()
    {
        var reader = Read(out var pe);
        using (pe)
        {
            var references = reader.AssemblyReferences.Select(h => reader.GetString(reader.GetAssemblyReference(h).Name)).ToList();
            Assert.NotEmpty(references);
            Assert.All(references, name => Assert.True(
                AllowedAssemblies.Contains(name),
                $"Sanoo.Core references {name}; the core may use only {string.Join(", ", AllowedAssemblies)}"));
        }
    }

    [Fact]
    public void Core_uses_no_file_console_clock_or_randomness()
    {
        var reader = Read(out var pe);
        using (pe)
        {
            var types = reader.TypeReferences
                .Select(h => reader.GetTypeReference(h))
                .Select(t => $"{reader.GetString(t.Namespace)}.{reader.GetString(t.Name)}")
                .ToHashSet();
            Assert.Contains("System.Collections.Immutable.ImmutableArray`1", types); // the reading works
            Assert.Empty(types.Intersect(ForbiddenTypes));
            Assert.DoesNotContain(types, t => t.StartsWith("System.Net.", StringComparison.Ordinal));
            var members = reader.MemberReferences.Select(h => reader.GetMemberReference(h))
                .Where(m => m.Parent.Kind == HandleKind.TypeReference)
                .Select(m =>
                {
                    var parent = reader.GetTypeReference((TypeReferenceHandle)m.Parent);
                    return $"{reader.GetString(parent.Namespace)}.{reader.GetString(parent.Name)}.{reader.GetString(m.Name)}";
                })
                .ToHashSet();
            Assert.Empty(members.Intersect(ForbiddenMembers));
        }
    }
}
