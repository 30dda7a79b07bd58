using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;

namespace Sanoo.Web.Site;

/// <summary>
/// A sentence of words with figures in it, each figure in an element of its own (<c>data-n="name"</c>) so that the page's own
/// check reads every figure apart, whatever order a language puts them in.
/// </summary>
public static class ShownFigures
{
    /// <summary>As the pages encode text: every script kept as it is.</summary>
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>
    /// <paramref name="format"/> (with <c>{0}</c>, <c>{1}</c> …) filled with <paramref name="figures"/>, each marked by its name.
    /// </summary>
    public static MarkupString Format(string format, params (string Name, string Text)[] figures)
    {
        var marked = figures.Select(f => $"<span data-n=\"{Html.Encode(f.Name)}\">{Html.Encode(f.Text)}</span>").ToArray<object>();
        // The words are encoded, the figures' markup kept: braces in the words are the format's own.
        return new MarkupString(string.Format(CultureInfo.InvariantCulture, Html.Encode(format), marked));
    }
}
