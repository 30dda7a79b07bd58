using Sanoo.Web.Catalogs;

namespace Sanoo.Web.Site;

/// <summary>The words of the operators' entry form and the supervisor's queue, in one language.</summary>
public sealed record EntryWords(
    string Title,
    string Intro,
    string Token,
    string TokenHelp,
    string StationPrompt,
    string Open,
    string Version,
    string CorrectionReason,
    string CorrectionAuthor,
    string Checks,
    string Submit,
    string Queue,
    string QueueIntro,
    string Load,
    string NoneWaiting,
    string Pending,
    string Awaiting,
    string Matched,
    string Mismatch,
    string Repeat,
    string AlreadyMatched)
{
    /// <summary>The words in <paramref name="language"/>, from its catalog (<see cref="WordCatalogs"/>).</summary>
    public static EntryWords For(string language) => WordCatalogs.For<EntryWords>(language);
}
