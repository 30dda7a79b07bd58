using System.Text.Json;
using Sanoo.Contracts;
using Sanoo.Core.Definitions;

namespace Sanoo.Cli.Input;

/// <summary>
/// A file of device keys to enrol at once (<c>sanoo keys enrol --keys FILE</c>): JSON Lines, one <see cref="DeviceKey"/>
/// <c>{"station": "…", "publicKey": "…"}</c> a line, the shape <c>/api/v1/device-keys</c> lists them in. Every line is
/// held to the rules of a single enrolment: a station of the election, a 32-byte Ed25519 public key, never the
/// commission's key, never a key enrolled (now or before) for another station, or given twice in the file.
/// </summary>
public static class DeviceKeyList
{
    /// <summary>
    /// The enrolments, or every problem found (then none is to be enrolled). <paramref name="commission"/> holds the commission's
    /// public keys with where each was found, <paramref name="enrolled"/> every enrolment the store already holds.
    /// </summary>
    public static (List<Storage.Access.DeviceKey> Keys, List<string> Problems) Read(
        FileInfo file,
        Election election,
        IReadOnlyList<(string Where, byte[] Key)> commission,
        IReadOnlyList<Storage.Access.DeviceKey> enrolled,
        string by,
        DateTimeOffset now)
    {
        var keys = new List<Storage.Access.DeviceKey>();
        var problems = new List<string>();
        var holders = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var earlier in enrolled)
        {
            holders.TryAdd(Convert.ToBase64String(earlier.PublicKey), earlier.Station.Value);
        }
        var stations = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in JsonLines.Read(file.FullName))
        {
            var at = $"{file.Name}:{line.Number}";
            DeviceKey? key;
            try
            {
                key = JsonSerializer.Deserialize(line.Bytes.Span, WireJson.Default.DeviceKey);
            }
            catch (JsonException e)
            {
                problems.Add($"{at}: not a device key {{\"station\": \"ID\", \"publicKey\": \"BASE64\"}}: {e.Message}");
                continue;
            }
            if (Problem(key, election, commission) is { } problem)
            {
                problems.Add($"{at}: {problem}");
                continue;
            }
            var raw = Convert.FromBase64String(key!.PublicKey);
            var normal = Convert.ToBase64String(raw);
            if (!stations.Add(key.Station))
            {
                problems.Add($"{at}: station {key.Station} is given twice; one device key per station");
            }
            else if (holders.TryGetValue(normal, out var holder) && holder != key.Station)
            {
                problems.Add($"{at}: this public key is already enrolled or given for station {holder}; one key signs for one station only");
            }
            else
            {
                holders[normal] = key.Station;
                keys.Add(new Storage.Access.DeviceKey(new AreaId(key.Station), raw, now, by));
            }
        }
        return (keys, problems);
    }

    private static string? Problem(DeviceKey? key, Election election, IReadOnlyList<(string Where, byte[] Key)> commission)
    {
        if (key?.Station is null || key.PublicKey is null)
        {
            return "expected {\"station\": \"ID\", \"publicKey\": \"BASE64\"}";
        }
        if (!AreaId.TryParse(key.Station, out var station) || election.Area(station)?.IsStation != true)
        {
            return $"'{key.Station}' is not a station of election {election.Id}";
        }
        byte[] raw;
        try
        {
            raw = Convert.FromBase64String(key.PublicKey);
        }
        catch (FormatException)
        {
            raw = [];
        }
        if (raw.Length != 32)
        {
            return "publicKey must be a 32-byte Ed25519 public key in base64";
        }
        return commission.FirstOrDefault(c => c.Key.AsSpan().SequenceEqual(raw)) is { Where: { } where }
            ? $"this public key is the commission's (the key in {where}), which signs tree heads; a device needs a key of its own"
            : null;
    }
}
