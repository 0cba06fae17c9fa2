using System.Buffers;

namespace WatchList.Site.Content;

/// <summary>Sets of characters that passes over a page's text search for, vectorised.</summary>
public static class Characters
{
    /// <summary>What <see cref="char.IsWhiteSpace(char)"/> calls white space, but for the space itself.</summary>
    public const string WhiteSpaceButSpace =
        "\t\n\v\f\r\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000";

    /// <inheritdoc cref="WhiteSpaceButSpace"/>
    public static readonly SearchValues<char> OtherWhiteSpace = SearchValues.Create(WhiteSpaceButSpace);
}
