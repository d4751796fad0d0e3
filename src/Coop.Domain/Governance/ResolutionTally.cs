namespace Coop.Domain.Governance;

public sealed record ChoiceCounts(int For, int Against, int Abstain, int Blank)
{
    public static readonly ChoiceCounts None = new(0, 0, 0, 0);

    public int Ballots => For + Against + Abstain + Blank;

    /// <summary>Votes cast under the rule: for and against always; abstentions and blanks only when the statutes count them.</summary>
    public int Cast(DecisionRule rule) => For + Against + (rule.AbstentionsCountAsCast ? Abstain : 0) + (rule.BlanksCountAsCast ? Blank : 0);

    public ChoiceCounts Add(Choice choice, int ballots = 1) => choice switch
    {
        Choice.For => this with { For = For + ballots },
        Choice.Against or Choice.Block => this with { Against = Against + ballots },
        Choice.Abstain => this with { Abstain = Abstain + ballots },
        _ => this with { Blank = Blank + ballots },
    };
}

/// <summary>One college's part in a weighted result, with the arithmetic a member can follow.</summary>
public sealed record CollegeResult(College College, int Eligible, ChoiceCounts Counts, long Base, decimal ForShare,
    decimal EffectiveWeight, decimal ForContribution, bool CastAsBloc);

/// <summary>One college's eligible voters and current ballots, gathered before weighting.</summary>
public sealed record CollegeCount(College College, int Eligible, ChoiceCounts Counts);

public sealed record ResolutionResult(
    int Eligible, int Participants, bool QuorumReached, ChoiceCounts Counts, long MajorityBase,
    decimal ForShare, bool MajorityReached, IReadOnlyList<CollegeResult> Colleges)
{
    public bool Adopted => QuorumReached && MajorityReached;
}

/// <summary>
/// Counts one resolution. Pure: the same eligible list, colleges, ballots and rule always give the same result.
/// See README.md in this folder for every rule and worked examples.
/// </summary>
public static class ResolutionTally
{
    /// <param name="participants">Present and represented voters for an assembly (quorum counts them whether or
    /// not they vote); null for a vote at a distance, where taking part means casting a ballot.</param>
    public static ResolutionResult Count(DecisionRule rule, IReadOnlyCollection<Voter> eligible, IReadOnlyCollection<College> colleges,
        IReadOnlyDictionary<Guid, Choice> ballots, int? participants = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(eligible);
        ArgumentNullException.ThrowIfNull(colleges);
        ArgumentNullException.ThrowIfNull(ballots);

        // Only the frozen voter list counts: a ballot from anyone else is ignored here (and refused upstream).
        var counted = eligible.Where(v => ballots.ContainsKey(v.Id)).ToList();
        var counts = counted.Aggregate(ChoiceCounts.None, (c, v) => c.Add(ballots[v.Id]));
        var perCollege = colleges.Select(college => new CollegeCount(college,
            eligible.Count(v => v.CollegeId == college.Id),
            counted.Where(v => v.CollegeId == college.Id).Aggregate(ChoiceCounts.None, (c, v) => c.Add(ballots[v.Id])))).ToList();
        return FromCounts(rule, eligible.Count, counts, perCollege, participants ?? counted.Count);
    }

    /// <summary>
    /// The same count from totals already gathered (the database groups current ballots by college and choice, so
    /// a 100,000-ballot box is tallied without loading it).
    /// </summary>
    public static ResolutionResult FromCounts(DecisionRule rule, int eligible, ChoiceCounts counts, IReadOnlyList<CollegeCount> colleges, int participants)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(colleges);
        var quorum = rule.Quorum.IsMetBy(participants, eligible);

        if (rule.Weighting == Weighting.OneMemberOneVote || colleges.Count == 0)
        {
            var @base = BaseOf(rule, counts, participants, eligible);
            var share = @base == 0 ? 0m : (decimal)counts.For / @base;
            return new ResolutionResult(eligible, participants, quorum, counts, @base, share,
                @base > 0 && rule.Majority.IsMetBy(counts.For, @base, rule.StrictMajority), []);
        }

        // Inside a college, taking part means having a ballot (abstaining or blank included).
        var perCollege = colleges.Select(c => (c.College, c.Eligible, Votes: c.Counts, Base: BaseOf(rule, c.Counts, c.Counts.Ballots, c.Eligible))).ToList();

        // A college where nobody's vote counts is left out, and the others' weights are scaled back to 100 %.
        var weightInPlay = perCollege.Where(c => c.Base > 0).Sum(c => c.College.WeightPercent);
        var results = new List<CollegeResult>();
        var forShare = 0m;
        foreach (var (college, members, votes, @base) in perCollege)
        {
            var effective = @base > 0 && weightInPlay > 0 ? (decimal)college.WeightPercent / weightInPlay : 0m;
            var share = @base > 0 ? (decimal)votes.For / @base : 0m;
            var contribution = effective * share;
            var bloc = false;
            if (rule.Weighting == Weighting.CollegeBloc && @base > 0)
            {
                var threshold = rule.BlocThreshold ?? new Fraction(3, 5);
                if (threshold.IsMetBy(votes.For, @base, strict: true)) { contribution = effective; bloc = true; }
                else if (threshold.IsMetBy(votes.Against, @base, strict: true)) { contribution = 0m; bloc = true; }
            }
            forShare += contribution;
            results.Add(new CollegeResult(college, members, votes, @base, share, effective, contribution, bloc));
        }
        forShare = Math.Min(1m, forShare);
        return new ResolutionResult(eligible, participants, quorum, counts, perCollege.Sum(c => c.Base), forShare,
            weightInPlay > 0 && rule.Majority.IsMetBy(forShare, rule.StrictMajority), results);
    }

    private static long BaseOf(DecisionRule rule, ChoiceCounts votes, int participants, int eligible) => rule.MajorityBase switch
    {
        MajorityBase.VotesCast => votes.Cast(rule),
        MajorityBase.PresentAndRepresented => participants,
        _ => eligible,
    };
}
