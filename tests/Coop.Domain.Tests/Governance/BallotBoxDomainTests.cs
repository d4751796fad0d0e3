using Coop.Domain.Governance;
using FsCheckProperty = FsCheck.NUnit.PropertyAttribute;

#pragma warning disable NUnit1027

namespace Coop.Domain.Tests.Governance;

/// <summary>The hash chain, receipts, canonical ballots and the database-side tally, checked without a database.</summary>
public sealed class BallotBoxDomainTests
{
    private static readonly Guid VoteId = Guid.Parse("0199a000-0000-7000-8000-000000000001");

    private static Vote Poll(VoteMethod method, int options = 3, int max = 2, bool secret = false)
    {
        var vote = new Vote(null, 0, "Question", "", method, DecisionType.Consultation, Enumerable.Range(0, options).Select(i => $"Option {i}").ToList(),
            max, secret, false, false, false, DateTimeOffset.UtcNow.AddDays(1), Guid.NewGuid(), DateTimeOffset.UtcNow);
        vote.Freeze(DecisionRule.OrdinarySecond(), BlankProxyRule.FollowBoard, Convocation.First, [], 10, DateTimeOffset.UtcNow);
        return vote;
    }

    private static List<Ballot> Chain(params (Guid? Voter, string Answer, string? Replaces)[] entries)
    {
        var list = new List<Ballot>();
        var previous = BallotChain.Genesis(VoteId);
        foreach (var (voter, answer, replaces) in entries)
        {
            var receipt = $"R{list.Count + 1:000}-0000-0000";
            var ballot = new Ballot(VoteId, list.Count + 1, voter, voter, null, answer, null, receipt, replaces, BallotSource.Voter, null, previous);
            list.Add(ballot);
            previous = ballot.Hash;
        }
        return list;
    }

    [Test]
    public void An_intact_chain_verifies_and_its_head_is_the_last_hash()
    {
        var alice = Guid.NewGuid();
        var box = Chain((alice, "for", null), (null, "against", null), (alice, "against", null));
        var check = BallotChain.Verify(VoteId, box);
        Assert.That(check.Valid, Is.True);
        Assert.That(check.Head, Is.EqualTo(box[^1].Hash));
        Assert.That(check.Current, Is.EqualTo(2), "Alice's last ballot and the secret one");
    }

    [Test]
    public void Removing_or_reordering_an_entry_breaks_the_chain_where_it_happened()
    {
        var box = Chain((Guid.NewGuid(), "for", null), (Guid.NewGuid(), "against", null), (Guid.NewGuid(), "for", null));
        Assert.That(BallotChain.Verify(VoteId, [box[0], box[2]]).FirstBrokenSequence, Is.EqualTo(3));
        var swapped = Chain((Guid.NewGuid(), "for", null));
        Assert.That(BallotChain.Verify(Guid.NewGuid(), swapped).Valid, Is.False, "a ballot cannot be moved to another vote's box");
    }

    [Test]
    public void A_secret_ballot_replaced_by_its_receipt_no_longer_counts()
    {
        var box = Chain((null, "for", null), (null, "against", null), (null, "blank", "R001-0000-0000"));
        Assert.That(BallotChain.CurrentOf(box).Select(b => b.Answer), Is.EqualTo(new[] { "against", "blank" }));
    }

    [Test]
    public void Receipts_are_twelve_unambiguous_characters_and_read_back_from_what_people_type()
    {
        var receipts = Enumerable.Range(0, 500).Select(_ => Receipts.New()).ToList();
        Assert.That(receipts, Has.All.Match("^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{4}-[0-9ABCDEFGHJKMNPQRSTVWXYZ]{4}-[0-9ABCDEFGHJKMNPQRSTVWXYZ]{4}$"));
        Assert.That(receipts.Distinct().Count(), Is.EqualTo(500));
        Assert.That(Receipts.Normalise(" 7kq3 mz9p xw2d "), Is.EqualTo("7KQ3-MZ9P-XW2D"));
        Assert.That(Receipts.Normalise("7KQ3-MZ9P-XWO1"), Is.EqualTo("7KQ3-MZ9P-XW01"), "a typed O means zero");
    }

    [TestCase(VoteMethod.RankedChoice, new[] { 2, 0 }, "2>0")]
    [TestCase(VoteMethod.MultipleChoice, new[] { 2, 0 }, "0,2")]
    [TestCase(VoteMethod.SingleChoice, new[] { 1 }, "1")]
    public void Option_ballots_have_one_canonical_text(VoteMethod method, int[] options, string expected) =>
        Assert.That(BallotContent.Canonical(Poll(method), new BallotInput(Options: options)), Is.EqualTo(expected));

    [TestCase(VoteMethod.RankedChoice, new[] { 1, 1 }, BallotError.DuplicateRank)]
    [TestCase(VoteMethod.RankedChoice, new[] { 3 }, BallotError.UnknownOption)]
    [TestCase(VoteMethod.MultipleChoice, new[] { 0, 1, 2 }, BallotError.TooManyChoices)]
    [TestCase(VoteMethod.SingleChoice, new int[0], BallotError.Empty)]
    public void Bad_option_ballots_are_refused_with_their_reason(VoteMethod method, int[] options, BallotError error) =>
        Assert.That(() => BallotContent.Canonical(Poll(method), new BallotInput(Options: options)),
            Throws.TypeOf<BallotRejectedException>().With.Property(nameof(BallotRejectedException.Error)).EqualTo(error));

    [Test]
    public void A_proposal_offers_block_and_a_resolution_offers_blank()
    {
        Assert.That(() => BallotContent.Canonical(Poll(VoteMethod.Proposal), new BallotInput(Choice.Blank)), Throws.TypeOf<BallotRejectedException>());
        Assert.That(BallotContent.Canonical(Poll(VoteMethod.Proposal), new BallotInput(Choice.Block)), Is.EqualTo("block"));
        Assert.That(BallotContent.Canonical(Poll(VoteMethod.Score, max: 5), new BallotInput(Values: [5, 0, 3])), Is.EqualTo("5,0,3"));
        Assert.That(() => BallotContent.Canonical(Poll(VoteMethod.Score, max: 5), new BallotInput(Values: [6, 0, 3])), Throws.TypeOf<BallotRejectedException>());
    }

    [Test]
    public void One_block_blocks_a_proposal_even_when_most_agree()
    {
        var vote = Poll(VoteMethod.Proposal);
        var result = VoteResults.Count(vote, [("for", null), ("for", null), ("for", null), ("block", null)], new Dictionary<Guid, int>(), null);
        Assert.That(result.Blocks, Is.EqualTo(1));
        Assert.That(result.Outcome, Is.EqualTo(VoteOutcome.Blocked));
    }

    [Test]
    public void A_closed_vote_cannot_be_closed_again_nor_take_ballots()
    {
        var vote = Poll(VoteMethod.Proposal);
        vote.Open(DateTimeOffset.UtcNow);
        vote.Close(VoteOutcome.Adopted, "digest", 3, null, DateTimeOffset.UtcNow);
        Assert.That(() => vote.Close(VoteOutcome.Adopted, "digest", 3, null, DateTimeOffset.UtcNow),
            Throws.TypeOf<VoteStateException>().With.Property(nameof(VoteStateException.Error)).EqualTo(VoteStateError.Closed));
        Assert.That(vote.AcceptsBallots(DateTimeOffset.UtcNow), Is.False);
    }

    [Test]
    public void Signed_minutes_cannot_change_and_only_the_chair_and_secretary_sign()
    {
        var assembly = new Assembly("AG", DecisionType.OrdinaryAssembly, Convocation.First, DateTimeOffset.UtcNow.AddDays(20), "Salle", null, null, true, 15, null, DateTimeOffset.UtcNow);
        var (chair, secretary) = (Guid.NewGuid(), Guid.NewGuid());
        assembly.Convene(10, DateTimeOffset.UtcNow);
        assembly.OpenSession(chair, secretary, DateTimeOffset.UtcNow);
        assembly.Close("# PV", DateTimeOffset.UtcNow);
        assembly.AmendMinutes("# PV corrigé");
        Assert.That(() => assembly.Sign(Guid.NewGuid(), DateTimeOffset.UtcNow), Throws.TypeOf<AssemblyStateException>());
        assembly.Sign(chair, DateTimeOffset.UtcNow);
        Assert.That(() => assembly.AmendMinutes("# autre"), Throws.TypeOf<AssemblyStateException>());
        assembly.Sign(secretary, DateTimeOffset.UtcNow);
        Assert.That(assembly.MinutesSigned, Is.True);
        Assert.That(assembly.Minutes, Is.EqualTo("# PV corrigé"));
    }

    [Test]
    public void Presets_follow_the_legal_form()
    {
        var quebec = GovernancePresets.For(Coop.Domain.Tenancy.LegalForm.QuebecSolidarityCoop, hasColleges: false);
        Assert.That(quebec.Select(r => r.ProxyCap), Has.All.EqualTo(ProxyCap.Forbidden));
        var scic = GovernancePresets.For(Coop.Domain.Tenancy.LegalForm.Scic, hasColleges: true);
        Assert.That(scic.Single(r => r.DecisionType == DecisionType.OrdinaryAssembly && r.Convocation == Convocation.First).Weighting, Is.EqualTo(Weighting.CollegeShares));
        Assert.That(scic.Single(r => r.DecisionType == DecisionType.OrdinaryAssembly && r.Convocation == Convocation.Second).ToDecisionRule().Quorum, Is.EqualTo(Fraction.Zero));
        var scop = GovernancePresets.For(Coop.Domain.Tenancy.LegalForm.Scop, hasColleges: false);
        Assert.That(scop.Where(r => r.DecisionType is DecisionType.OrdinaryAssembly).Select(r => r.ProxyCap), Has.All.EqualTo(ProxyCap.ScopStatutory));
    }

    /// <summary>The database tallies grouped counts; it must agree with counting ballot by ballot, for any ballots.</summary>
    [FsCheckProperty]
    public bool Counting_grouped_totals_equals_counting_each_ballot(int[] raw, bool bloc)
    {
        var colleges = new[] { new College(Guid.NewGuid(), "A", 30), new College(Guid.NewGuid(), "B", 40), new College(Guid.NewGuid(), "C", 30) };
        var voters = Enumerable.Range(0, 15).Select(i => new Voter(Guid.NewGuid(), colleges[i % 3].Id)).ToList();
        var rule = DecisionRule.OrdinaryFirst(bloc ? Weighting.CollegeBloc : Weighting.CollegeShares);
        var ballots = (raw ?? []).Select((x, i) => (Voter: voters[Math.Abs(x % voters.Count)], Choice: (Choice)(Math.Abs(x / 15 % 4) + 1)))
            .GroupBy(b => b.Voter.Id).ToDictionary(g => g.Key, g => g.Last().Choice);
        var direct = ResolutionTally.Count(rule, voters, colleges, ballots);

        var vote = new Vote(null, 0, "R", "", VoteMethod.Resolution, DecisionType.Consultation, [], 1, false, false, false, false, null, Guid.NewGuid(), DateTimeOffset.UtcNow);
        vote.Freeze(rule, BlankProxyRule.FollowBoard, Convocation.First, colleges, voters.Count, DateTimeOffset.UtcNow);
        var groups = ballots.GroupBy(b => (voters.Single(v => v.Id == b.Key).CollegeId, b.Value)).Select(g => (g.Key.CollegeId, g.Key.Value, g.Count())).ToList();
        var grouped = VoteResults.FromGroups(vote, groups, voters.GroupBy(v => v.CollegeId!.Value).ToDictionary(g => g.Key, g => g.Count()), null).Resolution!;
        return grouped.Counts == direct.Counts && grouped.ForShare == direct.ForShare && grouped.Adopted == direct.Adopted && grouped.QuorumReached == direct.QuorumReached;
    }
}
