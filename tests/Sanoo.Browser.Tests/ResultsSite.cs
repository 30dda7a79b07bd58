using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Log;
using Sanoo.Samples.Kyrgyzstan2021;
using Sanoo.Storage;
using Sanoo.Storage.Access;
using Sanoo.Testing;
using Sanoo.Web;
using Sanoo.Web.Publishing;

namespace Sanoo.Browser.Tests;

/// <summary>
/// The kg-2021 sample part-way through election night on a real server at 127.0.0.1: every
/// machine count but three stations', the hand counts of Batken region, one protocol rejected
/// and one corrected; and Debian's Chromium under Playwright to look at it.
/// </summary>
public sealed class ResultsSite : IAsyncLifetime
{
    public const string AdminToken = "token-cec";
    public const string FirstOperatorToken = "token-d21-a";
    public const string SecondOperatorToken = "token-d21-b";
    public static readonly string[] Silent = ["s0002", "s0010", "s0011"];
    private readonly string _folder = Directory.CreateTempSubdirectory("sanoo-site-").FullName;
    private WebApplication? _app;
    private IPlaywright? _playwright;

    /// <summary>The regions' boundaries in the shared data, which the sample draws where they are.</summary>
    public const string GeometryFile = "kg_2021/geo/" + Kg2021Geography.FileName;

    /// <summary>Whether the sample has its regions' boundaries: where the shared data has them, and always in CI.</summary>
    public static bool Geographic { get; } = SharedData.SkipReason([GeometryFile]) is null;

    /// <summary>
    /// The kg-2021 sample, with its regions' boundaries from the shared data (read in place) when <see cref="Geographic"/>; without
    /// them the site draws its tile grid and every test but the map's own runs the same.
    /// </summary>
    public static GeneratedElection Sample { get; } = Kg2021Generator.Generate(
        Kg2021Generator.DefaultSeed,
        Geographic ? Kg2021Geography.Read(File.ReadAllBytes(SharedData.PathOf("kg_2021", "geo", Kg2021Geography.FileName))) : null);

    public ElectionLog Log { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public Uri Address { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go: the test output folder.</summary>
    public static string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        var store = await StoreAddress.OpenAsync("sqlite:" + Path.Combine(_folder, "sanoo.db"));
        Log = await ElectionLog.OpenAsync(store, Sample.DefinitionJson);
        await store.AddOperatorAsync(new Operator("cec", OperatorRole.Admin, null, SHA256.HashData(Encoding.UTF8.GetBytes(AdminToken))));
        await store.AddOperatorAsync(new Operator("d21-a", OperatorRole.District, new AreaId("d21"),
            SHA256.HashData(Encoding.UTF8.GetBytes(FirstOperatorToken))));
        await store.AddOperatorAsync(new Operator("d21-b", OperatorRole.District, new AreaId("d21"),
            SHA256.HashData(Encoding.UTF8.GetBytes(SecondOperatorToken))));
        var batken = Sample.Election.Areas.Where(a => a.Parent?.Value is "d01" or "d02" or "d03" or "d04" or "d05").Select(a => a.Id).ToHashSet();
        var machine = Sample.Machine.Where(p => !Silent.Contains(p.Station.Value));
        var hand = Sample.Hand.Where(p => batken.Contains(p.Station));
        await Log.SubmitAsync([.. machine.Concat(hand).Select(p => new Submission(p.Checked(Sample.Election), new Sender.File("sample")))]);
        var first = Sample.Hand.First(p => p.Station.Value == "s0001" && p.Contest.Value == "list");
        var broken = first with
        {
            Version = 2,
            Votes = first.Votes.SetItem(0, first.Votes[0] + 10),
            Correction = new Correction("typing error in line 12", "dec-01 operator"),
        };
        var fixedUp = first with { Version = 3, Correction = new Correction("figures re-entered from the paper protocol", "dec-01 supervisor") };
        var dec01 = new Sender.Operator("dec-01");
        await Log.SubmitAsync([new Submission(broken.Checked(Sample.Election), dec01), new Submission(fixedUp.Checked(Sample.Election), dec01)]);
        _app = SanooServer.Create(Log, new ServerOptions
        {
            Urls = "http://127.0.0.1:0",
            PublishInterval = TimeSpan.FromMilliseconds(50),
            PageRefresh = TimeSpan.FromMilliseconds(300),
        });
        await SanooServer.StartAsync(_app);
        Address = new Uri(_app.Urls.First());
        Client = new HttpClient { BaseAddress = Address };
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });
    }

    /// <summary>The snapshot the server publishes now.</summary>
    public Published Published => ((SnapshotPublisher)_app!.Services.GetService(typeof(SnapshotPublisher))!).Current;

    /// <summary>A service of the running server.</summary>
    public T Service<T>() where T : notnull => (T)_app!.Services.GetService(typeof(T))!;

    public Task<HttpResponseMessage> SubmitHandAsync(Protocol protocol)
    {
        var body = new { protocol = System.Text.Json.JsonDocument.Parse(ProtocolWriter.Canonical(Sample.Election, protocol)).RootElement };
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/protocols") { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AdminToken);
        return Client.SendAsync(request);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        Client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        await Log.DisposeAsync();
        await Log.Store.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class ResultsSiteGroup : ICollectionFixture<ResultsSite>
{
    public const string Name = "results site";
}
