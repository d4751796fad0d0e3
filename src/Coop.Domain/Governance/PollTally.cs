namespace Coop.Domain.Governance;

public enum PollMethod
{
    /// <summary>One option per voter.</summary>
    SingleChoice = 1,
    /// <summary>Any number of options per voter, up to a maximum.</summary>
    MultipleChoice = 2,
    /// <summary>A score from 0 to a maximum for each option; options are ranked by their total.</summary>
    Score = 3,
}

/// <summary>One option's total, with its share of voters for choice polls.</summary>
public sealed record OptionTotal(int Option, long Total, decimal ShareOfVoters);

public sealed record PollResult(int Voters, IReadOnlyList<OptionTotal> Totals, IReadOnlyList<IReadOnlyList<int>> Places);

/// <summary>
/// Simple polls (Loomio's "poll", "check" and "score"). A ballot maps option index → weight: 1 for a chosen option,
/// the score for a score poll. Totals rank the options; equal totals share a place (a tie is shown as a tie).
/// </summary>
public static class PollTally
{
    public static PollResult Count(PollMethod method, int options, IEnumerable<IReadOnlyDictionary<int, int>> ballots, int maxChoicesOrScore)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options);
        ArgumentNullException.ThrowIfNull(ballots);
        var totals = new long[options];
        var voters = 0;
        foreach (var ballot in ballots)
        {
            Validate(method, options, ballot, maxChoicesOrScore);
            voters++;
            foreach (var (option, value) in ballot) totals[option] += value;
        }
        var rows = totals.Select((t, i) => new OptionTotal(i, t, method == PollMethod.Score || voters == 0 ? 0m : (decimal)t / voters)).ToList();
        var places = rows.GroupBy(r => r.Total).OrderByDescending(g => g.Key).Select(g => (IReadOnlyList<int>)g.Select(r => r.Option).ToList()).ToList();
        return new PollResult(voters, rows, places);
    }

    /// <summary>Refuses a ballot the method does not allow; the same check runs when the ballot is cast.</summary>
    public static void Validate(PollMethod method, int options, IReadOnlyDictionary<int, int> ballot, int maxChoicesOrScore)
    {
        ArgumentNullException.ThrowIfNull(ballot);
        if (ballot.Keys.Any(o => o < 0 || o >= options)) throw new ArgumentException("Unknown option.", nameof(ballot));
        switch (method)
        {
            case PollMethod.SingleChoice when ballot.Count != 1 || ballot.Values.Any(v => v != 1):
                throw new ArgumentException("Choose exactly one option.", nameof(ballot));
            case PollMethod.MultipleChoice when ballot.Count == 0 || ballot.Count > maxChoicesOrScore || ballot.Values.Any(v => v != 1):
                throw new ArgumentException($"Choose between 1 and {maxChoicesOrScore} options.", nameof(ballot));
            case PollMethod.Score when ballot.Values.Any(v => v < 0 || v > maxChoicesOrScore):
                throw new ArgumentException($"Scores go from 0 to {maxChoicesOrScore}.", nameof(ballot));
        }
    }
}
