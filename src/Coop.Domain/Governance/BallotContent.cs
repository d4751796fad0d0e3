using System.Globalization;

namespace Coop.Domain.Governance;

/// <summary>Why a ballot is refused, as a code the interface translates.</summary>
public enum BallotError
{
    Empty = 1,
    UnknownOption,
    DuplicateRank,
    TooManyChoices,
    ScoreOutOfRange,
    GradeMissing,
}

public sealed class BallotRejectedException(BallotError error) : ArgumentException($"Ballot refused: {error}.")
{
    public BallotError Error { get; } = error;
}

/// <summary>
/// The canonical text of a ballot, one format per method, so the hash chain and the published box read the same
/// everywhere: resolution and proposal "for" | "against" | "abstain" | "blank" | "block"; single choice "2";
/// multiple choice and time poll "0,2,5" (ascending); score and majority judgment one value per option "3,0,5";
/// ranked choice "2&gt;0&gt;1" (first choice first, may stop early).
/// </summary>
public static class BallotContent
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string OfChoice(Choice choice) => choice.ToString().ToLowerInvariant();

    public static Choice? ChoiceOf(string answer) =>
        answer is "for" or "against" or "abstain" or "blank" or "block" ? Enum.Parse<Choice>(answer, ignoreCase: true) : null;

    /// <summary>Choices a method offers: resolutions have blank, proposals have block.</summary>
    public static IReadOnlyList<Choice> ChoicesFor(VoteMethod method) => method == VoteMethod.Proposal
        ? [Choice.For, Choice.Abstain, Choice.Against, Choice.Block]
        : [Choice.For, Choice.Against, Choice.Abstain, Choice.Blank];

    /// <summary>Checks a ballot against the vote and returns its canonical text, or throws <see cref="BallotRejectedException"/>.</summary>
    public static string Canonical(Vote vote, BallotInput input)
    {
        ArgumentNullException.ThrowIfNull(vote);
        ArgumentNullException.ThrowIfNull(input);
        var options = vote.Options.Count;
        switch (vote.Method)
        {
            case VoteMethod.Resolution or VoteMethod.Proposal:
                if (input.Choice is not { } choice) throw new BallotRejectedException(BallotError.Empty);
                if (!ChoicesFor(vote.Method).Contains(choice)) throw new BallotRejectedException(BallotError.UnknownOption);
                return OfChoice(choice);
            case VoteMethod.SingleChoice:
                var single = Distinct(input.Options, options);
                if (single.Count != 1) throw new BallotRejectedException(single.Count == 0 ? BallotError.Empty : BallotError.TooManyChoices);
                return single[0].ToString(Inv);
            case VoteMethod.MultipleChoice or VoteMethod.TimePoll:
                var many = Distinct(input.Options, options);
                if (many.Count == 0) throw new BallotRejectedException(BallotError.Empty);
                if (many.Count > vote.MaxChoicesOrScore) throw new BallotRejectedException(BallotError.TooManyChoices);
                return string.Join(',', many.Order().Select(o => o.ToString(Inv)));
            case VoteMethod.Score or VoteMethod.MajorityJudgment:
                var max = vote.Method == VoteMethod.Score ? vote.MaxChoicesOrScore : MajorityJudgment.Grades - 1;
                if (input.Values is null || input.Values.Count != options) throw new BallotRejectedException(BallotError.GradeMissing);
                if (input.Values.Any(v => v < 0 || v > max)) throw new BallotRejectedException(BallotError.ScoreOutOfRange);
                return string.Join(',', input.Values.Select(v => v.ToString(Inv)));
            default:
                var ranking = input.Options ?? [];
                if (ranking.Count == 0) throw new BallotRejectedException(BallotError.Empty);
                if (ranking.Any(o => o < 0 || o >= options)) throw new BallotRejectedException(BallotError.UnknownOption);
                if (ranking.Distinct().Count() != ranking.Count) throw new BallotRejectedException(BallotError.DuplicateRank);
                return string.Join('>', ranking.Select(o => o.ToString(Inv)));
        }
    }

    private static List<int> Distinct(IReadOnlyList<int>? picked, int options)
    {
        var list = (picked ?? []).Distinct().ToList();
        if (list.Any(o => o < 0 || o >= options)) throw new BallotRejectedException(BallotError.UnknownOption);
        return list;
    }

    /// <summary>Reads a canonical answer back: option indexes (choice, ranked) or values per option (score, grades).</summary>
    public static IReadOnlyList<int> Numbers(string answer) =>
        answer.Length == 0 ? [] : answer.Split(',', '>').Select(x => int.Parse(x, Inv)).ToList();
}

/// <summary>What a voter submits, before checking: a choice (resolution, proposal), option indexes (choice polls,
/// ranking in order), or a value per option (score, majority judgment).</summary>
public sealed record BallotInput(Choice? Choice = null, IReadOnlyList<int>? Options = null, IReadOnlyList<int>? Values = null);
