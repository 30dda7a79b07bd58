using System.Diagnostics;
using System.IO.Compression;
using Sanoo.Web.Publishing;

namespace Sanoo.Bench;

/// <summary>
/// What <c>sanoo publish</c> spends besides rendering, measured apart (bench/publish.sh): the compressed copies of a published
/// folder's files at each gzip level and Brotli quality (bytes against CPU), and the manifest of a folder of N stations (writing,
/// reading, and what a refresh of 1,000 stations computes from it).
/// </summary>
public static class PublishBenchmark
{
    /// <summary>
    /// The copies of up to <paramref name="files"/> text files of each kind under <paramref name="folder"/> (a station's page, its
    /// CSV and JSON, its entries, the pages above the stations, the files of the whole election), at each level: bytes and CPU.
    /// </summary>
    public static int Copies(string folder, int files)
    {
        var kinds = new (string Kind, Func<string, bool> Is)[]
        {
            ("station page", f => f.Contains("/station/", StringComparison.Ordinal) && f.EndsWith(".html", StringComparison.Ordinal)),
            ("station csv/json", f => f.Contains("/station/", StringComparison.Ordinal) && !f.EndsWith(".html", StringComparison.Ordinal)),
            ("station entries", f => f.Contains("/area-entries/", StringComparison.Ordinal)),
            ("pages above", f => f.Contains("/area/", StringComparison.Ordinal)),
            ("whole election", f => f.EndsWith("protocols.csv", StringComparison.Ordinal) || f.Contains("/export/", StringComparison.Ordinal)),
        };
        var all = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => PublishedFolder.IsText(f) && !new FileInfo(f).Attributes.HasFlag(FileAttributes.ReparsePoint))
            .Select(f => f[folder.Length..].Replace('\\', '/'))
            .ToList();
        Console.WriteLine("kind, files, identity bytes each; then per level: bytes each, CPU µs each (the process's, one thread compressing)");
        foreach (var (kind, isKind) in kinds)
        {
            var sample = all.Where(isKind).Take(files).Select(f => File.ReadAllBytes(folder + f)).ToList();
            if (sample.Count == 0)
            {
                continue;
            }
            Console.WriteLine($"{kind}: {sample.Count} files, {sample.Average(s => s.Length):0} bytes each");
            var optimal = CompressionLevel.Optimal;
            foreach (var level in new[] { optimal, CompressionLevel.SmallestSize, optimal, CompressionLevel.SmallestSize })
            {
                Measure($"gzip {level}", sample, s => Encodings.Gzip(s, level).Length);
            }
            // Each quality twice, the first run warming up (the first compressions of a process cost more).
            foreach (var quality in new[] { 5, 6, 9, 5, 6, 9 })
            {
                Measure($"brotli {quality}", sample, s => Encodings.Brotli(s, quality).Length);
            }
        }
        return 0;
    }

    private static void Measure(string what, List<byte[]> sample, Func<byte[], int> compress)
    {
        compress(sample[0]);
        var cpu = ThreadCpu();
        long bytes = 0;
        foreach (var file in sample)
        {
            bytes += compress(file);
        }
        var spent = ThreadCpu() - cpu;
        Console.WriteLine(FormattableString.Invariant(
            $"  {what,-18} {bytes / (double)sample.Count,10:0} bytes {spent.TotalMicroseconds / sample.Count,10:0} µs CPU"));
    }

    /// <summary>
    /// A manifest of <paramref name="stations"/> stations (ids as <c>sanoo generate synthetic</c> names them, one flagged in a
    /// hundred, the pages made at two snapshots), written and read back, and what a refresh of 1,000 stations computes from it.
    /// </summary>
    public static int Manifest(int stations)
    {
        var ids = Enumerable.Range(0, stations).Select(i => $"s{i:D7}").ToList();
        var areas = Enumerable.Range(0, stations / 700 + 1).Select(i => $"d{i:D4}").ToList();
        IReadOnlyList<string> none = [];
        var earlier = new PublishManifest(
            stations,
            "frame",
            true,
            ["en"],
            ["index.html", "data.csv", "data.json"],
            [.. Enumerable.Range(0, stations / 1000 + 20).Select(i => $"/api/v1/entries/{i}.json")],
            areas.ToDictionary(a => a, a => (IReadOnlyList<string>)[$"/en/area/{a}/index.html", $"/api/v1/results/{a}.json"]),
            ids.ToDictionary(s => s, _ => none, StringComparer.Ordinal),
            ids.Where((_, i) => i % 100 == 0).ToDictionary(s => s, _ => "0123456789abcdef0123456789abcdef", StringComparer.Ordinal),
            ["/api/v1/area-entries/{station}.json"],
            (stations, DateTimeOffset.UnixEpoch),
            new Dictionary<long, IReadOnlyList<string>> { [stations - 5] = [.. ids.Take(1000)], [stations] = [.. ids.Skip(1000), .. areas] });
        var folder = Directory.CreateTempSubdirectory("sanoo-manifest-").FullName;
        try
        {
            Do("write", () => File.WriteAllBytes(Path.Combine(folder, PublishManifest.FileName), earlier.ToBytes()));
            Console.WriteLine($"  manifest: {new FileInfo(Path.Combine(folder, PublishManifest.FileName)).Length:N0} bytes");
            var read = Step("read", () => PublishManifest.Read(folder).Manifest!);
            var changed = ids.Skip(stations / 2).Take(1000).Concat(areas.Take(700)).ToHashSet(StringComparer.Ordinal);
            var made = Step("made after a refresh of 1,000 stations", () => read.MadeAfter(stations + 1000, changed));
            var now = read with { Snapshot = stations + 1000, Made = made };
            Step("files no longer listed", () => now.NoLongerListed(read).Count());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        return 0;

        static T Step<T>(string what, Func<T> step)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var result = step();
            Console.WriteLine(FormattableString.Invariant(
                $"  {what}: {clock.Elapsed.TotalSeconds:0.000} s wall, {
                    (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0.000} s CPU"));
            return result;
        }

        static int Do(string what, Action step) => Step(what, () =>
        {
            step();
            return 0;
        });
    }

    private static TimeSpan ThreadCpu() => Process.GetCurrentProcess().TotalProcessorTime;
}
