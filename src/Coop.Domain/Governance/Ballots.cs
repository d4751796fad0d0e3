namespace Coop.Domain.Governance;

/// <summary>A resolution's answers. Blank is a ballot cast with no choice, distinct from abstaining.</summary>
public enum Choice
{
    For = 1,
    Against = 2,
    Abstain = 3,
    Blank = 4,
    /// <summary>A proposal's "block" (consent decision-making): counted as against, and reported apart.</summary>
    Block = 5,
}

/// <summary>An eligible voter, frozen when the vote opens, with their college (SCIC) if any.</summary>
public sealed record Voter(Guid Id, Guid? CollegeId);

/// <summary>A college and its weight in percent, frozen when the vote opens.</summary>
public sealed record College(Guid Id, string Name, int WeightPercent);

/// <summary>
/// One submission by (or for) a voter. <see cref="Sequence"/> orders submissions; a voter may change their ballot
/// until the close and only their latest submission counts.
/// </summary>
public sealed record CastBallot(Guid VoterId, Choice Choice, long Sequence);

public static class BallotBox
{
    /// <summary>The current ballot of each voter: their submission with the highest sequence.</summary>
    public static IReadOnlyDictionary<Guid, Choice> Current(IEnumerable<CastBallot> submissions)
    {
        ArgumentNullException.ThrowIfNull(submissions);
        return submissions.GroupBy(b => b.VoterId).ToDictionary(g => g.Key, g => g.MaxBy(b => b.Sequence)!.Choice);
    }
}
