using Coop.Domain.Governance;

namespace Coop.Domain.Tests.Governance;

public sealed class SchulzeTests
{
    [Test]
    public void The_published_45_voter_example_elects_E_then_A_C_B_D()
    {
        // The example Markus Schulze uses (also in Wikipedia's article): 45 voters, candidates A–E.
        const int A = 0, B = 1, C = 2, D = 3, E = 4;
        var groups = new (int Count, int[] Ranking)[]
        {
            (5, [A, C, B, E, D]), (5, [A, D, E, C, B]), (8, [B, E, D, A, C]), (3, [C, A, B, E, D]),
            (7, [C, A, E, B, D]), (2, [C, B, A, D, E]), (7, [D, C, E, B, A]), (8, [E, B, A, D, C]),
        };
        var ballots = groups.SelectMany(g => Enumerable.Repeat((IReadOnlyList<int>)g.Ranking, g.Count));
        var result = Schulze.Rank(5, ballots);
        Assert.That(result.Places.Select(p => p.Single()), Is.EqualTo(new[] { E, A, C, B, D }));
        // Published strongest paths: p[E,A] = 25 beats p[A,E] = 24.
        Assert.That((result.StrongestPaths[E, A], result.StrongestPaths[A, E]), Is.EqualTo((25, 24)));
        Assert.That(result.Pairwise[A, B], Is.EqualTo(20));
    }

    [Test]
    public void A_perfect_cycle_is_a_tie_for_everyone()
    {
        IReadOnlyList<int>[] ballots = [[0, 1, 2], [1, 2, 0], [2, 0, 1]];
        var result = Schulze.Rank(3, ballots);
        Assert.That(result.Places, Has.Count.EqualTo(1));
        Assert.That(result.Places[0], Is.EquivalentTo(new[] { 0, 1, 2 }));
    }

    [Test]
    public void A_ranking_with_duplicates_is_refused() =>
        Assert.Throws<ArgumentException>(() => Schulze.Rank(3, [new[] { 0, 0, 1 }]));
}
