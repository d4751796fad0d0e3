namespace Coop.Domain.Governance;

/// <summary>
/// Majority judgment (jugement majoritaire, Balinski &amp; Laraki). Every voter grades every candidate on the same
/// scale (here 0 = "to reject" … 5 = "excellent"; an ungraded candidate counts as "to reject"). A candidate's
/// majority grade is the lower median of its grades. Ties are broken by the usual procedure: remove one copy of the
/// majority grade from each tied candidate and compare the new majority grades, again and again; candidates whose
/// whole sequences are equal remain tied.
/// </summary>
public static class MajorityJudgment
{
    public const int Grades = 6;

    public sealed record Candidate(int Index, int MajorityGrade, IReadOnlyList<int> MajorityValue, IReadOnlyList<int> GradeCounts);

    public sealed record Result(IReadOnlyList<Candidate> Candidates, IReadOnlyList<IReadOnlyList<int>> Places);

    /// <param name="ballots">Each ballot gives a grade (0–5) per candidate index; missing candidates get 0.</param>
    public static Result Rank(int candidates, IEnumerable<IReadOnlyDictionary<int, int>> ballots)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(candidates);
        ArgumentNullException.ThrowIfNull(ballots);
        var grades = Enumerable.Range(0, candidates).Select(_ => new List<int>()).ToArray();
        foreach (var ballot in ballots)
        {
            if (ballot.Keys.Any(c => c < 0 || c >= candidates) || ballot.Values.Any(g => g is < 0 or >= Grades))
                throw new ArgumentException("A grade is given to a known candidate, from 0 to 5.", nameof(ballots));
            for (var c = 0; c < candidates; c++) grades[c].Add(ballot.GetValueOrDefault(c, 0));
        }

        var scored = grades.Select((g, i) =>
        {
            var value = MajorityValue(g);
            var counts = Enumerable.Range(0, Grades).Select(level => g.Count(x => x == level)).ToList();
            return new Candidate(i, value.Count > 0 ? value[0] : 0, value, counts);
        }).ToList();

        var ordered = scored.OrderByDescending(c => c.MajorityValue, SequenceComparer.Instance).ThenBy(c => c.Index).ToList();
        var places = new List<IReadOnlyList<int>>();
        foreach (var candidate in ordered)
        {
            if (places.Count > 0 && SequenceComparer.Instance.Compare(scored[places[^1][0]].MajorityValue, candidate.MajorityValue) == 0)
                ((List<int>)places[^1]).Add(candidate.Index);
            else places.Add(new List<int> { candidate.Index });
        }
        return new Result(scored, places);
    }

    /// <summary>The successive lower medians as each is removed in turn: the sequence that majority judgment compares.</summary>
    public static IReadOnlyList<int> MajorityValue(IEnumerable<int> grades)
    {
        var remaining = grades.OrderBy(g => g).ToList();
        var value = new List<int>(remaining.Count);
        while (remaining.Count > 0)
        {
            var index = (remaining.Count - 1) / 2;
            value.Add(remaining[index]);
            remaining.RemoveAt(index);
        }
        return value;
    }

    private sealed class SequenceComparer : IComparer<IReadOnlyList<int>>
    {
        public static readonly SequenceComparer Instance = new();

        public int Compare(IReadOnlyList<int>? x, IReadOnlyList<int>? y)
        {
            ArgumentNullException.ThrowIfNull(x);
            ArgumentNullException.ThrowIfNull(y);
            for (var i = 0; i < Math.Min(x.Count, y.Count); i++)
                if (x[i] != y[i]) return x[i].CompareTo(y[i]);
            return x.Count.CompareTo(y.Count);
        }
    }
}
