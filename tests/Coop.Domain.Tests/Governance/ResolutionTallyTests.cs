using Coop.Domain.Governance;

namespace Coop.Domain.Tests.Governance;

/// <summary>Worked examples, written out so a member could redo each one with a pencil.</summary>
public sealed class ResolutionTallyTests
{
    private sealed class Assembly
    {
        public List<Voter> Voters { get; } = [];
        public Dictionary<Guid, Choice> Ballots { get; } = [];
        public List<College> Colleges { get; } = [];

        public College College(string name, int weight)
        {
            var college = new College(Guid.NewGuid(), name, weight);
            Colleges.Add(college);
            return college;
        }

        /// <summary>Adds voters to a college (or none) with the given choices; silent voters take no part.</summary>
        public Assembly Vote(College? college, int @for = 0, int against = 0, int abstain = 0, int blank = 0, int silent = 0)
        {
            void Add(Choice? choice, int n)
            {
                for (var i = 0; i < n; i++)
                {
                    var voter = new Voter(Guid.NewGuid(), college?.Id);
                    Voters.Add(voter);
                    if (choice is { } c) Ballots[voter.Id] = c;
                }
            }
            Add(Choice.For, @for); Add(Choice.Against, against); Add(Choice.Abstain, abstain); Add(Choice.Blank, blank); Add(null, silent);
            return this;
        }

        public ResolutionResult Count(DecisionRule rule, int? participants = null) => ResolutionTally.Count(rule, Voters, Colleges, Ballots, participants);
    }

    [Test]
    public void Scop_one_member_one_vote_whatever_the_shares()
    {
        // 10 associates, 7 vote: 4 for, 2 against, 1 abstains. Cast = 6 (abstention not counted); 4/6 > 1/2. Quorum 7/10 ≥ 1/4.
        var result = new Assembly().Vote(null, @for: 4, against: 2, abstain: 1, silent: 3).Count(DecisionRule.OrdinaryFirst());
        Assert.That((result.QuorumReached, result.MajorityBase, result.Adopted), Is.EqualTo((true, 6L, true)));
    }

    [Test]
    public void Abstentions_change_the_outcome_when_the_statutes_count_them_as_cast()
    {
        // 3 for, 2 against, 2 abstain: not counted, 3/5 > 1/2 adopted; counted, 3/7 < 1/2 rejected.
        var assembly = new Assembly().Vote(null, @for: 3, against: 2, abstain: 2);
        Assert.That(assembly.Count(DecisionRule.OrdinaryFirst()).Adopted, Is.True);
        Assert.That(assembly.Count(DecisionRule.OrdinaryFirst() with { AbstentionsCountAsCast = true }).Adopted, Is.False);
    }

    [Test]
    public void Quorum_fails_on_first_convocation_and_is_not_needed_on_the_second()
    {
        // 20 eligible, 4 take part (all for). First convocation needs 1/4 = 5: not reached. Second: no quorum.
        var assembly = new Assembly().Vote(null, @for: 4, silent: 16);
        var first = assembly.Count(DecisionRule.OrdinaryFirst());
        Assert.That((first.QuorumReached, first.MajorityReached, first.Adopted), Is.EqualTo((false, true, false)));
        Assert.That(assembly.Count(DecisionRule.OrdinarySecond()).Adopted, Is.True);
        // Present but not voting still counts for an assembly's quorum.
        Assert.That(assembly.Count(DecisionRule.OrdinaryFirst(), participants: 5).QuorumReached, Is.True);
    }

    [Test]
    public void Two_thirds_exactly_passes_a_non_strict_threshold_and_a_tie_fails_a_strict_half()
    {
        Assert.That(new Assembly().Vote(null, @for: 2, against: 1).Count(DecisionRule.ExtraordinaryFirst()).Adopted, Is.True);
        Assert.That(new Assembly().Vote(null, @for: 1, against: 1).Count(DecisionRule.OrdinaryFirst()).Adopted, Is.False);
    }

    [Test]
    public void Scic_three_colleges_reject_what_a_head_count_would_adopt()
    {
        // Workers 50 %: 0 for / 4 → 0.  Users 30 %: 9 for, 1 against → 0.9 × 0.3 = 0.27.  Supporters 20 %: 10/10 → 0.2.
        // Weighted "for" = 0.47 < 1/2: rejected — while a head count gives 19 for out of 24 (79 %).
        var a = new Assembly();
        a.Vote(a.College("Salariés", 50), against: 4).Vote(a.College("Usagers", 30), @for: 9, against: 1).Vote(a.College("Soutiens", 20), @for: 10);
        var weighted = a.Count(DecisionRule.OrdinaryFirst(Weighting.CollegeShares));
        Assert.That(weighted.ForShare, Is.EqualTo(0.47m));
        Assert.That(weighted.Adopted, Is.False);
        Assert.That(a.Count(DecisionRule.OrdinaryFirst()).Adopted, Is.True, "head count");
        Assert.That(weighted.Colleges.Select(c => c.ForContribution), Is.EqualTo(new[] { 0m, 0.27m, 0.2m }));
    }

    [Test]
    public void Scic_four_colleges_adopt_what_a_head_count_would_reject()
    {
        // Four colleges at 25 %: 2/2, 2/2, 2/20, 1/1 for → 0.25 + 0.25 + 0.025 + 0.25 = 0.775: adopted.
        // Head count: 7 for out of 25 (28 %): rejected.
        var a = new Assembly();
        a.Vote(a.College("A", 25), @for: 2).Vote(a.College("B", 25), @for: 2).Vote(a.College("C", 25), @for: 2, against: 18).Vote(a.College("D", 25), @for: 1);
        var weighted = a.Count(DecisionRule.OrdinaryFirst(Weighting.CollegeShares));
        Assert.That((weighted.ForShare, weighted.Adopted), Is.EqualTo((0.775m, true)));
        Assert.That(a.Count(DecisionRule.OrdinaryFirst()).Adopted, Is.False);
    }

    [Test]
    public void The_bloc_variant_gives_a_clear_college_its_whole_weight()
    {
        // Threshold 3/5 (a college "decides" above 60 %). Workers 40 %: 7/10 for → bloc for, 0.40 (shares: 0.28).
        // Users 30 %: 4 for, 6 against — 60 % is not above 60 % → proportional 0.12. Supporters 30 %: 3 for, 7 against →
        // bloc against, 0 (shares: 0.09). Bloc: 0.52 adopted; shares: 0.49 rejected.
        var a = new Assembly();
        a.Vote(a.College("Salariés", 40), @for: 7, against: 3).Vote(a.College("Usagers", 30), @for: 4, against: 6).Vote(a.College("Soutiens", 30), @for: 3, against: 7);
        var bloc = a.Count(DecisionRule.OrdinaryFirst(Weighting.CollegeBloc) with { BlocThreshold = new Fraction(3, 5) });
        var shares = a.Count(DecisionRule.OrdinaryFirst(Weighting.CollegeShares));
        Assert.That((bloc.ForShare, bloc.Adopted), Is.EqualTo((0.52m, true)));
        Assert.That((shares.ForShare, shares.Adopted), Is.EqualTo((0.49m, false)));
        Assert.That(bloc.Colleges.Select(c => c.CastAsBloc), Is.EqualTo(new[] { true, false, true }));
    }

    [Test]
    public void A_college_where_nobody_voted_is_left_out_and_the_others_are_scaled_back_to_100_percent()
    {
        // Workers 50 % silent; users 30 %: 1/2 for; supporters 20 %: 2/2 for. Weights in play 50 → 0.6 and 0.4:
        // 0.6 × 0.5 + 0.4 × 1 = 0.7.
        var a = new Assembly();
        a.Vote(a.College("Salariés", 50), silent: 3).Vote(a.College("Usagers", 30), @for: 1, against: 1).Vote(a.College("Soutiens", 20), @for: 2);
        var result = a.Count(DecisionRule.OrdinarySecond(Weighting.CollegeShares));
        Assert.That(result.ForShare, Is.EqualTo(0.7m));
        Assert.That(result.Colleges[0].EffectiveWeight, Is.Zero);
    }

    [Test]
    public void Only_the_last_ballot_counts_and_strangers_are_ignored()
    {
        var voter = Guid.NewGuid();
        var stranger = Guid.NewGuid();
        var current = BallotBox.Current([new(voter, Choice.Against, 1), new(voter, Choice.For, 3), new(voter, Choice.Abstain, 2), new(stranger, Choice.For, 4)]);
        Assert.That(current[voter], Is.EqualTo(Choice.For));
        var result = ResolutionTally.Count(DecisionRule.OrdinarySecond(), [new Voter(voter, null)], [], current);
        Assert.That(result.Counts, Is.EqualTo(new ChoiceCounts(1, 0, 0, 0)));
    }
}
