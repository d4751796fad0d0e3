namespace Coop.Domain.Governance;

/// <summary>
/// Ranked choice by the Schulze method (Condorcet-consistent). Each ballot ranks candidates (index 0 = first
/// choice; unranked candidates come last, tied). d[a,b] counts voters preferring a to b; p[a,b] is the strength of
/// the strongest path from a to b (widest path). a beats b when p[a,b] &gt; p[b,a].
/// Ties: candidates that neither beats share a place; the displayed order inside a place follows the list given.
/// </summary>
public static class Schulze
{
    public sealed record Result(int[,] Pairwise, int[,] StrongestPaths, IReadOnlyList<IReadOnlyList<int>> Places);

    public static Result Rank(int candidates, IEnumerable<IReadOnlyList<int>> rankings)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(candidates);
        ArgumentNullException.ThrowIfNull(rankings);
        var d = new int[candidates, candidates];
        foreach (var ranking in rankings)
        {
            if (ranking.Distinct().Count() != ranking.Count || ranking.Any(c => c < 0 || c >= candidates))
                throw new ArgumentException("A ranking lists each candidate at most once.", nameof(rankings));
            var position = Enumerable.Repeat(int.MaxValue, candidates).ToArray();
            for (var i = 0; i < ranking.Count; i++) position[ranking[i]] = i;
            for (var a = 0; a < candidates; a++)
                for (var b = 0; b < candidates; b++)
                    if (a != b && position[a] < position[b]) d[a, b]++;
        }

        var p = new int[candidates, candidates];
        for (var a = 0; a < candidates; a++)
            for (var b = 0; b < candidates; b++)
                if (a != b) p[a, b] = d[a, b] > d[b, a] ? d[a, b] : 0;
        for (var k = 0; k < candidates; k++)
            for (var a = 0; a < candidates; a++)
                for (var b = 0; b < candidates; b++)
                    if (a != b && a != k && b != k)
                        p[a, b] = Math.Max(p[a, b], Math.Min(p[a, k], p[k, b]));

        // Place = 1 + how many candidates beat this one; candidates with equal places are tied.
        var beatenBy = Enumerable.Range(0, candidates).Select(a => Enumerable.Range(0, candidates).Count(b => b != a && p[b, a] > p[a, b])).ToArray();
        var places = Enumerable.Range(0, candidates).GroupBy(a => beatenBy[a]).OrderBy(g => g.Key)
            .Select(g => (IReadOnlyList<int>)g.ToList()).ToList();
        return new Result(d, p, places);
    }
}
