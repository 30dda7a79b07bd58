using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Sanoo.Testing;

/// <summary>Reads the real data in ../shared/data in place: .xz files through the system's xz, CSV with quotes.</summary>
public static class RealData
{
    /// <summary>A text file's lines; .xz files are decompressed on the fly with xz -dc.</summary>
    public static IEnumerable<string> Lines(params string[] path)
    {
        var file = SharedData.PathOf(path);
        if (!file.EndsWith(".xz", StringComparison.Ordinal))
        {
            foreach (var line in File.ReadLines(file))
            {
                yield return line;
            }
            yield break;
        }
        var start = new ProcessStartInfo("xz") { RedirectStandardOutput = true, StandardOutputEncoding = Encoding.UTF8 };
        start.ArgumentList.Add("-dc");
        start.ArgumentList.Add(file);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot run xz");
        while (process.StandardOutput.ReadLine() is { } line)
        {
            yield return line;
        }
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"xz -dc {file} failed ({process.ExitCode})");
        }
    }

    /// <summary>Splits one CSV line (RFC 4180 quotes; no line breaks inside fields).</summary>
    public static List<string> Fields(string line, char separator)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == separator)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }
        fields.Add(current.ToString());
        return fields;
    }

    /// <summary>One election of expected_seats.json by id.</summary>
    public static JsonElement ExpectedSeats(string id)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(SharedData.PathOf("expected_seats.json")));
        return document.RootElement.GetProperty("elections").EnumerateArray().Single(e => e.GetProperty("id").GetString() == id).Clone();
    }

    /// <summary>A JSON object of name → whole number as a dictionary.</summary>
    public static Dictionary<string, long> Numbers(JsonElement element) =>
        element.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());
}
