using Coop.Domain.Governance;

namespace Coop.Domain.Tests.Governance;

public sealed class PollTallyTests
{
    private static Dictionary<int, int> B(params (int Option, int Value)[] picks) => picks.ToDictionary(p => p.Option, p => p.Value);

    [Test]
    public void Single_choice_counts_voters_and_shows_ties_as_ties()
    {
        var result = PollTally.Count(PollMethod.SingleChoice, 3, [B((0, 1)), B((1, 1)), B((0, 1)), B((1, 1)), B((2, 1))], 1);
        Assert.That(result.Places[0], Is.EqualTo(new[] { 0, 1 }));
        Assert.That(result.Totals[0].ShareOfVoters, Is.EqualTo(0.4m));
    }

    [Test]
    public void Multiple_choice_respects_the_maximum()
    {
        var result = PollTally.Count(PollMethod.MultipleChoice, 3, [B((0, 1), (2, 1)), B((2, 1))], 2);
        Assert.That(result.Places[0], Is.EqualTo(new[] { 2 }));
        Assert.That(result.Totals[2].ShareOfVoters, Is.EqualTo(1m));
        Assert.Throws<ArgumentException>(() => PollTally.Validate(PollMethod.MultipleChoice, 3, B((0, 1), (1, 1), (2, 1)), 2));
        Assert.Throws<ArgumentException>(() => PollTally.Validate(PollMethod.MultipleChoice, 3, B(), 2));
    }

    [Test]
    public void Scores_add_up_and_out_of_range_or_unknown_options_are_refused()
    {
        var result = PollTally.Count(PollMethod.Score, 2, [B((0, 5), (1, 3)), B((0, 1), (1, 4))], 5);
        Assert.That(result.Totals.Select(t => t.Total), Is.EqualTo(new[] { 6L, 7L }));
        Assert.That(result.Places[0], Is.EqualTo(new[] { 1 }));
        Assert.Throws<ArgumentException>(() => PollTally.Validate(PollMethod.Score, 2, B((0, 6)), 5));
        Assert.Throws<ArgumentException>(() => PollTally.Validate(PollMethod.SingleChoice, 2, B((7, 1)), 1));
        Assert.Throws<ArgumentException>(() => PollTally.Validate(PollMethod.SingleChoice, 2, B((0, 1), (1, 1)), 1));
    }
}
