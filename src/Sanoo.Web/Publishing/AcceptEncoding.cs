using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace Sanoo.Web.Publishing;

/// <summary>
/// Which coding a request's <c>Accept-Encoding</c> asks for (RFC 9110 §12.5.3): of Brotli, gzip and identity, the acceptable one of
/// the highest weight, Brotli before gzip before identity at equal weight. A coding of weight 0 is refused; <c>*</c> weighs every
/// coding the header does not name; <c>x-gzip</c> is gzip; a malformed element is ignored. Identity not named is acceptable below
/// any coding, unless <c>*;q=0</c> refuses it. Without the header, or when every coding is refused, the answer is identity: a server
/// may always send it.
/// </summary>
public static class AcceptEncoding
{
    private enum Named
    {
        Other,
        Brotli,
        Gzip,
        Identity,
        Any,
    }

    /// <summary>The coding to answer a request whose <c>Accept-Encoding</c> is <paramref name="header"/> in.</summary>
    public static ContentCoding Preferred(StringValues header)
    {
        if (header.Count == 0)
        {
            return ContentCoding.Identity;
        }
        var weights = new Weights();
        foreach (var value in header)
        {
            weights.Add((value ?? "").AsSpan());
        }
        return weights.Preferred();
    }

    /// <summary>The coding to answer a request of one <c>Accept-Encoding</c>, <paramref name="header"/>.</summary>
    public static ContentCoding Preferred(ReadOnlySpan<char> header)
    {
        var weights = new Weights();
        weights.Add(header);
        return weights.Preferred();
    }

    /// <summary>The highest weight each coding is given, -1 where none is.</summary>
    private struct Weights()
    {
        private double _brotli = -1, _gzip = -1, _identity = -1, _any = -1;

        public void Add(ReadOnlySpan<char> text)
        {
            foreach (var range in text.Split(','))
            {
                var (name, weight) = Weighed(text[range]);
                switch (name)
                {
                    case Named.Brotli: _brotli = Math.Max(_brotli, weight); break;
                    case Named.Gzip: _gzip = Math.Max(_gzip, weight); break;
                    case Named.Identity: _identity = Math.Max(_identity, weight); break;
                    case Named.Any: _any = Math.Max(_any, weight); break;
                    case Named.Other: break;
                }
            }
        }

        public readonly ContentCoding Preferred()
        {
            var brotli = _brotli >= 0 ? _brotli : Math.Max(_any, 0);
            var gzip = _gzip >= 0 ? _gzip : Math.Max(_any, 0);
            var identity = _identity >= 0 ? _identity : _any == 0 ? 0 : double.Epsilon;
            return brotli > 0 && brotli >= gzip && brotli >= identity ? ContentCoding.Brotli
                : gzip > 0 && gzip >= identity ? ContentCoding.Gzip
                : ContentCoding.Identity;
        }
    }

    /// <summary>The coding one element names (<c>gzip;q=0.8</c>) and its weight; <see cref="Named.Other"/> when malformed.</summary>
    private static (Named Name, double Weight) Weighed(ReadOnlySpan<char> element)
    {
        var semicolon = element.IndexOf(';');
        var name = (semicolon < 0 ? element : element[..semicolon]).Trim();
        var weight = 1.0;
        ReadOnlySpan<char> parameters = semicolon < 0 ? [] : element[(semicolon + 1)..];
        foreach (var range in parameters.Split(';'))
        {
            var parameter = parameters[range].Trim();
            if (parameter.Length >= 2 && (parameter[0] is 'q' or 'Q') && parameter[1] == '='
                && (!double.TryParse(parameter[2..], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out weight) || weight > 1))
            {
                return (Named.Other, 0);
            }
        }
        return (Of(name), weight);
    }

    private static Named Of(ReadOnlySpan<char> name) =>
        name.Equals("br", StringComparison.OrdinalIgnoreCase) ? Named.Brotli
        : name.Equals("gzip", StringComparison.OrdinalIgnoreCase) || name.Equals("x-gzip", StringComparison.OrdinalIgnoreCase) ? Named.Gzip
        : name.Equals("identity", StringComparison.OrdinalIgnoreCase) ? Named.Identity
        : name is "*" ? Named.Any
        : Named.Other;
}
