using Coop.Domain.Governance;

namespace Coop.Domain.Tests.Governance;

public sealed class MajorityJudgmentAndProxyTests
{
    private static IEnumerable<IReadOnlyDictionary<int, int>> Ballots(params (int Count, int[] Grades)[] groups) =>
        groups.SelectMany(g => Enumerable.Repeat((IReadOnlyDictionary<int, int>)g.Grades.Select((grade, c) => (c, grade)).ToDictionary(x => x.c, x => x.grade), g.Count));

    [Test]
    public void The_majority_grade_is_the_lower_median_and_not_the_average()
    {
        // Candidate 0: 5,5,1,1,1 → average 2.6 but median 1. Candidate 1: 2,2,2,2,2 → average 2, median 2.
        // An average would elect 0 on two enthusiastic voters; majority judgment elects 1, whom a majority finds "fair".
        var result = MajorityJudgment.Rank(2, Ballots((2, [5, 2]), (3, [1, 2])));
        Assert.That(result.Candidates.Select(c => c.MajorityGrade), Is.EqualTo(new[] { 1, 2 }));
        Assert.That(result.Places[0], Is.EqualTo(new[] { 1 }));
    }

    [Test]
    public void Ties_on_the_majority_grade_are_broken_by_removing_medians_one_by_one()
    {
        // Worked by hand. A: 1,2,2,2,4 → majority value 2,2,2,1,4. B: 2,2,2,3,3 → 2,2,3,2,3.
        // Both have majority grade 2; after removing two medians, A's next is 2 and B's is 3: B wins.
        Assert.That(MajorityJudgment.MajorityValue([1, 2, 2, 2, 4]), Is.EqualTo(new[] { 2, 2, 2, 1, 4 }));
        Assert.That(MajorityJudgment.MajorityValue([2, 2, 2, 3, 3]), Is.EqualTo(new[] { 2, 2, 3, 2, 3 }));
        var result = MajorityJudgment.Rank(2, Ballots((1, [1, 2]), (3, [2, 2]), (1, [4, 3])));
        Assert.That(result.Places.Select(p => p.Single()), Is.EqualTo(new[] { 1, 0 }));
    }

    [Test]
    public void Identical_grade_profiles_stay_tied_and_out_of_scale_grades_are_refused()
    {
        var result = MajorityJudgment.Rank(2, Ballots((2, [4, 4]), (1, [1, 1])));
        Assert.That(result.Places, Has.Count.EqualTo(1));
        Assert.Throws<ArgumentException>(() => MajorityJudgment.Rank(2, [new Dictionary<int, int> { [0] = 6 }]));
    }

    [TestCase(5, 1)]
    [TestCase(19, 1)]
    [TestCase(20, 1)]
    [TestCase(39, 1)]
    [TestCase(40, 2)]
    [TestCase(100, 5)]
    public void The_scop_cap_is_one_proxy_under_20_associates_and_a_twentieth_from_20(int associates, int cap) =>
        Assert.That(ProxyRules.MaxPerHolder(ProxyCap.ScopStatutory, 0, associates), Is.EqualTo(cap));

    [Test]
    public void A_proxy_goes_only_to_another_eligible_member_within_the_cap()
    {
        var (a, b, outsider) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var eligible = new HashSet<Guid> { a, b };
        Assert.That(ProxyRules.Check(ProxyCap.ScopStatutory, 0, 12, a, b, eligible, 0, false), Is.EqualTo(ProxyRefusal.None));
        Assert.That(ProxyRules.Check(ProxyCap.ScopStatutory, 0, 12, a, b, eligible, 1, false), Is.EqualTo(ProxyRefusal.CapReached));
        Assert.That(ProxyRules.Check(ProxyCap.ScopStatutory, 0, 12, a, outsider, eligible, 0, false), Is.EqualTo(ProxyRefusal.HolderNotEligible));
        Assert.That(ProxyRules.Check(ProxyCap.ScopStatutory, 0, 12, a, a, eligible, 0, false), Is.EqualTo(ProxyRefusal.ToSelf));
        Assert.That(ProxyRules.Check(ProxyCap.Forbidden, 0, 12, a, b, eligible, 0, false), Is.EqualTo(ProxyRefusal.ProxiesForbidden));
        Assert.That(ProxyRules.Check(ProxyCap.Fixed, 3, 12, a, b, eligible, 2, false), Is.EqualTo(ProxyRefusal.None));
        Assert.That(ProxyRules.Check(ProxyCap.Fixed, 3, 12, a, b, eligible, 2, giverHasVoted: true), Is.EqualTo(ProxyRefusal.GiverAlreadyVoted));
    }
}
