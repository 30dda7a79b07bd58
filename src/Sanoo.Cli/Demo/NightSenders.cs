using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Channels;
using NSec.Cryptography;
using Sanoo.Cli.Output;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Samples.Night;
using Sanoo.Storage;
using Sanoo.Storage.Access;

namespace Sanoo.Cli.Demo;

/// <summary>
/// The night's senders: a device per station holding its own Ed25519 key, and an operator per
/// district commission with its own token, sending through the real write API as they would on
/// election night: each station's submissions in order, retried after a network error, 429 or
/// 503 until a receipt comes back.
/// </summary>
public sealed class NightSenders : IDisposable
{
    private const int Lanes = 32;
    private readonly Election _election;
    private readonly Dictionary<AreaId, Key> _keys = [];
    private readonly Dictionary<AreaId, (string First, string Second)> _tokens = [];
    private string _supervisor = "";
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = Lanes }) { Timeout = TimeSpan.FromSeconds(30) };
    private readonly NightCounters _counters;

    private NightSenders(Election election, NightCounters counters)
    {
        _election = election;
        _counters = counters;
    }

    /// <summary>Makes a key for every station and a token for every district, and enrols them in the store.</summary>
    public static async Task<NightSenders> EnrolAsync(
        Election election, IProtocolStore store, NightCounters counters, CancellationToken cancellationToken)
    {
        var senders = new NightSenders(election, counters);
        foreach (var station in election.Areas.Where(a => a.IsStation))
        {
            var key = Key.Create(SignatureAlgorithm.Ed25519);
            senders._keys[station.Id] = key;
            await store.EnrolDeviceAsync(new DeviceKey(station.Id, key.PublicKey.Export(KeyBlobFormat.RawPublicKey), DateTimeOffset.UtcNow,
                "sanoo demo"), cancellationToken);
        }
        // Two operators of the commission directly above each station enter its hand counts, each on their own
        // (a district; for stations abroad, the region); a supervisor of the central commission settles mismatches.
        async Task<string> Add(string name, OperatorRole role, string? district)
        {
            var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            await store.AddOperatorAsync(new Operator(name, role, district is null ? null : new AreaId(district),
                SHA256.HashData(Encoding.UTF8.GetBytes(token))), cancellationToken);
            return token;
        }
        foreach (var commission in election.Areas.Where(a => a.IsStation).Select(a => a.Parent!.Value).Distinct())
        {
            senders._tokens[commission] = (
                await Add($"demo-{commission}-a", OperatorRole.District, commission.Value),
                await Add($"demo-{commission}-b", OperatorRole.District, commission.Value));
        }
        senders._supervisor = await Add("demo-supervisor", OperatorRole.Admin, null);
        return senders;
    }

    /// <summary>Sends to the server at <paramref name="server"/> (known once it listens).</summary>
    public void UseServer(Uri server) => _http.BaseAddress = server;

    /// <summary>
    /// Sends the night's events when their time comes (<paramref name="clock"/> says how far the
    /// night is), each station's in order; <paramref name="impostor"/> is sent signed with another
    /// station's key, and must be refused.
    /// </summary>
    public async Task SendAsync(IReadOnlyList<NightEvent> night, Func<TimeSpan> clock, NightEvent? impostor, CancellationToken cancellationToken)
    {
        var lanes = Enumerable.Range(0, Lanes).Select(_ => Channel.CreateBounded<NightEvent>(256)).ToArray();
        var workers = lanes.Select(lane => Task.Run(() => WorkAsync(lane.Reader, impostor, cancellationToken), cancellationToken)).ToArray();
        foreach (var e in night)
        {
            while (e.At > clock())
            {
                await Task.Delay(20, cancellationToken);
            }
            var lane = _election.StationOrdinal(_election.AreaIndex(e.Protocol.Station)) % Lanes;
            await lanes[lane].Writer.WriteAsync(e, cancellationToken);
        }
        foreach (var lane in lanes)
        {
            lane.Writer.Complete();
        }
        await Task.WhenAll(workers);
    }

    private async Task WorkAsync(ChannelReader<NightEvent> lane, NightEvent? impostor, CancellationToken cancellationToken)
    {
        await foreach (var e in lane.ReadAllAsync(cancellationToken))
        {
            await SendOneAsync(e, ReferenceEquals(e, impostor), cancellationToken);
        }
    }

    private async Task SendOneAsync(NightEvent e, bool wrongKey, CancellationToken cancellationToken)
    {
        var protocol = e.Protocol;
        if (e.Kind is NightEventKind.HandCount or NightEventKind.Correction)
        {
            var (first, second) = _tokens[_election.Area(protocol.Station)!.Parent!.Value];
            // The commission's paper is scanned and uploaded first; both operators type from it, so both entries name the scan.
            protocol = await AttachScanAsync(protocol, null, first, cancellationToken);
            if (Mistyped(e) is { } typo)
            {
                // The first operator mistypes; the second types the paper's figures; the mismatch goes to the supervisor, who settles it.
                await PostAsync("/api/v1/hand-entries", protocol with { Votes = typo }, null, first, cancellationToken);
                await PostAsync("/api/v1/hand-entries", protocol, null, second, cancellationToken);
                await PostAsync("/api/v1/hand-entries", protocol, null, _supervisor, cancellationToken);
                return;
            }
            await PostAsync("/api/v1/hand-entries", protocol, null, first, cancellationToken);
            await PostAsync("/api/v1/hand-entries", protocol, null, second, cancellationToken);
            return;
        }
        var signer = wrongKey ? _keys.First(k => k.Key != protocol.Station).Value : _keys[protocol.Station];
        if (e.Kind is NightEventKind.MachineCount or NightEventKind.Retry or NightEventKind.Mistake && !wrongKey)
        {
            // The scan is drawn from the protocol alone, so a device's retry sends the same bytes again: a duplicate, counted once.
            protocol = await AttachScanAsync(protocol, signer, null, cancellationToken);
        }
        await PostAsync("/api/v1/protocols", protocol, signer, null, cancellationToken);
    }

    /// <summary>
    /// Sends the day's turnout reports when their time comes (<paramref name="clock"/> says how far the day is, before the polls
    /// close), each signed by its station's device, and reports each time once every station has sent it.
    /// </summary>
    public async Task SendTurnoutAsync(
        IReadOnlyList<TurnoutEvent> day, Func<TimeSpan> clock, Action<string> reported, CancellationToken cancellationToken)
    {
        var byTime = day.GroupBy(e => e.Time);
        foreach (var time in byTime)
        {
            var due = time.ToList();
            var next = 0;
            var sending = new List<Task>();
            while (next < due.Count)
            {
                while (next < due.Count && due[next].At <= clock())
                {
                    sending.Add(SendTurnoutAsync(due[next++], cancellationToken));
                }
                if (sending.Count >= Lanes || next == due.Count)
                {
                    await Task.WhenAll(sending);
                    sending.Clear();
                }
                else
                {
                    await Task.Delay(20, cancellationToken);
                }
            }
            reported(time.Key);
        }
    }

    private async Task SendTurnoutAsync(TurnoutEvent e, CancellationToken cancellationToken)
    {
        var report = new Core.Turnout.TurnoutReport(_election.Id, e.Station, e.Time, e.Voters);
        var body = new Contracts.TurnoutRequest(
            e.Station.Value, e.Time, e.Voters, Convert.ToBase64String(SignatureAlgorithm.Ed25519.Sign(_keys[e.Station], report.Canonical())));
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/turnout")
            {
                Content = JsonContent.Create(body, Contracts.WireJson.Default.TurnoutRequest),
            };
            try
            {
                using var response = await _http.SendAsync(request, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    _counters.Turnout();
                    return;
                }
                if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable) || attempt >= 200)
                {
                    throw new InvalidOperationException($"the server answered {(int)response.StatusCode} to the turnout of station "
                        + $"{e.Station} at {e.Time}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
                }
            }
            catch (Exception lost) when (attempt < 20 && Lost(lost, cancellationToken))
            {
            }
            _counters.Retry();
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 50 << Math.Min(attempt, 5))), cancellationToken);
        }
    }

    /// <summary>An act of the central commission's supervisor (a recount order, its outcome, the certification); returns the answer's body.</summary>
    public async Task<TAnswer> ActAsync<TRequest, TAnswer>(string path, TRequest body, JsonTypeInfo<TRequest> request, JsonTypeInfo<TAnswer> answer,
        CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, request) };
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _supervisor);
        using var response = await _http.SendAsync(message, cancellationToken);
        return response.IsSuccessStatusCode
            ? (await response.Content.ReadFromJsonAsync(answer, cancellationToken))!
            : throw new InvalidOperationException(
                $"the server answered {(int)response.StatusCode} to {path}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
    }

    /// <summary>
    /// Draws the station's paper protocol (<see cref="Samples.Paper.ProtocolScan"/>), uploads it signed by the device
    /// (<paramref name="signer"/>) or sent by the operator who scanned it (<paramref name="token"/>), and returns the protocol naming
    /// it. One station in 500 has a machine's scan whose first choice's figure differs from the typed one by ten: what an observer
    /// comparing scans with figures should find.
    /// </summary>
    private async Task<Protocol> AttachScanAsync(Protocol protocol, Key? signer, string? token, CancellationToken cancellationToken)
    {
        var ordinal = _election.StationOrdinal(_election.AreaIndex(protocol.Station));
        System.Collections.Immutable.ImmutableArray<int>? written = signer is not null && ordinal % 500 == 123 && protocol.Votes.Length > 0
            ? [.. protocol.Lines, .. protocol.Votes.SetItem(0, protocol.Votes[0] + 10)]
            : null;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var png = Samples.Paper.ProtocolScan.Draw(_election, protocol, 2021, written);
        _counters.Scan(clock.Elapsed);
        var hex = Convert.ToHexStringLower(SHA256.HashData(png));
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/images/{hex}") { Content = new ByteArrayContent(png) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            if (signer is null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
            else
            {
                request.Headers.Add(Web.Images.ImageEndpoints.StationHeader, protocol.Station.Value);
                request.Headers.Add(
                    Web.Images.ImageEndpoints.SignatureHeader, Convert.ToBase64String(SignatureAlgorithm.Ed25519.Sign(signer, png)));
            }
            try
            {
                using var response = await _http.SendAsync(request, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return protocol with { Image = new ProtocolImage([.. SHA256.HashData(png)], "image/png") };
                }
                if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable) || attempt >= 200)
                {
                    throw new InvalidOperationException($"the server answered {(int)response.StatusCode} to the scan of station "
                        + $"{protocol.Station}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
                }
            }
            catch (Exception lost) when (attempt < 20 && Lost(lost, cancellationToken))
            {
            }
            _counters.Retry();
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 50 << Math.Min(attempt, 5))), cancellationToken);
        }
    }

    /// <summary>
    /// Whether <paramref name="e"/> is a request lost on the way (a network error, or no answer within the client's time on a
    /// loaded machine) rather than the demo being stopped: such a request is sent again.
    /// </summary>
    private static bool Lost(Exception e, CancellationToken cancellationToken) =>
        e is HttpRequestException || e is TaskCanceledException && !cancellationToken.IsCancellationRequested;

    /// <summary>For about one hand count in 250, the first operator's typo: five votes typed against the neighbouring choice.</summary>
    private System.Collections.Immutable.ImmutableArray<int>? Mistyped(NightEvent e)
    {
        var votes = e.Protocol.Votes;
        if (e.Kind != NightEventKind.HandCount
            || _election.StationOrdinal(_election.AreaIndex(e.Protocol.Station)) % 250 != 7
            || votes.Length < 2
            || votes[0] < 5)
        {
            return null;
        }
        return votes.SetItem(0, votes[0] - 5).SetItem(1, votes[1] + 5);
    }

    private async Task PostAsync(string path, Protocol protocol, Key? signer, string? token, CancellationToken cancellationToken)
    {
        var canonical = ProtocolWriter.Canonical(_election, protocol);
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path);
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
            var submission = token is null ? DeviceSigning.Sign(signer!, canonical) : new Contracts.Submission(JsonElement.Parse(canonical));
            request.Content = JsonContent.Create(submission, Contracts.WireJson.Default.Submission);
            try
            {
                using var response = await _http.SendAsync(request, cancellationToken);
                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                {
                    _counters.Refusal();
                    return;
                }
                if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Conflict)
                {
                    await CountAsync(path, response, cancellationToken);
                    return;
                }
                if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable) || attempt >= 200)
                {
                    throw new InvalidOperationException(
                        $"the server answered {(int)response.StatusCode} to {path} for " +
                            $"station {protocol.Station}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
                }
            }
            catch (Exception lost) when (attempt < 20 && Lost(lost, cancellationToken))
            {
            }
            _counters.Retry();
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 50 << Math.Min(attempt, 5))), cancellationToken);
        }
    }

    /// <summary>Counts what the answer says: an entry's status (hand entries) and a receipt's outcome.</summary>
    private async Task CountAsync(string path, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (path == "/api/v1/hand-entries")
        {
            var answer = (await response.Content.ReadFromJsonAsync(Contracts.WireJson.Default.EntryAnswer, cancellationToken))!;
            _counters.Entry(Contracts.WireWords.Of(answer.Status));
            if (answer.Receipt is { } receipt)
            {
                _counters.Receipt(Contracts.WireWords.Of(receipt.Outcome));
            }
            return;
        }
        var sent = (await response.Content.ReadFromJsonAsync(Contracts.WireJson.Default.ReceiptAnswer, cancellationToken))!;
        _counters.Receipt(Contracts.WireWords.Of(sent.Receipt.Outcome));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _http.Dispose();
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }
    }
}
