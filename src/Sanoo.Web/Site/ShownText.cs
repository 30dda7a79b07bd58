using Sanoo.Core.Register;

namespace Sanoo.Web.Site;

/// <summary>
/// A text the commission entered (a certification's statement, a recount's reason or outcome), as a page in one language shows it:
/// the commission's translation into the page's language when it gave one (or the text itself when written in it), else the text
/// as entered, marked as such (<c>data-entered</c>) and with its language (<c>lang</c>) when the commission said which.
/// </summary>
/// <param name="Text">What the page shows.</param>
/// <param name="Lang">The language of <see cref="Text"/> when it is not the page's and is known; else null.</param>
/// <param name="Entered">Whether <see cref="Text"/> is shown as entered rather than in the page's language.</param>
public sealed record ShownText(string Text, string? Lang, bool Entered)
{
    /// <summary>What a page in <paramref name="language"/> shows of <paramref name="text"/> and its translations.</summary>
    public static ShownText Of(string text, Translations? translations, string language)
    {
        var (shown, its) = Translations.Show(text, translations, language);
        return its == language ? new ShownText(shown, null, false) : new ShownText(shown, its, true);
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}

/// <summary>The sentence of the stage that quotes the certification's statement: the words before it, the statement, the words after.</summary>
/// <param name="Before">The words before the statement.</param>
/// <param name="Statement">The statement as the page shows it.</param>
/// <param name="After">The words after it.</param>
public sealed record StageStatement(string Before, ShownText Statement, string After)
{
    /// <inheritdoc />
    public override string ToString() => Before + Statement.Text + After;
}
