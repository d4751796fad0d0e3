namespace Coop.Domain.Governance;

/// <summary>A vote's results, whichever its method. Exactly one of the parts is set.</summary>
public sealed record VoteResult(
    int Ballots,
    ResolutionResult? Resolution = null,
    int Blocks = 0,
    PollResult? Poll = null,
    Schulze.Result? Ranked = null,
    MajorityJudgment.Result? Judgment = null)
{
    public VoteOutcome Outcome => Resolution switch
    {
        null => VoteOutcome.Counted,
        { QuorumReached: false } => VoteOutcome.NoQuorum,
        _ when Blocks > 0 => VoteOutcome.Blocked,
        { Adopted: true } => VoteOutcome.Adopted,
        _ => VoteOutcome.Rejected,
    };
}

/// <summary>Counts a frozen vote from its current ballots' answers (and, for resolutions, their colleges).</summary>
public static class VoteResults
{
    /// <param name="current">The current ballots: answer and college.</param>
    /// <param name="eligiblePerCollege">Frozen voters per college (key null for voters without a college).</param>
    /// <param name="participants">For an assembly, those present, remote, represented or voting by correspondence; otherwise null.</param>
    public static VoteResult Count(Vote vote, IReadOnlyList<(string Answer, Guid? CollegeId)> current,
        IReadOnlyDictionary<Guid, int> eligiblePerCollege, int? participants)
    {
        ArgumentNullException.ThrowIfNull(vote);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(eligiblePerCollege);
        var rule = vote.Rule ?? throw new InvalidOperationException("The vote is not frozen.");
        switch (vote.Method)
        {
            case VoteMethod.Resolution or VoteMethod.Proposal:
                var grouped = current.Where(b => BallotContent.ChoiceOf(b.Answer) is not null)
                    .GroupBy(b => (b.CollegeId, Choice: BallotContent.ChoiceOf(b.Answer)!.Value))
                    .Select(g => (g.Key.CollegeId, g.Key.Choice, Count: g.Count())).ToList();
                return FromGroups(vote, grouped, eligiblePerCollege, participants);
            case VoteMethod.RankedChoice:
                return new VoteResult(current.Count, Ranked: Schulze.Rank(vote.Options.Count, current.Select(b => BallotContent.Numbers(b.Answer))));
            case VoteMethod.MajorityJudgment:
                return new VoteResult(current.Count, Judgment: MajorityJudgment.Rank(vote.Options.Count,
                    current.Select(b => (IReadOnlyDictionary<int, int>)BallotContent.Numbers(b.Answer).Select((g, i) => (i, g)).ToDictionary(x => x.i, x => x.g))));
            default:
                var method = vote.Method switch { VoteMethod.SingleChoice => PollMethod.SingleChoice, VoteMethod.Score => PollMethod.Score, _ => PollMethod.MultipleChoice };
                var ballots = current.Select(b => (IReadOnlyDictionary<int, int>)(method == PollMethod.Score
                    ? BallotContent.Numbers(b.Answer).Select((v, i) => (i, v)).Where(x => x.v > 0).ToDictionary(x => x.i, x => x.v)
                    : BallotContent.Numbers(b.Answer).ToDictionary(o => o, _ => 1)));
                return new VoteResult(current.Count, Poll: PollTally.Count(method, vote.Options.Count, ballots.Where(b => method == PollMethod.Score || b.Count > 0), vote.MaxChoicesOrScore));
        }
    }

    /// <summary>Resolutions and proposals from per-college, per-choice counts (what the database groups).</summary>
    public static VoteResult FromGroups(Vote vote, IReadOnlyList<(Guid? CollegeId, Choice Choice, int Count)> groups,
        IReadOnlyDictionary<Guid, int> eligiblePerCollege, int? participants)
    {
        ArgumentNullException.ThrowIfNull(vote);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(eligiblePerCollege);
        var rule = vote.Rule ?? throw new InvalidOperationException("The vote is not frozen.");
        static ChoiceCounts Sum(IEnumerable<(Guid? CollegeId, Choice Choice, int Count)> rows) =>
            rows.Aggregate(ChoiceCounts.None, (c, r) => c.Add(r.Choice, r.Count));
        var total = Sum(groups);
        var colleges = vote.Colleges.Select(c => new CollegeCount(c, eligiblePerCollege.GetValueOrDefault(c.Id), Sum(groups.Where(g => g.CollegeId == c.Id)))).ToList();
        var result = ResolutionTally.FromCounts(rule, vote.EligibleCount, total, colleges, participants ?? total.Ballots);
        return new VoteResult(total.Ballots, result, groups.Where(g => g.Choice == Choice.Block).Sum(g => g.Count));
    }
}
