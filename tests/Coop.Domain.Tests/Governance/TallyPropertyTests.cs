using Coop.Domain.Governance;
using FsCheckProperty = FsCheck.NUnit.PropertyAttribute;

// FsCheck generates the arguments of [FsCheckProperty] methods; NUnit's analyzer cannot see that.
#pragma warning disable NUnit1027

namespace Coop.Domain.Tests.Governance;

/// <summary>Properties that must hold for any ballots, not only the worked examples.</summary>
public sealed class TallyPropertyTests
{
    private static readonly Guid[] VoterIds = Enumerable.Range(0, 12).Select(i => new Guid(i + 1, 0, 0, new byte[8])).ToArray();
    private static readonly College[] Colleges = [new(Guid.NewGuid(), "A", 40), new(Guid.NewGuid(), "B", 35), new(Guid.NewGuid(), "C", 25)];
    private static readonly Voter[] Voters = VoterIds.Select((id, i) => new Voter(id, Colleges[i % 3].Id)).ToArray();

    private static List<CastBallot> Submissions(int[] raw) =>
        raw.Select((x, i) => new CastBallot(VoterIds[Math.Abs(x % VoterIds.Length)], (Choice)(Math.Abs(x / VoterIds.Length % 4) + 1), i)).ToList();

    [FsCheckProperty]
    public bool The_result_does_not_depend_on_the_order_ballots_arrive(int[] raw, int seed)
    {
        var submissions = Submissions(raw ?? []);
        var shuffled = submissions.OrderBy(_ => new Random(seed).Next()).ToList();
        var rule = DecisionRule.OrdinaryFirst(Weighting.CollegeShares);
        var a = ResolutionTally.Count(rule, Voters, Colleges, BallotBox.Current(submissions));
        var b = ResolutionTally.Count(rule, Voters, Colleges, BallotBox.Current(shuffled));
        return a.Counts == b.Counts && a.ForShare == b.ForShare && a.Adopted == b.Adopted;
    }

    [FsCheckProperty]
    public bool Only_each_voters_last_submission_counts(int[] raw)
    {
        var submissions = Submissions(raw ?? []);
        var current = BallotBox.Current(submissions);
        return current.All(kv => submissions.Where(s => s.VoterId == kv.Key).MaxBy(s => s.Sequence)!.Choice == kv.Value)
               && current.Count == submissions.Select(s => s.VoterId).Distinct().Count();
    }

    [FsCheckProperty]
    public bool Weighted_shares_stay_between_0_and_1_and_weights_in_play_sum_to_1(int[] raw, bool bloc)
    {
        var rule = DecisionRule.OrdinaryFirst(bloc ? Weighting.CollegeBloc : Weighting.CollegeShares);
        var result = ResolutionTally.Count(rule, Voters, Colleges, BallotBox.Current(Submissions(raw ?? [])));
        var inPlay = result.Colleges.Where(c => c.Base > 0).Sum(c => c.EffectiveWeight);
        return result.ForShare is >= 0m and <= 1m && (inPlay == 0m || Math.Abs(inPlay - 1m) < 0.0000001m);
    }
}
