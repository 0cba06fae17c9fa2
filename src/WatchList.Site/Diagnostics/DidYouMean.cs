namespace WatchList.Site.Diagnostics;

/// <summary>Suggests the closest known name for a misspelt one, by edit distance.</summary>
public static class DidYouMean
{
    public static string? Closest(string wrong, IEnumerable<string> candidates)
    {
        var limit = Math.Max(2, wrong.Length / 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(wrong.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= limit ? best : null;
    }

    /// <summary>"did you mean 'x'?" or, with nothing close, the fallback hint.</summary>
    public static string Hint(string wrong, IEnumerable<string> candidates, string fallback) =>
        Closest(wrong, candidates) is { } match ? $"did you mean '{match}'?" : fallback;

    /// <summary>Levenshtein distance with transpositions counted as one edit.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}
