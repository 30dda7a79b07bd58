using Sanoo.Web.Catalogs;

namespace Sanoo.Web.Site;

/// <summary>
/// The words of the "how to check these numbers" page, in one language. The terms (protocol, polling station, commission) follow the
/// terminology research; the sentences are proposals.
/// </summary>
/// <param name="Title">The page's heading and the header link.</param>
/// <param name="Intro">Why anyone can check, in two sentences.</param>
/// <param name="KeyHeading">The heading of the commission's key.</param>
/// <param name="KeyText">What the key is and how to trust it.</param>
/// <param name="NoKey">Said when the copy carries no key.</param>
/// <param name="HeadHeading">The heading of the log's current state.</param>
/// <param name="HeadFormat">{0} protocol versions, {1} root, {2} register records, {3} register root, {4} time (UTC).</param>
/// <param name="Witnesses">Independent witnesses who cosigned it; {0} their names.</param>
/// <param name="NoWitness">Said when no witness has cosigned it.</param>
/// <param name="StepsHeading">The heading of the commands.</param>
/// <param name="Install">How to get the verifier.</param>
/// <param name="Verify">What <c>sanoo verify</c> does.</param>
/// <param name="Follow">What <c>--follow</c> adds.</param>
/// <param name="Sheet">What <c>sanoo check-sheet</c> does.</param>
/// <param name="Url">What URL stands for in the commands.</param>
/// <param name="DataHeading">The heading of the open data.</param>
/// <param name="Data">Where the raw data is.</param>
/// <param name="LimitsHeading">The heading of what a check proves.</param>
/// <param name="Limits">What a check proves and what it does not.</param>
public sealed record VerifyPageWords(
    string Title, string Intro, string KeyHeading, string KeyText, string NoKey, string HeadHeading, string HeadFormat, string Witnesses,
    string NoWitness, string StepsHeading, string Install, string Verify, string Follow, string Sheet, string Url, string DataHeading,
    string Data, string LimitsHeading, string Limits)
{
    /// <summary>The words in <paramref name="language"/>, from its catalog (<see cref="WordCatalogs"/>).</summary>
    public static VerifyPageWords For(string language) => WordCatalogs.For<VerifyPageWords>(language);
}
