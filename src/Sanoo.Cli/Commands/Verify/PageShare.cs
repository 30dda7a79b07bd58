using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// Which of a live server's lowest area pages (the districts, and the areas of a grouping: the pages just above the stations) a
/// round of <c>sanoo verify --url</c> holds to the HTML it renders itself; every page above them is held every round. Rendering a
/// district's page in every language is most of what the check costs the server and the verifier (a million stations: some 1,400
/// districts of 700 stations, two pages each in every language), so each round reads a share of them:
/// <list type="bullet">
/// <item>the pages are dealt into <see cref="Rounds"/> slices by a keyed hash of their path, the key drawn from the operating
/// system's random generator when the verifier starts and never shown: round <c>r</c> reads slice <c>r</c> mod <see cref="Rounds"/>,
/// so <c>--follow</c> reads every page once in each <see cref="Rounds"/> rounds;</item>
/// <item>and each page besides with a chance of one in <see cref="Rounds"/>, drawn afresh each round: a page read in this round is
/// not thereby safe from the next ones.</item>
/// </list>
/// Neither can be told from the tree head, the log or the requests of earlier rounds, so an insider who alters a page the verifier
/// happens not to read this round cannot know that it will not be read the next. <see cref="All"/> (<c>--pages all</c>) reads every
/// page.
/// <para>
/// A published folder is read from a disk, not rendered by a server for the request, and is not read again and again as a live
/// server is by <c>--follow</c>: its lowest pages' HTML is a random sample bounding the verifier's own cost
/// (<see cref="ReadsLowestInFolder"/>), every one up to <see cref="SampledLowestPages"/> pages and about as many above (a district's
/// page of a million stations' election lists some 700 stations and costs some 10 ms of a core to render and compare: 2,880 of them
/// took half a minute of the verifier's two cores). Their data is read whole every round, as every page above them.
/// </para>
/// <para>
/// The stations' pages (a published folder's: a live server renders each from the snapshot the verifier holds it to) are a random
/// sample (<see cref="ReadsStation"/>): every one in an election of at most <see cref="SampledStations"/> stations, and above that
/// each with a chance of <see cref="SampledStations"/> in the stations' number, drawn afresh for each station each round, so some
/// <see cref="SampledStations"/> a round whatever the election's size. Holding a station's pages costs some 0.5 ms of a core a
/// language (its page rendered, its data and its entries read), some five minutes of two cores at a million stations in three
/// languages; the sample bounds it to seconds, and says the same of the pages as an audit does: a tenth of a percent of a million
/// stations' pages changed is found with a chance of 1 − 0.999^10,000, above 99.99 %. Every figure they show is besides re-added
/// into the area pages' data, held whole, and a reader's page checks itself against the log.
/// </para>
/// </summary>
internal sealed class PageShare
{
    /// <summary>The rounds in which <c>--follow</c> reads every lowest page at least once.</summary>
    public const int Rounds = 16;

    private readonly byte[]? _key;

    private PageShare(byte[]? key) => _key = key;

    /// <summary>A share of the lowest pages each round, dealt by a key of its own.</summary>
    public static PageShare Random() => new(RandomNumberGenerator.GetBytes(32));

    /// <summary>Every page, every round (<c>--pages all</c>).</summary>
    public static PageShare All { get; } = new(null);

    /// <summary>Whether every page is read every round.</summary>
    public bool Whole => _key is null;

    /// <summary>Whether round <paramref name="round"/> (0 for the first) reads the lowest page at <paramref name="path"/>.</summary>
    public bool Reads(int round, string path) =>
        _key is null || Slice(path) == round % Rounds || RandomNumberGenerator.GetInt32(Rounds) == 0;

    /// <summary>How many stations' pages a round of a folder's check holds at most on average: every one up to this many stations.</summary>
    public const int SampledStations = 10_000;

    /// <summary>
    /// Whether this round holds a station's pages, in an election of <paramref name="stations"/> stations: always when every page is
    /// read or there are at most <see cref="SampledStations"/>, otherwise with a chance of <see cref="SampledStations"/> in
    /// <paramref name="stations"/>, drawn afresh each time asked.
    /// </summary>
    public bool ReadsStation(int stations) => ReadsSampled(stations, SampledStations);

    /// <summary>How many of a folder's lowest area pages' HTML (the districts', in every language and order) a round holds at most on
    /// average: every one up to this many.</summary>
    public const int SampledLowestPages = 1_000;

    /// <summary>
    /// Whether this round holds the HTML of one of a folder's <paramref name="pages"/> lowest area pages: always when every page is read
    /// or there are at most <see cref="SampledLowestPages"/>, otherwise with a chance of <see cref="SampledLowestPages"/> in
    /// <paramref name="pages"/>, drawn afresh each time asked.
    /// </summary>
    public bool ReadsLowestInFolder(int pages) => ReadsSampled(pages, SampledLowestPages);

    private bool ReadsSampled(int count, int sample) => _key is null || count <= sample || RandomNumberGenerator.GetInt32(count) < sample;

    /// <summary>The slice of the page at <paramref name="path"/>: the round of each <see cref="Rounds"/> that reads it.</summary>
    internal int Slice(string path) =>
        (int)(BinaryPrimitives.ReadUInt32BigEndian(HMACSHA256.HashData(_key ?? [], Encoding.UTF8.GetBytes(path))) % Rounds);
}
