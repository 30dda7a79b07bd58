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
/// page; a published folder is always read whole.
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

    /// <summary>The slice of the page at <paramref name="path"/>: the round of each <see cref="Rounds"/> that reads it.</summary>
    internal int Slice(string path) =>
        (int)(BinaryPrimitives.ReadUInt32BigEndian(HMACSHA256.HashData(_key ?? [], Encoding.UTF8.GetBytes(path))) % Rounds);
}
